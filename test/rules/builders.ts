import {
  COMPANY_PORTAL_WEB_URL,
  MANIFEST_VERSION,
  MICROSOFT_AUTHENTICATOR,
  parseManifest,
  type AdeProfileSpec,
  type Assignment,
  type AssignmentTarget,
  type ConfiguratorProfileSpec,
  type EnrollmentTypeProfileSpec,
  type GroupSpec,
  type Manifest,
  type PlatformRestrictionSpec,
  type Resource,
  type SsoConfiguration,
  type Suppression,
} from '../../src/model';

/** Targets, shortest form: `'*'` all users, `'devices'` all devices, `'-X'` exclude X, else group X. */
export type Target = string;

function target(spec: Target): AssignmentTarget {
  if (spec === '*') return { type: 'allLicensedUsers' };
  if (spec === 'devices') return { type: 'allDevices' };
  if (spec.startsWith('-')) return { type: 'exclusionGroup', group: spec.slice(1) };
  return { type: 'group', group: spec };
}

/** Assignments to the given targets, with an intent for apps. */
export function assign(targets: readonly Target[], intent?: Assignment['intent']): Assignment[] {
  return targets.map((t) => ({ target: target(t), ...(intent && !t.startsWith('-') ? { intent } : {}) }));
}

function base(name: string, targets: readonly Target[], extra: Partial<Pick<Resource, 'priority' | 'suppressions'>> = {}) {
  const id = name.replace(/[^A-Za-z0-9]+/g, '');
  return { logicalId: id, path: `Stack/${id}`, displayName: name, description: '', assignments: assign(targets), suppressions: extra.suppressions ?? [], ...(extra.priority === undefined ? {} : { priority: extra.priority }) };
}

/** An enrollment type profile. */
export function profile(name: string, type: EnrollmentTypeProfileSpec['enrollmentType'], targets: readonly Target[], priority: number, extra: { userChoice?: EnrollmentTypeProfileSpec['userChoice']; suppressions?: Suppression[] } = {}): Resource {
  const spec: EnrollmentTypeProfileSpec = extra.userChoice ? { enrollmentType: type, userChoice: extra.userChoice } : { enrollmentType: type };
  return { kind: 'enrollmentTypeProfile', spec, ...base(name, targets, { priority, ...(extra.suppressions ? { suppressions: extra.suppressions } : {}) }) };
}

/** A platform restriction. */
export function platformRestriction(name: string, spec: Partial<PlatformRestrictionSpec>, targets: readonly Target[], priority: number): Resource {
  return { kind: 'platformRestriction', spec: { platformBlocked: false, personalDeviceEnrollmentBlocked: false, ...spec }, ...base(name, targets, { priority }) };
}

/** A device limit restriction. */
export function deviceLimit(name: string, limit: number, targets: readonly Target[], priority: number): Resource {
  return { kind: 'deviceLimitRestriction', spec: { limit }, ...base(name, targets, { priority }) };
}

/** The JIT SSO extension policy of 004, with its recommended keys, or the given settings. */
export function jitPolicy(name: string, targets: readonly Target[], configurations?: SsoConfiguration[], bundleIds: string[] = []): Resource {
  return {
    kind: 'ssoExtensionPolicy',
    spec: {
      bundleIdAccessControlList: bundleIds,
      configurations: configurations ?? [
        { key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}}' },
        { key: 'browser_sso_interaction_enabled', type: 'integer', value: 1 },
      ],
      enableSharedDeviceMode: false,
    },
    ...base(name, targets),
  };
}

/** Microsoft Authenticator, referenced, with assignments of the given intent. */
export function authenticator(targets: readonly Target[], intent: Assignment['intent'] = 'required'): Resource {
  return {
    kind: 'iosApp',
    spec: { appType: 'iosStoreApp', bundleId: MICROSOFT_AUTHENTICATOR.bundleId, applicableDeviceType: { iPad: true, iPhoneAndIPod: true }, minimumOsVersion: '15.0' },
    ...base('Microsoft Authenticator', []),
    assignments: assign(targets, intent),
    reference: { field: 'bundleId', value: MICROSOFT_AUTHENTICATOR.bundleId },
  };
}

/** Another required store app. */
export function storeApp(name: string, bundleId: string, targets: readonly Target[], devices: { iPad: boolean; iPhoneAndIPod: boolean } = { iPad: true, iPhoneAndIPod: true }): Resource {
  return {
    kind: 'iosApp',
    spec: { appType: 'iosStoreApp', bundleId, applicableDeviceType: devices, minimumOsVersion: '15.0' },
    ...base(name, []),
    assignments: assign(targets, 'required'),
  };
}

/** A web clip, by default of the Company Portal website. */
export function webClip(name: string, targets: readonly Target[], url: string = COMPANY_PORTAL_WEB_URL): Resource {
  return {
    kind: 'webClip',
    spec: { appUrl: url, useManagedBrowser: false, fullScreenEnabled: true, preComposedIconEnabled: false, ignoreManifestScope: false },
    ...base(name, []),
    assignments: assign(targets, 'required'),
  };
}

/** A declared group of users, or of devices when `members` says so. */
export function group(displayName: string, members: GroupSpec['members'] = 'users', membershipRule?: string): GroupSpec {
  return { displayName, declared: true, path: `Stack/${displayName}`, members, ...(membershipRule ? { membershipRule } : {}) };
}

/** A schema-checked manifest of the stack `Stack`. */
export function manifest(resources: readonly Resource[], groups: readonly GroupSpec[] = [], suppressions: readonly Suppression[] = []): Manifest {
  return parseManifest({ version: MANIFEST_VERSION, stack: 'Stack', groups, resources, suppressions });
}

/**
 * A stack that follows every rule: web-based enrollment for BYOD users with JIT registration,
 * Authenticator required, the Company Portal web clip, account-driven user enrollment for
 * contractors, and restrictions by major.minor only.
 */
export function cleanStack(): Resource[] {
  return [
    jitPolicy('JIT registration', ['BYOD Users', 'Contractors']),
    authenticator(['BYOD Users', 'Contractors']),
    webClip('Company Portal', ['BYOD Users', 'Contractors']),
    platformRestriction('iOS 15+', { osMinimumVersion: '15.0' }, ['BYOD Users'], 1),
    deviceLimit('Three devices', 3, ['BYOD Users'], 1),
    profile('Web-based BYOD', 'webDeviceEnrollment', ['BYOD Users'], 1),
    profile('Contractors', 'accountDrivenUserEnrollment', ['Contractors'], 2, { suppressions: [{ rule: 'EK001', reason: 'contractors use current devices' }] }),
  ];
}

/** An ADE enrollment profile of the token "Contoso ABM". */
export function adeProfile(name: string, spec: Partial<AdeProfileSpec> = {}): Resource {
  return {
    kind: 'adeProfile',
    spec: {
      token: 'Contoso ABM',
      userAffinity: true,
      authentication: 'setupAssistantModern',
      companyPortalSingleAppMode: false,
      supervised: true,
      lockedEnrollment: false,
      awaitFinalConfiguration: true,
      hiddenPanes: [],
      isDefault: false,
      serialNumbers: [],
      ...spec,
    },
    ...base(name, []),
  };
}

/** An Apple Configurator enrollment profile (user affinity with Company Portal by default). */
export function configuratorProfile(name: string, spec: Partial<ConfiguratorProfileSpec> = {}): Resource {
  return { kind: 'configuratorProfile', spec: { userAffinity: true, authentication: 'companyPortal', serialNumbers: [], ...spec }, ...base(name, []) };
}
