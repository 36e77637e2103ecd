import type { Rule } from './rule';

/** EK017: ADE without user affinity cannot use the Company Portal; DEM accounts are not supported with ADE. */
export const ek017AdeUserAffinity: Rule = {
  id: 'EK017',
  severity: 'error',
  title: 'An ADE profile without user affinity cannot use the Company Portal; the device enrollment manager account is not supported with ADE',
  message: 'the Company Portal app is not used, needed or supported on enrollments without user affinity',
  fix: 'enroll with user affinity, or authenticate with Setup Assistant and do not install the Company Portal; enroll with user accounts, not a DEM account',
  sources: ['003'],
  needs: ['adeProfiles'],
  check: ({ facts }) =>
    (facts.adeProfiles ?? []).flatMap((profile) => {
      const problems = [
        ...(!profile.userAffinity && profile.authenticateWithCompanyPortal ? ['authenticates with the Company Portal without user affinity'] : []),
        ...(!profile.userAffinity && profile.installCompanyPortalWithVpp ? ['installs the Company Portal with VPP without user affinity'] : []),
        ...(profile.deviceEnrollmentManager ? ['enrolls with a device enrollment manager account'] : []),
      ];
      if (problems.length === 0) return [];
      return [{ path: profile.path ?? `tenant/adeProfile/${profile.displayName}`, field: 'userAffinity', value: profile.userAffinity, message: `the ADE profile "${profile.displayName}" ${problems.join(' and ')}` }];
    }),
};
