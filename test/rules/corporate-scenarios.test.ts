import type { AdeProfileSpec, ConfiguratorProfileSpec, Resource } from '../../src/model';
import {
  resolveCorporateEnrollment,
  type CorporateDevice,
  type CorporateEnrollmentRequest,
  type CorporateEnrollmentResolution,
  type CorporateOutcome,
  type EnrollmentState,
} from '../../src/rules';
import { adeProfile, configuratorProfile, platformRestriction, storeApp } from './builders';

const SERIAL = 'DMPXK0A1JF8J';
const OTHER = 'F9FXQ1B1HG7K';
const VPP = { companyPortalVppToken: 'Contoso VPP' } as const;
const NO_AFFINITY = { userAffinity: false, authentication: undefined } as Partial<AdeProfileSpec>;

/** One ADE profile assigned to {@link SERIAL}. */
const assigned = (spec: Partial<AdeProfileSpec>) => adeProfile('Corporate', { serialNumbers: [SERIAL], ...spec });
/** One Apple Configurator profile assigned to {@link SERIAL}. */
const configurator = (spec: Partial<ConfiguratorProfileSpec>) => configuratorProfile('Configured', { serialNumbers: [SERIAL], ...spec });

interface Expected {
  readonly outcome: CorporateOutcome;
  /** The profile that applies, and how it was found. */
  readonly profile?: string;
  readonly selectedBy?: string;
  readonly authentication?: string;
  readonly companyPortal?: 'vpp' | 'appStore' | 'none';
  readonly entra?: 'companyPortalSignIn' | 'never';
  readonly supervised?: boolean;
  readonly sharedIPad?: boolean;
  /** Rules the refusals must cite. */
  readonly refusedBy?: readonly string[];
  /** Rules (or text) the warnings must cite. */
  readonly warns?: readonly string[];
  /** Text one of the user's steps contains. */
  readonly sees?: string;
  /** Text the summary contains. */
  readonly because?: string;
}

interface Scenario {
  readonly title: string;
  /** What seed 003 says of this case, in its words. */
  readonly seed003: string;
  readonly config: readonly Resource[];
  readonly devices?: readonly CorporateDevice[];
  readonly request?: Partial<CorporateEnrollmentRequest>;
  readonly expected: Expected;
}

