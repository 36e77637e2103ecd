import { compareOsVersions, MICROSOFT_AUTHENTICATOR, type EnrollmentType, type Resource } from '../../model';
import { isCompanyPortalWebClip } from '../company-portal-web-clip';
import { enablesJit, isJitPolicy } from '../jit';
import { ofKind } from './by-priority';
import type { EnrollmentRequest } from './enrollment-request';
import type { JitStep, RequiredAppStep, SimulationWarning, WebClipStep } from './enrollment-resolution';
import { matchUser } from './user-targeting';

/** What follows enrollment (domain.md step 4). */
export interface AfterEnrollment {
  /** JIT registration. */
  readonly jit: JitStep;
  /** Required apps, Microsoft Authenticator first. */
  readonly requiredApps: readonly RequiredAppStep[];
  /** Web clips on the home screen. */
  readonly webClips: readonly WebClipStep[];
  /** What to know. */
  readonly warnings: readonly SimulationWarning[];
}

const BROKERED: readonly EnrollmentType[] = ['webDeviceEnrollment', 'accountDrivenUserEnrollment'];

function resolveJit(resources: readonly Resource[], request: EnrollmentRequest, type: EnrollmentType): { jit: JitStep; warnings: SimulationWarning[] } {
  const policy = ofKind(resources, 'ssoExtensionPolicy').find((p) => isJitPolicy(p.spec) && matchUser(p.assignments, request.memberOf).applies);
  if (!BROKERED.includes(type)) {
    return { jit: { enabled: false, reason: 'Company Portal enrollment registers the device in the Company Portal app, without JIT registration (002)' }, warnings: [] };
  }
  if (!policy) {
    return { jit: { enabled: false, reason: 'no SSO extension policy with device_registration is assigned to the user' }, warnings: [] };
  }
  if (!enablesJit(policy.spec)) {
    return {
      jit: { enabled: false, policy: policy.displayName, reason: `"${policy.displayName}" has a malformed device_registration setting` },
      warnings: [{ rule: 'EK002', message: `JIT registration does not work: "${policy.displayName}" must set device_registration to the String {{DEVICEREGISTRATION}}, without white space (EK002, EK003)` }],
    };
  }
  return { jit: { enabled: true, policy: policy.displayName, reason: `"${policy.displayName}" sets device_registration` }, warnings: [] };
}

/** The required apps that install on the device, Authenticator first, and a warning for each required one its OS is too old for. */
function resolveApps(resources: readonly Resource[], request: EnrollmentRequest): { apps: RequiredAppStep[]; warnings: SimulationWarning[] } {
  const apps = ofKind(resources, 'iosApp').filter((app) =>
    request.device === 'ipad' ? app.spec.applicableDeviceType.iPad : app.spec.applicableDeviceType.iPhoneAndIPod,
  );
  const required = apps.filter((app) => {
    const assignments = app.assignments.filter((a) => a.target.type === 'exclusionGroup' || (a.intent ?? 'required') === 'required');
    return matchUser(assignments, request.memberOf).applies;
  });
  const installs = (app: (typeof apps)[number]) => app.spec.minimumOsVersion === undefined || compareOsVersions(request.os, app.spec.minimumOsVersion) >= 0;
  const steps = required.filter(installs).map((app) => {
    const assignments = app.assignments.filter((a) => a.target.type === 'exclusionGroup' || (a.intent ?? 'required') === 'required');
    return { name: app.displayName, bundleId: app.spec.bundleId, path: app.path, matchedBy: matchUser(assignments, request.memberOf).matchedBy };
  });
  const warnings = required
    .filter((app) => !installs(app))
    .map((app) => ({
      message: `"${app.displayName}" is required for the user but needs iOS/iPadOS ${app.spec.minimumOsVersion ?? ''} or later (its minimum OS version), so it does not install on ${request.os}`,
    }));
  const isAuthenticator = (s: RequiredAppStep) => s.bundleId.toLowerCase() === MICROSOFT_AUTHENTICATOR.bundleId;
  return { apps: [...steps.filter(isAuthenticator), ...steps.filter((s) => !isAuthenticator(s))], warnings };
}

function resolveWebClips(resources: readonly Resource[], request: EnrollmentRequest): WebClipStep[] {
  return ofKind(resources, 'webClip').flatMap((clip) => {
    const installed = clip.assignments.filter((a) => a.target.type === 'exclusionGroup' || a.intent !== 'uninstall');
    const match = matchUser(installed, request.memberOf);
    return match.applies ? [{ name: clip.displayName, url: clip.spec.appUrl, path: clip.path, matchedBy: match.matchedBy }] : [];
  });
}

/** Step 4: JIT registration, required apps and web clips for the user, with what is missing. */
export function resolveAfterEnrollment(resources: readonly Resource[], request: EnrollmentRequest, type: EnrollmentType): AfterEnrollment {
  const { jit, warnings } = resolveJit(resources, request, type);
  const { apps: requiredApps, warnings: appWarnings } = resolveApps(resources, request);
  warnings.push(...appWarnings);
  const webClips = resolveWebClips(resources, request);
  const companyPortalClip = ofKind(resources, 'webClip').some(
    (c) => isCompanyPortalWebClip(c.spec) && webClips.some((w) => w.path === c.path),
  );
  const hasAuthenticator = requiredApps.some((a) => a.bundleId.toLowerCase() === MICROSOFT_AUTHENTICATOR.bundleId);
  if (type === 'webDeviceEnrollment' && !jit.enabled) {
    warnings.push({
      rule: 'EK009',
      message: `without JIT registration the user cannot enroll with the Company Portal app${companyPortalClip ? '; the Company Portal web clip works like the app' : ' and no Company Portal web clip reaches the user'}`,
    });
  }
  if (type === 'accountDrivenUserEnrollment' && !jit.enabled) {
    warnings.push({ rule: 'EK006', message: 'account-driven user enrollment expects JIT registration with Microsoft Authenticator (004)' });
  }
  if (BROKERED.includes(type) && !hasAuthenticator) {
    const missing = `${MICROSOFT_AUTHENTICATOR.displayName} is not assigned as a required app to the user: work apps cannot sign in without it`;
    warnings.push(type === 'accountDrivenUserEnrollment' ? { rule: 'EK006', message: `${missing} (004)` } : { message: `${missing} (002)` });
  }
  if (type === 'accountDrivenUserEnrollment') {
    warnings.push({ message: `wait a few minutes after enrollment for ${MICROSOFT_AUTHENTICATOR.displayName} to install: signing in to a work app without it shows an error (004)` });
  }
  if (!companyPortalClip) {
    warnings.push({ rule: 'EK015', message: 'no Company Portal web clip reaches the user: device status and actions need the browser' });
  }
  return { jit, requiredApps, webClips, warnings };
}
