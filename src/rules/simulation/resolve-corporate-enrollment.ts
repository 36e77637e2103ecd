import { COMPANY_PORTAL, INTUNE_DEFAULTS } from '../../model';
import { resourcesOfKind } from '../resources';
import { corporateProfilesOf, type CorporateProfile } from './corporate-profiles';
import { userJourney } from './corporate-journey';
import type { CorporateDeviceKind, CorporateEnrollmentRequest } from './corporate-request';
import type {
  CorporateDeviceStep,
  CorporateEnrollmentResolution,
  CorporateOutcome,
  CorporateProfileStep,
  CorporateRestrictionStep,
  SettingStep,
} from './corporate-resolution';
import type { EnrollmentState } from './enrollment-request';
import type { SimulationWarning } from './enrollment-resolution';
import { applicablePlatformRestriction } from './resolve-restrictions';

/** How corporate devices are named in messages. */
export const CORPORATE_DEVICE_TITLES: Readonly<Record<CorporateDeviceKind, string>> = { ade: 'ADE', configurator: 'Apple Configurator' };

/** Where the device and its profile were found, or why none was. */
type Found =
  | { readonly device: CorporateDeviceStep; readonly profile: CorporateProfile; readonly step: CorporateProfileStep }
  | { readonly device: CorporateDeviceStep; readonly outcome: CorporateOutcome; readonly summary: string };

const names = (profiles: readonly CorporateProfile[]) => (profiles.length > 0 ? profiles.map((p) => `"${p.name}"`).join(', ') : 'none');

function selected(device: CorporateDeviceStep, profile: CorporateProfile, selectedBy: CorporateProfileStep['selectedBy'], reason: string): Found {
  return { device, profile, step: { name: profile.name, path: profile.path, kind: profile.kind, token: profile.token, selectedBy, reason } };
}

/** The ADE token of a device whose serial number assigns it no profile: stated, read from the tenant, or the only one the state names. */
function adeTokenOf(state: EnrollmentState, request: CorporateEnrollmentRequest, profiles: readonly CorporateProfile[]): { token?: string; reason: string } {
  if (request.token) return { token: request.token, reason: `the device is synced to ADE token "${request.token}" (stated)` };
  const tokens = [...new Set([...profiles.filter((p) => p.kind === 'ade').map((p) => p.token), ...(state.corporateDevices ?? []).filter((d) => d.deviceKind === 'ade').map((d) => d.token)])];
  if (tokens.length === 1) return { token: tokens[0]!, reason: `the device is taken to be synced to ADE token "${tokens[0]!}", the only one the state names` };
  if (tokens.length === 0) return { reason: 'the state has no ADE token with enrollment profiles' };
  return { reason: `the state names several ADE tokens (${tokens.map((t) => `"${t}"`).join(', ')}): name the device's token with --ade-token` };
}

/** The token's default profile, or what happens without one (an ADE device), or that Apple Configurator has none. */
function byDefault(profiles: readonly CorporateProfile[], device: CorporateDeviceStep): Found {
  const serial = device.serialNumber ? `${device.serialNumber} is assigned no profile` : 'the device is assigned no profile';
  if (device.kind === 'configurator') {
    return { device, outcome: 'noProfile', summary: `${serial}, and Apple Configurator profiles have no default: Apple Configurator has no Intune profile to deploy. Fix: assign the serial number to an Apple Configurator profile, or export one for direct enrollment` };
  }
  const fallback = profiles.find((p) => p.kind === 'ade' && p.token === device.token && p.isDefault);
  if (fallback) return selected(device, fallback, 'tokenDefault', `${serial}: the default profile of ADE token "${fallback.token}" applies`);
  return {
    device,
    outcome: 'noProfile',
    summary: `${serial} and ADE token "${device.token ?? ''}" has no default profile: the device activates without enrolling in Intune. Fix: assign a profile to the serial number, or make one the token's default, before the device is activated (a profile assigned later takes effect after the device is reset)`,
  };
}