/** Seed 003's corporate cases: affinity x authentication x VPP x supervision x device kind, token default vs assigned. */
const SCENARIOS: readonly Scenario[] = [
  {
    title: 'ADE, user affinity, Company Portal, VPP, supervised: enrolls in Company Portal installed through VPP',
    seed003: 'Enroll with user affinity + Company Portal app: ... the Company Portal app is automatically installed from your enrollment profile',
    config: [assigned({ authentication: 'companyPortal', ...VPP })],
    expected: { outcome: 'enrolled', profile: 'Corporate', selectedBy: 'assigned', authentication: 'companyPortal', companyPortal: 'vpp', entra: 'companyPortalSignIn', supervised: true, sees: 'sign in with their organization account' },
  },
  {
    title: 'ADE, user affinity, Company Portal, single app mode: the device stays in Company Portal until sign-in',
    seed003: 'You want to lock the device until the Company Portal app installs. After it installs, users sign in to the Company Portal app',
    config: [assigned({ authentication: 'companyPortal', ...VPP, companyPortalSingleAppMode: true })],
    expected: { outcome: 'enrolled', companyPortal: 'vpp', sees: 'single app mode' },
  },
  {
    title: 'ADE, user affinity, Company Portal, no VPP: Company Portal from the App Store with the user\'s Apple ID, EK019',
    seed003: 'No VPP token + Enrolling new devices: ... Make sure users enter their Apple ID in Setup Assistant',
    config: [assigned({ authentication: 'companyPortal' })],
    expected: { outcome: 'enrolled', authentication: 'companyPortal', companyPortal: 'appStore', entra: 'companyPortalSignIn', warns: ['EK019'], sees: 'prompted for it again and again' },
  },
  {
    title: 'ADE, user affinity, Company Portal, no VPP, the user enters no Apple ID: the setup does not finish',
    seed003: 'Users must enter their Apple ID to get the Company Portal app on their devices',
    config: [assigned({ authentication: 'companyPortal' })],
    request: { appleId: false },
    expected: { outcome: 'incomplete', companyPortal: 'appStore', entra: 'never', because: 'does not enroll' },
  },
  {
    title: 'ADE, Company Portal without VPP and the Apple ID pane hidden: users are prompted for the Apple ID after Setup Assistant',
    seed003: 'If users don\'t enter their Apple ID ..., then they\'re continually prompted to enter their Apple ID',
    config: [assigned({ authentication: 'companyPortal', hiddenPanes: ['appleId'] })],
    expected: { outcome: 'enrolled', warns: ['EK019', 'hides the Apple ID pane'] },
  },
  {
    title: 'ADE, user affinity, Setup Assistant (legacy), VPP: Company Portal opens kiosk-style and registers the device in Entra ID, EK020',
    seed003: 'Enroll with user affinity + Setup Assistant (legacy) + Company Portal app: ... The Company Portal app automatically opens, and should lock the device in a kiosk-style mode',
    config: [assigned({ authentication: 'setupAssistantLegacy', ...VPP })],
    expected: { outcome: 'enrolled', authentication: 'setupAssistantLegacy', companyPortal: 'vpp', entra: 'companyPortalSignIn', warns: ['EK020'], sees: 'kiosk-style' },
  },
  {
    title: 'ADE, user affinity, Setup Assistant (legacy), no Company Portal: enrolled, not registered in Entra ID, EK020',
    seed003: 'Enroll with user affinity + Setup Assistant (legacy) - Company Portal app: ... The device isn\'t registered in Microsoft Entra ID',
    config: [assigned({ authentication: 'setupAssistantLegacy' })],
    expected: { outcome: 'enrolled', authentication: 'setupAssistantLegacy', companyPortal: 'none', entra: 'never', warns: ['EK020'], sees: 'not registered in Microsoft Entra ID' },
  },
  {
    title: 'ADE, user affinity, Setup Assistant with modern authentication, VPP: enrolled in Setup Assistant, registered at the second sign-in in Company Portal',
    seed003: 'If you Install Company Portal app with VPP (recommended), then the Company Portal app automatically installs. Users open the Company Portal app, and sign in ... again',
    config: [assigned({ authentication: 'setupAssistantModern', ...VPP })],
    expected: { outcome: 'enrolled', authentication: 'setupAssistantModern', companyPortal: 'vpp', entra: 'companyPortalSignIn', sees: 'noncompliant in Entra ID, compliant in the Intune admin center' },
  },
  {
    title: 'ADE, Setup Assistant with modern authentication, no VPP: Company Portal after an App Store sign-in, which slows enrollment',
    seed003: 'If you don\'t Install Company Portal app with VPP ... Users sign in to the Apple App Store with their Apple ID ... This extra sign-in step slows the enrollment',
    config: [assigned({ authentication: 'setupAssistantModern' })],
    expected: { outcome: 'enrolled', companyPortal: 'appStore', entra: 'companyPortalSignIn', warns: ['slows the enrollment'], sees: 'sign in to the App Store' },
  },
  {
    title: 'ADE, Setup Assistant with modern authentication, no VPP, no App Store sign-in: enrolled but never registered in Entra ID',
    seed003: 'If they don\'t sign in to the app store, then the Company Portal app doesn\'t install ... users can\'t register the device in Microsoft Entra ID',
    config: [assigned({ authentication: 'setupAssistantModern' })],
    request: { appleId: false },
    expected: { outcome: 'enrolled', companyPortal: 'none', entra: 'never' },
  },
  {
    title: 'ADE, Setup Assistant with modern authentication, await final configuration: Setup Assistant holds the user until Intune configured the device',
    seed003: 'Setup Assistant prompts the user for additional information. When the home screen appears, setup is complete',
    config: [assigned({ authentication: 'setupAssistantModern', ...VPP, awaitFinalConfiguration: true })],
    expected: { outcome: 'enrolled', sees: 'await final configuration' },
  },
  {
    title: 'ADE, user affinity, modern authentication, not supervised: enrolls, and says supervision is what ADE gives',
    seed003: 'Automated Device Enrollment (ADE) (supervised) ... You want supervised mode',
    config: [assigned({ authentication: 'setupAssistantModern', ...VPP, supervised: false })],
    expected: { outcome: 'enrolled', supervised: false },
  },
  {
    title: 'ADE without user affinity, supervised and locked: enrolls without a user; users have nothing to do',
    seed003: 'Enroll without user affinity: No actions. Be sure they don\'t install the Company Portal app from the Apple App Store',
    config: [assigned({ ...NO_AFFINITY, lockedEnrollment: true })],
    expected: { outcome: 'enrolled', authentication: 'none', companyPortal: 'none', entra: 'never', warns: ['do not install the Company Portal app from the App Store'], sees: 'users have nothing to do' },
  },
  {
    title: 'ADE Shared iPad (no user affinity, supervised) on an iPad: Setup Assistant skips every pane',
    seed003: 'With Shared iPad, after activation, all Setup Assistant panes are automatically skipped',
    config: [assigned({ ...NO_AFFINITY, sharedIPad: { maximumUsers: 10 } })],
    request: { device: 'ipad' },
    expected: { outcome: 'enrolled', sharedIPad: true, sees: 'skips every pane' },
  },
  {
    title: 'ADE Shared iPad profile on an iPhone: a warning that only iPads are shared',
    seed003: 'Devices are user-less, such as kiosk or dedicated device',
    config: [assigned({ ...NO_AFFINITY, sharedIPad: { maximumUsers: 10 } })],
    request: { device: 'iphone' },
    expected: { outcome: 'enrolled', warns: ['only iPads support'] },
  },
  {
    title: 'ADE without user affinity authenticating in Company Portal: refused (EK017)',
    seed003: 'The Company Portal app isn\'t used, needed, or supported on enrollments without user affinity',
    config: [assigned({ userAffinity: false, authentication: 'companyPortal' })],
    expected: { outcome: 'refused', refusedBy: ['EK017'] },
  },
  {
    title: 'ADE without user affinity installing Company Portal with VPP: refused (EK017)',
    seed003: 'The Company Portal app isn\'t used, needed, or supported on enrollments without user affinity',
    config: [assigned({ ...NO_AFFINITY, ...VPP })],
    expected: { outcome: 'refused', refusedBy: ['EK017'] },
  },
  {
    title: 'ADE with user affinity set up with a device enrollment manager account: refused (EK022)',
    seed003: 'You use the device enrollment manager (DEM) account. The DEM account isn\'t supported.',
    config: [assigned({ authentication: 'companyPortal', ...VPP })],
    request: { deviceEnrollmentManager: true },
    expected: { outcome: 'refused', refusedBy: ['EK022'] },
  },
  {
    title: 'ADE without user affinity and a DEM account: refused for both reasons it cannot work',
    seed003: 'The DEM account isn\'t supported.',
    config: [assigned({ userAffinity: false, authentication: 'companyPortal' })],
    request: { deviceEnrollmentManager: true },
    expected: { outcome: 'refused', refusedBy: ['EK022', 'EK017'] },
  },
  {
    title: 'an unassigned serial number gets its token\'s default profile',
    seed003: 'You create an enrollment profile in the Intune admin center, and push this profile to the devices',
    config: [adeProfile('Default', { isDefault: true, authentication: 'setupAssistantModern', ...VPP }), adeProfile('Kiosks', { ...NO_AFFINITY, serialNumbers: [OTHER] })],
    expected: { outcome: 'enrolled', profile: 'Default', selectedBy: 'tokenDefault', authentication: 'setupAssistantModern' },
  },
  {
    title: 'an assigned serial number gets its profile, not the token\'s default',
    seed003: 'You create an enrollment profile in the Intune admin center, and push this profile to the devices',
    config: [adeProfile('Default', { isDefault: true, ...VPP }), adeProfile('Kiosks', { ...NO_AFFINITY, serialNumbers: [SERIAL] })],
    expected: { outcome: 'enrolled', profile: 'Kiosks', selectedBy: 'assigned', authentication: 'none' },
  },
  {
    title: 'an unassigned serial number of a token without default: no profile, the device activates without enrolling',
    seed003: 'You create an enrollment profile in the Intune admin center, and push this profile to the devices',
    config: [adeProfile('Kiosks', { ...NO_AFFINITY, serialNumbers: [OTHER] })],
    expected: { outcome: 'noProfile', because: 'activates without enrolling in Intune' },
  },
  {
    title: 'a serial number assigned to two profiles: refused, a device has one profile',
    seed003: 'You create an enrollment profile in the Intune admin center, and push this profile to the devices',
    config: [adeProfile('One', { serialNumbers: [SERIAL] }), adeProfile('Two', { serialNumbers: [SERIAL] })],
    expected: { outcome: 'refused', because: 'assigned to 2 profiles' },
  },
  {
    title: 'against a tenant: a serial number the tenant does not know is an unknown device',
    seed003: 'These devices are purchased from Apple, have your preconfigured settings, and can be shipped directly to users',
    config: [adeProfile('Default', { isDefault: true })],
    devices: [{ serialNumber: OTHER, token: 'Contoso ABM', deviceKind: 'ade' }],
    expected: { outcome: 'unknownDevice', because: 'Apple Business Manager' },
  },
  {
    title: 'against a tenant with two tokens: an unassigned serial number gets the default of the token it is synced to',
    seed003: 'This option configures settings using Apple Business Manager (ABM) or Apple School Manager (ASM)',
    config: [adeProfile('ABM default', { isDefault: true }), adeProfile('ASM default', { token: 'Contoso ASM', isDefault: true, ...NO_AFFINITY })],
    devices: [{ serialNumber: SERIAL, token: 'Contoso ASM', deviceKind: 'ade' }],
    expected: { outcome: 'enrolled', profile: 'ASM default', selectedBy: 'tokenDefault' },
  },
  {
    title: 'ADE with user affinity for a user whose platform restriction blocks iOS/iPadOS: refused (EK023)',
    seed003: 'Use on devices owned by your organization',
    config: [assigned({ authentication: 'setupAssistantModern', ...VPP }), platformRestriction('No iOS', { platformBlocked: true }, ['Sales'], 1)],
    request: { memberOf: ['Sales'] },
    expected: { outcome: 'refused', refusedBy: ['EK023'] },
  },
  {
    title: 'ADE with user affinity for a user whose restriction blocks personal devices only: enrolls, the device is the organization\'s',
    seed003: 'Use on devices owned by your organization',
    config: [assigned({ authentication: 'setupAssistantModern', ...VPP }), platformRestriction('No BYOD', { personalDeviceEnrollmentBlocked: true }, ['Sales'], 1)],
    request: { memberOf: ['Sales'] },
    expected: { outcome: 'enrolled' },
  },
  {
    title: 'ADE device while the stack assigns Company Portal from the App Store: EK021 warning',
    seed003: 'Don\'t install the Company Portal app from the app store directly on ADE-enrolled devices',
    config: [assigned({ authentication: 'companyPortal', ...VPP }), storeApp('Company Portal', 'com.microsoft.CompanyPortal', ['*'])],
    expected: { outcome: 'enrolled', warns: ['EK021'] },
  },
  {
    title: 'Apple Configurator, user affinity, Company Portal: Company Portal installs from the App Store, the user signs in to enroll',
    seed003: 'Enroll with user affinity + Company Portal app: ... the Company Portal app is automatically installed from the app store',
    config: [configurator({ authentication: 'companyPortal' })],
    expected: { outcome: 'enrolled', profile: 'Configured', selectedBy: 'assigned', authentication: 'companyPortal', companyPortal: 'appStore', entra: 'companyPortalSignIn', sees: 'by USB to a Mac with Apple Configurator' },
  },
  {
    title: 'Apple Configurator, Company Portal, the user enters no Apple ID: the setup does not finish',
    seed003: 'If users don\'t enter their Apple ID ..., then they\'re continually prompted to enter their Apple ID',
    config: [configurator({ authentication: 'companyPortal' })],
    request: { appleId: false },
    expected: { outcome: 'incomplete', entra: 'never' },
  },
  {
    title: 'Apple Configurator, user affinity, Setup Assistant + Company Portal: enrolled in Setup Assistant, registered in Company Portal',
    seed003: 'Enroll with user affinity + Setup Assistant + Company Portal app: ... This step registers the device in Microsoft Entra ID',
    config: [configurator({ authentication: 'setupAssistantModern' })],
    expected: { outcome: 'enrolled', authentication: 'setupAssistant', companyPortal: 'appStore', entra: 'companyPortalSignIn', sees: 'this enrolls the device in Intune' },
  },
  {
    title: 'Apple Configurator, user affinity, Setup Assistant - Company Portal: the user installs the management profile, not registered',
    seed003: 'Enroll with user affinity + Setup Assistant - Company Portal app: ... Users install the management profile ... The device isn\'t registered in Microsoft Entra ID',
    config: [configurator({ authentication: 'setupAssistantLegacy' })],
    expected: { outcome: 'enrolled', authentication: 'setupAssistant', companyPortal: 'none', entra: 'never', sees: 'Users install the management profile' },
  },
  {
    title: 'Apple Configurator without user affinity: direct enrollment, nothing for users to do, supervision left to Apple Configurator',
    seed003: 'Enroll without user affinity: You\'re using Direct enrollment. No actions. Be sure they don\'t install the Company Portal app from the Apple App Store',
    config: [configurator({ userAffinity: false, authentication: undefined })],
    expected: { outcome: 'enrolled', authentication: 'none', companyPortal: 'none', warns: ['do not install the Company Portal app from the App Store'], sees: 'Direct enrollment' },
  },
  {
    title: 'Apple Configurator without user affinity authenticating in Company Portal (made by hand in the tenant): refused (EK017)',
    seed003: 'Users can\'t use apps that require a user, including the Company Portal app',
    config: [configurator({ userAffinity: false, authentication: 'companyPortal' })],
    expected: { outcome: 'refused', refusedBy: ['EK017'] },
  },
  {
    title: 'Apple Configurator with a device enrollment manager account: refused (EK022)',
    seed003: 'You use the device enrollment manager (DEM) account. The DEM account isn\'t supported.',
    config: [configurator({ authentication: 'companyPortal' })],
    request: { deviceEnrollmentManager: true },
    expected: { outcome: 'refused', refusedBy: ['EK022'] },
  },
  {
    title: 'against a tenant: an imported Apple Configurator serial number without a profile gets none, Apple Configurator has no default',
    seed003: 'When the enrollment profile is ready, USB connect the devices to the Mac, and open the Apple Configurator app',
    config: [configuratorProfile('Configured', { serialNumbers: [OTHER] })],
    devices: [{ serialNumber: SERIAL, token: 'Apple Configurator', deviceKind: 'configurator' }],
    expected: { outcome: 'noProfile', because: 'Apple Configurator profiles have no default' },
  },
];

