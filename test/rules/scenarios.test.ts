import type { EnrollmentType, Resource } from '../../src/model';
import { resolveEnrollment, type EnrollmentRequest, type SeedDocument } from '../../src/rules';
import { authenticator, deviceLimit, jitPolicy, platformRestriction, profile, storeApp, webClip } from './builders';

/** The pieces of a tenant that 001 and 004 ask for: JIT registration, Authenticator required, the web clip. */
const ESSENTIALS: Resource[] = [jitPolicy('JIT registration', ['*']), authenticator(['*']), webClip('Company Portal', ['*'])];
const WEB = profile('Web-based BYOD', 'webDeviceEnrollment', ['BYOD Users'], 1);
const ADUE = profile('Account-driven', 'accountDrivenUserEnrollment', ['Contractors'], 1);
const CP = profile('Company Portal', 'device', ['BYOD Users'], 1);
const CHOICE = profile('User choice', 'userChoice', ['BYOD Users'], 1, { userChoice: { personal: 'accountDrivenUserEnrollment', corporate: 'device' } });

interface Expected {
  readonly outcome: 'enrolled' | 'blocked' | 'noProfile';
  /** The winning profile. */
  readonly profile?: string;
  /** The effective enrollment type. */
  readonly type?: EnrollmentType;
  readonly enrollsIn?: readonly string[];
  readonly jit?: boolean;
  /** Required apps, in install order. */
  readonly apps?: readonly string[];
  readonly clips?: readonly string[];
  /** Rules the warnings must cite. */
  readonly warns?: readonly string[];
  /** Rules the warnings must not cite. */
  readonly quiet?: readonly string[];
  /** Text the summary contains. */
  readonly because?: string;
  /** The platform restriction that applies. */
  readonly restriction?: string;
}

interface Scenario {
  readonly title: string;
  /** The seed document the outcome comes from. */
  readonly source: SeedDocument | 'domain';
  readonly config: readonly Resource[];
  readonly request: Partial<EnrollmentRequest>;
  readonly expected: Expected;
}

const SAFARI_SETTINGS = ['Safari', 'Settings'];
const COMPANY_PORTAL_APP = ['Company Portal app', 'Safari', 'Settings'];
const VPN_DEVICE_MANAGEMENT = ['Settings > General > VPN & Device Management'];

