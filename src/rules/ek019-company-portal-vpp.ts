import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK019: Microsoft recommends VPP when ADE users authenticate in the Company Portal app. */
export const ek019CompanyPortalVpp: Rule = {
  id: 'EK019',
  severity: 'warning',
  title: 'Install Company Portal with VPP when ADE users authenticate in the Company Portal app',
  message: 'without a VPP token, users must enter their Apple ID in Setup Assistant before Company Portal installs, and are prompted until they do',
  fix: 'set installCompanyPortalWithVpp to the tenant\'s VPP token (VppToken.fromName)',
  sources: ['003'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'adeProfile')
      .filter((p) => p.spec.authentication === 'companyPortal' && p.spec.companyPortalVppToken === undefined)
      .map((p) => ({ path: p.path, field: 'installCompanyPortalWithVpp', message: `the ADE profile "${p.displayName}" authenticates in Company Portal without installing it through VPP` })),
};