function resolve(scenario: Scenario): CorporateEnrollmentResolution {
  const state: EnrollmentState = { resources: scenario.config, ...(scenario.devices ? { corporateDevices: scenario.devices } : {}) };
  return resolveCorporateEnrollment(state, { serialNumber: SERIAL, device: 'iphone', memberOf: [], ...scenario.request });
}

describe('corporate device setup: the scenario matrix of seed 003', () => {
  it('has at least 20 scenarios', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SCENARIOS.map((s) => [s.title, s] as const))('%s', (_title, scenario) => {
    const result = resolve(scenario);
    const { expected } = scenario;
    expect(result.outcome).toBe(expected.outcome);
    if (expected.profile) expect(result.profile?.name).toBe(expected.profile);
    if (expected.selectedBy) expect(result.profile?.selectedBy).toBe(expected.selectedBy);
    if (expected.authentication) expect(result.authentication?.method).toBe(expected.authentication);
    if (expected.companyPortal) expect(result.companyPortal?.install).toBe(expected.companyPortal);
    if (expected.entra) expect(result.entraRegistration?.when).toBe(expected.entra);
    if (expected.supervised !== undefined) expect(result.supervised?.enabled).toBe(expected.supervised);
    if (expected.sharedIPad !== undefined) expect(result.sharedIPad?.enabled).toBe(expected.sharedIPad);
    expect(result.refusals.map((r) => r.rule)).toEqual(expected.refusedBy ?? []);
    const warnings = result.warnings.map((w) => `${w.rule ?? ''} ${w.message}`);
    for (const cited of expected.warns ?? []) expect(warnings.some((w) => w.includes(cited))).toBe(true);
    if (expected.sees) expect(result.userSteps.some((s) => s.includes(expected.sees!))).toBe(true);
    if (expected.because) expect(result.summary).toContain(expected.because);
    if (expected.outcome === 'refused') expect(result.userSteps).toEqual([]);
  });
});