/** Which device is set up and which profile it gets: named, assigned to its serial number, or its token's default. */
function findProfile(state: EnrollmentState, request: CorporateEnrollmentRequest): Found {
  const all = corporateProfilesOf(state.resources);
  const profiles = request.deviceKind ? all.filter((p) => p.kind === request.deviceKind) : all;
  const serialNumber = request.serialNumber?.toUpperCase();
  const serial = serialNumber ? { serialNumber } : {};
  if (request.profile !== undefined) {
    const named = profiles.find((p) => p.name.toLowerCase() === request.profile!.toLowerCase());
    if (!named) return { device: { ...serial, reason: 'the profile is named' }, outcome: 'noProfile', summary: `no enrollment profile is named "${request.profile}"; the state has ${names(profiles)}` };
    return selected({ kind: named.kind, token: named.token, ...serial, reason: `what-if: the device gets the profile named` }, named, 'named', `named in the question (the device's assignment is not consulted)`);
  }
  if (serialNumber) {
    const assigned = profiles.filter((p) => p.serialNumbers.includes(serialNumber));
    const [first, ...more] = assigned;
    if (first && more.length === 0) {
      return selected({ kind: first.kind, token: first.token, ...serial, reason: `${serialNumber} is assigned to "${first.name}" (token "${first.token}")` }, first, 'assigned', `assigned to ${serialNumber}`);
    }
    if (first) {
      return { device: { ...serial, reason: `${serialNumber} is assigned to several profiles` }, outcome: 'refused', summary: `${serialNumber} is assigned to ${assigned.length} profiles (${names(assigned)}): a device has one enrollment profile. Fix: assign it to one of them` };
    }
    const known = state.corporateDevices?.find((d) => d.serialNumber.toUpperCase() === serialNumber);
    if (state.corporateDevices && !known) {
      return {
        device: { ...serial, reason: `${serialNumber} is in no token of the tenant` },
        outcome: 'unknownDevice',
        summary: `${serialNumber} is neither synced from Apple Business or School Manager to an ADE token nor imported for Apple Configurator. Fix: assign the device to the Intune MDM server in Apple Business Manager and sync the token, or import its serial number for Apple Configurator`,
      };
    }
    if (known) return byDefault(profiles, { kind: known.deviceKind, token: known.token, ...serial, reason: `${serialNumber} is a device of ${known.deviceKind === 'ade' ? `ADE token "${known.token}"` : 'Apple Configurator'} in the tenant` });
  }
  if (request.deviceKind === 'configurator') {
    const [only, ...others] = profiles;
    const device: CorporateDeviceStep = { kind: 'configurator', ...serial, reason: serialNumber ? `${serialNumber} is assigned to no profile of the state` : 'an Apple Configurator device without a known serial number' };
    if (only && others.length === 0 && !serialNumber) return selected({ ...device, token: only.token }, only, 'onlyProfile', 'the only Apple Configurator profile of the state');
    if (serialNumber || !only) return byDefault(profiles, device);
    return { device, outcome: 'noProfile', summary: `the state has several Apple Configurator profiles (${names(profiles)}): name the one Apple Configurator deploys with --profile` };
  }
  const token = adeTokenOf(state, request, profiles);
  const prefix = serialNumber ? `${serialNumber} is assigned to no profile of the state; ` : '';
  const device: CorporateDeviceStep = { kind: 'ade', ...(token.token ? { token: token.token } : {}), ...serial, reason: `${prefix}${token.reason}` };
  if (!token.token) return { device, outcome: 'noProfile', summary: `no ADE profile applies: ${token.reason}` };
  return byDefault(profiles, device);
}

/** The platform restriction that reaches an ADE device's user (the tenant default without user affinity). */
function restrictionOf(state: EnrollmentState, request: CorporateEnrollmentRequest, profile: CorporateProfile): CorporateRestrictionStep {
  const { object, settings } = applicablePlatformRestriction(profile.userAffinity ? state.resources : [], request.memberOf, state.defaults ?? INTUNE_DEFAULTS);
  const personal = settings.personalDeviceEnrollmentBlocked ? '; blocking personally owned devices does not concern this organization-owned device' : '';
  return settings.platformBlocked
    ? { ...object, passed: false, reason: 'it blocks iOS/iPadOS enrollment: ADE enrollment fails with "Invalid Profile"' }
    : { ...object, passed: true, reason: `iOS/iPadOS is allowed${personal}` };
}

function refusalsOf(profile: CorporateProfile, request: CorporateEnrollmentRequest, restriction: CorporateRestrictionStep | undefined): SimulationWarning[] {
  const title = CORPORATE_DEVICE_TITLES[profile.kind];
  const refusals: SimulationWarning[] = [];
  if (request.deviceEnrollmentManager) {
    refusals.push({ rule: 'EK022', message: `the device enrollment manager (DEM) account is not supported with ${title} (003): set the device up with the user's own account, or without user affinity` });
  }
  if (!profile.userAffinity && profile.authentication === 'companyPortal') {
    refusals.push({ rule: 'EK017', message: `"${profile.name}" authenticates in Company Portal without user affinity: Company Portal is not used, needed or supported on enrollments without user affinity (003)` });
  }
  if (!profile.userAffinity && profile.companyPortalVppToken) {
    refusals.push({ rule: 'EK017', message: `"${profile.name}" installs Company Portal with VPP without user affinity: Company Portal is not used, needed or supported on enrollments without user affinity (003)` });
  }
  if (restriction && !restriction.passed) {
    refusals.push({ rule: 'EK023', message: `platform restriction "${restriction.name}" reaches ${profile.userAffinity ? 'the user' : 'the device (tenant default, no user affinity)'} and blocks iOS/iPadOS: ADE enrollment fails with "Invalid Profile"` });
  }
  return refusals;
}