const SCENARIOS: Scenario[] = [
  { title: 'iOS 17.2 on a web-based profile enrolls in Safari and Settings with JIT registration', source: '001', config: [...ESSENTIALS, WEB], request: { os: '17.2' }, expected: { outcome: 'enrolled', profile: 'Web-based BYOD', type: 'webDeviceEnrollment', enrollsIn: SAFARI_SETTINGS, jit: true, quiet: ['EK001'] } },
  { title: 'iOS 14.8 on a web-based profile enrolls through the Company Portal app', source: '001', config: [...ESSENTIALS, WEB], request: { os: '14.8' }, expected: { outcome: 'enrolled', type: 'device', enrollsIn: COMPANY_PORTAL_APP, jit: false, warns: ['EK001'] } },
  { title: 'iOS 14.9 is still below 15: web-based falls back to app-based device enrollment', source: '001', config: [...ESSENTIALS, WEB], request: { os: '14.9' }, expected: { outcome: 'enrolled', type: 'device', warns: ['EK001'] } },
  { title: 'iOS 15.0 is enough for web-based device enrollment', source: '001', config: [...ESSENTIALS, WEB], request: { os: '15.0' }, expected: { outcome: 'enrolled', type: 'webDeviceEnrollment', quiet: ['EK001'] } },
  { title: 'an iPad on iPadOS 16.4 enrolls web-based like an iPhone', source: '001', config: [...ESSENTIALS, WEB], request: { os: '16.4', device: 'ipad' }, expected: { outcome: 'enrolled', type: 'webDeviceEnrollment', enrollsIn: SAFARI_SETTINGS } },
  { title: 'iOS 17.0 on an account-driven profile enrolls in Settings > VPN & Device Management', source: '004', config: [...ESSENTIALS, ADUE], request: { os: '17.0', memberOf: ['Contractors'] }, expected: { outcome: 'enrolled', type: 'accountDrivenUserEnrollment', enrollsIn: VPN_DEVICE_MANAGEMENT, jit: true } },
  { title: 'account-driven on iOS 14.8 becomes user enrollment with Company Portal', source: '004', config: [...ESSENTIALS, ADUE], request: { os: '14.8', memberOf: ['Contractors'] }, expected: { outcome: 'enrolled', type: 'user', enrollsIn: COMPANY_PORTAL_APP, warns: ['EK001'] } },
  {
    title: "a user in two profiles' groups gets the higher priority one (web-based first)",
    source: '001',
    config: [...ESSENTIALS, WEB, profile('Account-driven', 'accountDrivenUserEnrollment', ['Contractors'], 2)],
    request: { os: '17.2', memberOf: ['BYOD Users', 'Contractors'] },
    expected: { outcome: 'enrolled', profile: 'Web-based BYOD', type: 'webDeviceEnrollment', warns: ['EK013'] },
  },
  {
    title: "a user in two profiles' groups gets the higher priority one (account-driven first)",
    source: '004',
    config: [...ESSENTIALS, ADUE, profile('Web-based BYOD', 'webDeviceEnrollment', ['BYOD Users'], 2)],
    request: { os: '17.2', memberOf: ['BYOD Users', 'Contractors'] },
    expected: { outcome: 'enrolled', profile: 'Account-driven', type: 'accountDrivenUserEnrollment' },
  },
  {
    title: 'an exclusion group wins over the inclusion of a higher-priority profile: the next profile applies',
    source: 'domain',
    config: [...ESSENTIALS, profile('Everyone but contractors', 'webDeviceEnrollment', ['*', '-Contractors'], 1), profile('Contractors', 'accountDrivenUserEnrollment', ['Contractors'], 2)],
    request: { os: '17.2', memberOf: ['Contractors'] },
    expected: { outcome: 'enrolled', profile: 'Contractors', type: 'accountDrivenUserEnrollment' },
  },
  {
    title: 'a user both included and excluded by the same profile is not assigned it',
    source: 'domain',
    config: [...ESSENTIALS, profile('Web', 'webDeviceEnrollment', ['BYOD Users', '-Frontline'], 1)],
    request: { os: '17.2', memberOf: ['BYOD Users', 'Frontline'] },
    expected: { outcome: 'noProfile' },
  },
  {
    title: 'a group profile at priority 1 beats an all-users profile at priority 2',
    source: '001',
    config: [...ESSENTIALS, WEB, profile('All users', 'device', ['*'], 2)],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', profile: 'Web-based BYOD' },
  },
  {
    title: 'an all-users profile at priority 1 beats a group profile at priority 2',
    source: '001',
    config: [...ESSENTIALS, profile('All users', 'device', ['*'], 1), profile('Web-based BYOD', 'webDeviceEnrollment', ['BYOD Users'], 2)],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', profile: 'All users', type: 'device' },
  },
  { title: 'a user in no group gets the all-users profile', source: '004', config: [...ESSENTIALS, WEB, profile('All users', 'device', ['*'], 2)], request: { os: '17.2', memberOf: [] }, expected: { outcome: 'enrolled', profile: 'All users' } },
  { title: 'a user no profile reaches has no enrollment type profile', source: 'domain', config: [...ESSENTIALS, WEB], request: { os: '17.2', memberOf: ['Sales'] }, expected: { outcome: 'noProfile' } },
  {
    title: 'an account-driven profile assigned to all devices does not reach the user (user enrollment requires user identities)',
    source: '004',
    config: [...ESSENTIALS, profile('ADUE on devices', 'accountDrivenUserEnrollment', ['devices'], 1)],
    request: { os: '17.2' },
    expected: { outcome: 'noProfile' },
  },
  {
    title: 'a personal device is blocked by a restriction that blocks personally owned devices',
    source: '004',
    config: [...ESSENTIALS, WEB, platformRestriction('Corporate only', { personalDeviceEnrollmentBlocked: true }, ['*'], 1)],
    request: { os: '17.2', ownership: 'personal' },
    expected: { outcome: 'blocked', because: 'personally owned devices are blocked', restriction: 'Corporate only' },
  },
  {
    title: 'a corporate device passes a restriction that blocks personally owned devices',
    source: '004',
    config: [...ESSENTIALS, WEB, platformRestriction('Corporate only', { personalDeviceEnrollmentBlocked: true }, ['*'], 1)],
    request: { os: '17.2', ownership: 'corporate' },
    expected: { outcome: 'enrolled', restriction: 'Corporate only' },
  },
  { title: 'iOS blocked by the platform restriction refuses enrollment', source: 'domain', config: [...ESSENTIALS, WEB, platformRestriction('No iOS', { platformBlocked: true }, ['BYOD Users'], 1)], request: { os: '17.2' }, expected: { outcome: 'blocked', because: 'iOS/iPadOS enrollment is blocked' } },
  { title: 'iOS 15.7 is below a 16.0 minimum', source: 'domain', config: [...ESSENTIALS, WEB, platformRestriction('16+', { osMinimumVersion: '16.0' }, ['*'], 1)], request: { os: '15.7' }, expected: { outcome: 'blocked', because: 'below the minimum 16.0' } },
  { title: 'iOS 17.4 is above a 17.0 maximum', source: 'domain', config: [...ESSENTIALS, WEB, platformRestriction('Up to 17.0', { osMaximumVersion: '17.0' }, ['*'], 1)], request: { os: '17.4' }, expected: { outcome: 'blocked', because: 'above the maximum 17.0' } },
  {
    title: 'a restriction at 17.0.3 raises EK012 for web-based enrollment: Safari misreports the version',
    source: '002',
    config: [...ESSENTIALS, WEB, platformRestriction('17.0.3+', { osMinimumVersion: '17.0.3' }, ['*'], 1)],
    request: { os: '17.0.3' },
    expected: { outcome: 'enrolled', type: 'webDeviceEnrollment', warns: ['EK012'] },
  },
  {
    title: 'a restriction at 17.0.3 does not concern account-driven enrollment, which does not run in Safari',
    source: '002',
    config: [...ESSENTIALS, ADUE, platformRestriction('17.0.3+', { osMinimumVersion: '17.0.3' }, ['*'], 1)],
    request: { os: '17.2', memberOf: ['Contractors'] },
    expected: { outcome: 'enrolled', quiet: ['EK012'] },
  },
  {
    title: 'the highest-priority restriction assigned to the user applies, not a stricter lower one',
    source: 'domain',
    config: [...ESSENTIALS, WEB, platformRestriction('BYOD allowed', {}, ['BYOD Users'], 1), platformRestriction('No personal', { personalDeviceEnrollmentBlocked: true }, ['*'], 2)],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', restriction: 'BYOD allowed' },
  },
  {
    title: 'without an assigned restriction the tenant default (all users, priority 0) allows enrollment',
    source: 'domain',
    config: [...ESSENTIALS, WEB, platformRestriction('Sales only', { platformBlocked: true }, ['Sales'], 1)],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', restriction: 'All users' },
  },
  { title: 'a user at the device limit (3 of 3) is blocked', source: '003', config: [...ESSENTIALS, WEB, deviceLimit('Three', 3, ['BYOD Users'], 1)], request: { os: '17.2', enrolledDevices: 3 }, expected: { outcome: 'blocked', because: 'device limit is reached' } },
  { title: 'a user below the device limit (2 of 3) enrolls', source: '003', config: [...ESSENTIALS, WEB, deviceLimit('Three', 3, ['BYOD Users'], 1)], request: { os: '17.2', enrolledDevices: 2 }, expected: { outcome: 'enrolled' } },
  { title: 'the default device limit allows 5 devices per user', source: '004', config: [...ESSENTIALS, WEB], request: { os: '17.2', enrolledDevices: 5 }, expected: { outcome: 'blocked', because: '5 of 5 devices' } },
  {
    title: 'a user-choice profile: "I own this device" gives account-driven user enrollment',
    source: '004',
    config: [...ESSENTIALS, CHOICE],
    request: { os: '17.2', choice: 'personal' },
    expected: { outcome: 'enrolled', type: 'accountDrivenUserEnrollment', enrollsIn: VPN_DEVICE_MANAGEMENT },
  },
  {
    title: 'a user-choice profile: "my organization owns this device" gives device enrollment',
    source: '003',
    config: [...ESSENTIALS, CHOICE],
    request: { os: '17.2', choice: 'corporate' },
    expected: { outcome: 'enrolled', type: 'device', enrollsIn: COMPANY_PORTAL_APP, jit: false },
  },
  {
    title: 'a user-choice profile on iOS 14.8: the personal answer falls back to user enrollment with Company Portal',
    source: '004',
    config: [...ESSENTIALS, CHOICE],
    request: { os: '14.8', choice: 'personal' },
    expected: { outcome: 'enrolled', type: 'user', warns: ['EK001'] },
  },
  {
    title: 'web-based without JIT registration: the Company Portal web clip stands in for the app',
    source: '002',
    config: [authenticator(['*']), webClip('Company Portal', ['*']), WEB],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', jit: false, warns: ['EK009'], quiet: ['EK015'], clips: ['Company Portal'] },
  },
  {
    title: 'web-based without JIT registration or a web clip: the user cannot use the Company Portal app',
    source: '002',
    config: [authenticator(['*']), WEB],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', jit: false, warns: ['EK009', 'EK015'], clips: [] },
  },
  {
    title: 'Company Portal enrollment on iOS 17 happens in the app, Safari and Settings, without JIT registration',
    source: '002',
    config: [...ESSENTIALS, CP],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', type: 'device', enrollsIn: COMPANY_PORTAL_APP, jit: false },
  },
  {
    title: 'Microsoft Authenticator installs first among the required apps',
    source: '001',
    config: [storeApp('Outlook', 'com.microsoft.Office.Outlook', ['*']), ...ESSENTIALS, WEB],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', apps: ['Microsoft Authenticator', 'Outlook'] },
  },
  {
    title: 'an iPad-only app is not installed on an iPhone',
    source: 'domain',
    config: [...ESSENTIALS, WEB, storeApp('Sketch', 'com.contoso.sketch', ['*'], { iPad: true, iPhoneAndIPod: false })],
    request: { os: '17.2', device: 'iphone' },
    expected: { outcome: 'enrolled', apps: ['Microsoft Authenticator'] },
  },
  {
    title: 'account-driven without Authenticator required: work apps cannot sign in',
    source: '004',
    config: [jitPolicy('JIT registration', ['*']), webClip('Company Portal', ['*']), ADUE],
    request: { os: '17.2', memberOf: ['Contractors'] },
    expected: { outcome: 'enrolled', apps: [], warns: ['EK006'] },
  },
  {
    title: 'a device_registration setting with a trailing space does not enable JIT registration',
    source: '004',
    config: [jitPolicy('JIT registration', ['*'], [{ key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}} ' }]), authenticator(['*']), webClip('Company Portal', ['*']), WEB],
    request: { os: '17.2' },
    expected: { outcome: 'enrolled', jit: false, warns: ['EK002', 'EK009'] },
  },
  { title: 'iOS 13.7 is not supported by Intune enrollment', source: '002', config: [...ESSENTIALS, CP], request: { os: '13.7' }, expected: { outcome: 'blocked', because: 'not supported' } },
];

const BASE_REQUEST: EnrollmentRequest = { user: 'adele@contoso.com', os: '17.2', device: 'iphone', ownership: 'personal', memberOf: ['BYOD Users'] };

describe('enrollment resolution: the scenario matrix', () => {
  it('has at least 30 scenarios', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(SCENARIOS.map((s) => [`${s.title} (${s.source})`, s] as const))('%s', (_title, scenario) => {
    const result = resolveEnrollment({ resources: scenario.config }, { ...BASE_REQUEST, ...scenario.request });
    const { expected } = scenario;
    const rules = result.warnings.flatMap((w) => (w.rule ? [w.rule] : []));
    expect(result.outcome).toBe(expected.outcome);
    if (expected.profile !== undefined) expect(result.profile?.name).toBe(expected.profile);
    if (expected.type !== undefined) expect(result.enrollmentType?.effective).toBe(expected.type);
    if (expected.enrollsIn !== undefined) expect(result.enrollsIn).toEqual(expected.enrollsIn);
    if (expected.jit !== undefined) expect(result.jit?.enabled).toBe(expected.jit);
    if (expected.apps !== undefined) expect(result.requiredApps.map((a) => a.name)).toEqual(expected.apps);
    if (expected.clips !== undefined) expect(result.webClips.map((c) => c.name)).toEqual(expected.clips);
    if (expected.because !== undefined) expect(result.summary).toContain(expected.because);
    if (expected.restriction !== undefined) expect(result.platformRestriction.name).toBe(expected.restriction);
    for (const rule of expected.warns ?? []) expect(rules).toContain(rule);
    for (const rule of expected.quiet ?? []) expect(rules).not.toContain(rule);
  });
});

describe('resolveEnrollment', () => {
  it('does not install a required app on an OS below its minimum, and says so', () => {
    const result = resolveEnrollment({ resources: [...ESSENTIALS, WEB] }, { ...BASE_REQUEST, os: '14.8' });
    expect(result.requiredApps).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toContain(
      '"Microsoft Authenticator" is required for the user but needs iOS/iPadOS 15.0 or later (its minimum OS version), so it does not install on 14.8',
    );
  });

  it('names the group that matched and why the winner won', () => {
    const result = resolveEnrollment({ resources: [...ESSENTIALS, WEB] }, BASE_REQUEST);
    expect(result.profile).toMatchObject({ name: 'Web-based BYOD', priority: 1, matchedBy: ['group "BYOD Users"'] });
    expect(result.profile?.reason).toContain('highest priority');
  });

  it('says why each other profile did not apply', () => {
    const config = [...ESSENTIALS, profile('Contractors', 'accountDrivenUserEnrollment', ['Contractors'], 1), profile('Web', 'webDeviceEnrollment', ['*', '-Frontline'], 2), profile('Fallback', 'device', ['*'], 3)];
    const result = resolveEnrollment({ resources: config }, { ...BASE_REQUEST, memberOf: ['Frontline'] });
    expect(result.candidates.map((c) => [c.name, c.assigned, c.reason])).toEqual([
      ['Contractors', false, 'not assigned to the user'],
      ['Web', false, 'excluded through group "Frontline"'],
      ['Fallback', true, 'assigned through all users'],
    ]);
  });

  it('uses tenant defaults given with the state', () => {
    const state = { resources: [...ESSENTIALS, WEB], defaults: { platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: true }, deviceLimit: 15 } };
    expect(resolveEnrollment(state, BASE_REQUEST).summary).toContain('blocked by platform restriction "All users"');
  });

  it('rejects a malformed OS version', () => {
    expect(() => resolveEnrollment({ resources: [] }, { ...BASE_REQUEST, os: 'seventeen' })).toThrow('expected an iOS version');
  });

  it('matches group names regardless of case', () => {
    expect(resolveEnrollment({ resources: [...ESSENTIALS, WEB] }, { ...BASE_REQUEST, memberOf: ['byod users'] }).profile?.name).toBe('Web-based BYOD');
  });
});