describe('resolveCorporateEnrollment', () => {
  it('takes an ADE device without a serial number to its token\'s default, and asks for the token when the state has several', () => {
    const config = [adeProfile('ABM default', { isDefault: true }), adeProfile('ASM default', { token: 'Contoso ASM', isDefault: true })];
    const one = resolveCorporateEnrollment({ resources: [config[0]!] }, { deviceKind: 'ade', device: 'iphone', memberOf: [] });
    expect(one.profile).toMatchObject({ name: 'ABM default', selectedBy: 'tokenDefault' });
    const several = resolveCorporateEnrollment({ resources: config }, { deviceKind: 'ade', device: 'iphone', memberOf: [] });
    expect(several).toMatchObject({ outcome: 'noProfile', summary: expect.stringContaining('--ade-token') });
    const named = resolveCorporateEnrollment({ resources: config }, { deviceKind: 'ade', token: 'Contoso ASM', device: 'iphone', memberOf: [] });
    expect(named.profile?.name).toBe('ASM default');
  });

  it('answers a what-if profile named in the question, whatever the serial number is assigned to', () => {
    const config = [adeProfile('Default', { isDefault: true }), adeProfile('Kiosks', { ...NO_AFFINITY })];
    const result = resolveCorporateEnrollment({ resources: config }, { serialNumber: SERIAL, profile: 'kiosks', device: 'ipad', memberOf: [] });
    expect(result.profile).toMatchObject({ name: 'Kiosks', selectedBy: 'named' });
    expect(resolveCorporateEnrollment({ resources: config }, { profile: 'Nope', deviceKind: 'ade', device: 'ipad', memberOf: [] }).summary).toBe('no enrollment profile is named "Nope"; the state has "Default", "Kiosks"');
  });

  it('takes an Apple Configurator device without a serial number to the only Apple Configurator profile, and asks which when there are several', () => {
    const one = resolveCorporateEnrollment({ resources: [configuratorProfile('Setup')] }, { deviceKind: 'configurator', device: 'ipad', memberOf: [] });
    expect(one.profile).toMatchObject({ name: 'Setup', kind: 'configurator', selectedBy: 'onlyProfile' });
    expect(one.supervised).toEqual({ reason: expect.stringContaining('Apple Configurator supervises') });
    const several = resolveCorporateEnrollment({ resources: [configuratorProfile('Setup'), configuratorProfile('Direct', { userAffinity: false, authentication: undefined })] }, { deviceKind: 'configurator', device: 'ipad', memberOf: [] });
    expect(several).toMatchObject({ outcome: 'noProfile', summary: expect.stringContaining('--profile') });
  });

  it('says there is nothing to simulate when the state has no ADE profile', () => {
    expect(resolveCorporateEnrollment({ resources: [] }, { serialNumber: SERIAL, device: 'iphone', memberOf: [] })).toMatchObject({ outcome: 'noProfile', summary: 'no ADE profile applies: the state has no ADE token with enrollment profiles' });
  });

  it('applies the tenant default restriction to a device without user affinity, not the restrictions of user groups', () => {
    const config = [assigned({ ...NO_AFFINITY }), platformRestriction('No iOS', { platformBlocked: true }, ['*'], 1)];
    expect(resolveCorporateEnrollment({ resources: config }, { serialNumber: SERIAL, device: 'ipad', memberOf: [] }).outcome).toBe('enrolled');
    const blockedDefault = { platformRestriction: { platformBlocked: true, personalDeviceEnrollmentBlocked: false }, deviceLimit: 5 };
    const refused = resolveCorporateEnrollment({ resources: config, defaults: blockedDefault }, { serialNumber: SERIAL, device: 'ipad', memberOf: [] });
    expect(refused.refusals).toEqual([expect.objectContaining({ rule: 'EK023', message: expect.stringContaining('tenant default') })]);
  });
});