function settingsOf(profile: CorporateProfile, request: CorporateEnrollmentRequest): { supervised: SettingStep; lockedEnrollment: SettingStep; sharedIPad: SettingStep; warnings: SimulationWarning[] } {
  if (profile.kind === 'configurator') {
    const notSet = 'not a setting of Apple Configurator enrollment profiles';
    return {
      supervised: { reason: 'not set by the Intune profile: Apple Configurator supervises the device when it prepares it, if asked to' },
      lockedEnrollment: { reason: notSet },
      sharedIPad: { enabled: false, reason: notSet },
      warnings: [],
    };
  }
  const supervised = profile.supervised === true;
  const shared = profile.sharedIPad;
  return {
    supervised: {
      enabled: supervised,
      reason: supervised
        ? 'supervised mode: Intune can deploy software updates, restrict features, and allow and block apps (003)'
        : 'the profile does not ask for supervised mode, which ADE exists to give (003); Apple supervises ADE devices on iOS/iPadOS 13 and later whatever the profile says',
    },
    lockedEnrollment: {
      enabled: profile.lockedEnrollment === true,
      reason: profile.lockedEnrollment ? 'users cannot remove the management profile' : 'users can remove the management profile in Settings',
    },
    sharedIPad: shared
      ? { enabled: true, reason: `several users share the iPad (up to ${shared.maximumUsers} cached); after activation Setup Assistant skips every pane (003)` }
      : { enabled: false, reason: profile.userAffinity ? 'one user: the user with affinity' : 'no user' },
    warnings: shared && request.device === 'iphone' ? [{ message: `"${profile.name}" enables Shared iPad, which only iPads support: this iPhone is set up without users` }] : [],
  };
}

function appStoreCompanyPortal(state: EnrollmentState): SimulationWarning[] {
  return resourcesOfKind(state.resources, 'iosApp')
    .filter((app) => app.spec.bundleId === COMPANY_PORTAL.bundleId && app.spec.appType === 'iosStoreApp' && app.assignments.length > 0)
    .map((app) => ({ rule: 'EK021', message: `"${app.displayName}" assigns Company Portal from the App Store: do not install it from the App Store on ADE or Apple Configurator devices (003)` }));
}

/**
 * Resolves what happens when an organization-owned iPhone or iPad is set up, step by step as
 * seed 003 describes it: the device and the ADE or Apple Configurator profile it gets (assigned
 * to its serial number, or its token's default), user affinity, where the user authenticates,
 * how Company Portal is installed, supervision, locked enrollment, Shared iPad, what the user
 * sees, and the reasons the setup cannot work when it cannot.
 */
export function resolveCorporateEnrollment(state: EnrollmentState, request: CorporateEnrollmentRequest): CorporateEnrollmentResolution {
  const found = findProfile(state, request);
  if (!('profile' in found)) return { request, outcome: found.outcome, summary: found.summary, device: found.device, userSteps: [], refusals: [], warnings: [] };
  const { profile, step } = found;
  const restriction = profile.kind === 'ade' ? restrictionOf(state, request, profile) : undefined;
  const refusals = refusalsOf(profile, request, restriction);
  const journey = userJourney(profile, request);
  const settings = settingsOf(profile, request);
  const outcome: CorporateOutcome = refusals.length > 0 ? 'refused' : journey.incomplete ? 'incomplete' : 'enrolled';
  const via = `"${profile.name}" (${CORPORATE_DEVICE_TITLES[profile.kind]}, token "${profile.token}")`;
  const summary =
    outcome === 'refused'
      ? `the setup cannot work: ${refusals.map((r) => r.message).join('; ')}`
      : outcome === 'incomplete'
        ? `does not finish through ${via}: ${journey.incomplete ?? ''}`
        : `enrolls through ${via} ${profile.userAffinity ? `with user affinity, authenticating in ${journey.authentication.where}` : 'without user affinity'}`;
  return {
    request,
    outcome,
    summary,
    device: found.device,
    profile: step,
    ...(restriction ? { restriction } : {}),
    userAffinity: {
      enabled: profile.userAffinity,
      reason: profile.userAffinity ? 'a user signs in during setup and the device is associated with that user' : 'no user is associated with the device (user-less, kiosk or shared devices)',
    },
    authentication: journey.authentication,
    companyPortal: journey.companyPortal,
    entraRegistration: journey.entraRegistration,
    supervised: settings.supervised,
    lockedEnrollment: settings.lockedEnrollment,
    sharedIPad: settings.sharedIPad,
    userSteps: outcome === 'refused' ? [] : journey.steps,
    refusals,
    warnings: [...journey.warnings, ...settings.warnings, ...appStoreCompanyPortal(state)],
  };
}
