import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroupSpec, Manifest, Resource } from '../../src/model';
import { RULES, lint, ruleById, type TenantFacts } from '../../src/rules';
import { adeProfile, authenticator, cleanStack, storeApp, deviceLimit, group, jitPolicy, manifest, platformRestriction, profile, webClip } from './builders';

const NOW = new Date('2025-06-01T00:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

interface Case {
  /** What the configuration is. */
  readonly name: string;
  readonly resources: readonly Resource[];
  readonly groups?: readonly GroupSpec[];
  readonly facts?: TenantFacts;
}

/** Runs one rule and returns the paths it reports. */
function paths(id: string, c: Case): string[] {
  const rule = ruleById(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const m: Manifest = manifest(c.resources, c.groups ?? []);
  return rule.check({ manifest: m, facts: c.facts ?? {}, now: NOW }).map((v) => v.path);
}

const web = (targets: string[] = ['BYOD Users']) => profile('Web', 'webDeviceEnrollment', targets, 1);
const adue = (targets: string[] = ['BYOD Users']) => profile('ADUE', 'accountDrivenUserEnrollment', targets, 1);
const jitWith = (configurations: Parameters<typeof jitPolicy>[2]) => jitPolicy('JIT', ['BYOD Users'], configurations);
const goodDiscovery = '{"Servers":[{"Version":"mdm-byod","BaseURL":"https://manage.microsoft.com/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=3f0e5c4a-9d61-4c3b-8a55-0c1b2d3e4f50"}]}';

const CASES: Record<string, { offending: Case; fine: Case; path: string }> = {
  EK001: { offending: { name: 'a web-based profile assigned', resources: [web()] }, fine: { name: 'a Company Portal profile', resources: [profile('CP', 'device', ['BYOD Users'], 1)] }, path: 'Stack/Web' },
  EK002: {
    offending: { name: 'device_registration as an Integer', resources: [jitWith([{ key: 'device_registration', type: 'integer', value: 1 }])] },
    fine: { name: 'device_registration as the String {{DEVICEREGISTRATION}}', resources: [jitPolicy('JIT', ['BYOD Users'])] },
    path: 'Stack/JIT',
  },
  EK003: {
    offending: { name: 'a trailing space in a value', resources: [jitWith([{ key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}} ' }])] },
    fine: { name: 'trimmed keys and values', resources: [jitPolicy('JIT', ['BYOD Users'])] },
    path: 'Stack/JIT',
  },
  EK004: {
    offending: { name: 'a JIT policy without browser_sso_interaction_enabled', resources: [jitWith([{ key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}}' }])] },
    fine: { name: 'browser_sso_interaction_enabled = 1', resources: [jitPolicy('JIT', ['BYOD Users'])] },
    path: 'Stack/JIT',
  },
  EK005: {
    offending: { name: "Authenticator's bundle ID listed", resources: [jitPolicy('JIT', ['BYOD Users'], undefined, ['com.microsoft.azureauthenticator', 'com.contoso.app'])] },
    fine: { name: 'only non-Microsoft bundle IDs', resources: [jitPolicy('JIT', ['BYOD Users'], undefined, ['com.contoso.app'])] },
    path: 'Stack/JIT',
  },
  EK006: {
    offending: { name: 'Authenticator available, not required', resources: [adue(), authenticator(['BYOD Users'], 'available')] },
    fine: { name: 'Authenticator required to all users outside the stack', resources: [adue()], facts: { resources: [authenticator(['*'])] } },
    path: 'Stack/ADUE',
  },
  EK007: {
    offending: { name: 'account-driven assigned to a dynamic device group', resources: [adue(['iPads'])], groups: [group('iPads', 'unknown', '(device.deviceOSType -eq "iPad")')] },
    fine: { name: 'account-driven assigned to a user group', resources: [adue(['BYOD Users'])], groups: [group('BYOD Users')] },
    path: 'Stack/ADUE',
  },
  EK008: {
    offending: { name: 'web-based assigned to a tenant device group', resources: [web(['Kiosks'])], facts: { groups: [{ displayName: 'Kiosks', members: 'devices' }] } },
    fine: { name: 'web-based assigned to all users', resources: [web(['*'])] },
    path: 'Stack/Web',
  },
  EK009: {
    offending: { name: 'web-based, no JIT, no web clip', resources: [web()] },
    fine: { name: 'web-based, no JIT, a Company Portal web clip', resources: [web(), webClip('CP', ['BYOD Users'])] },
    path: 'Stack/Web',
  },
  EK010: {
    offending: { name: 'device enrollment with Company Portal', resources: [profile('CP', 'device', ['BYOD Users'], 1)] },
    fine: { name: 'web-based with JIT', resources: [web(), jitPolicy('JIT', ['BYOD Users'])] },
    path: 'Stack/CP',
  },
  EK011: {
    offending: { name: 'account-driven, discovery file served as text/plain', resources: [adue()], facts: { serviceDiscovery: [{ domain: 'contoso.com', status: 200, redirected: false, contentType: 'text/plain', body: goodDiscovery }] } },
    fine: { name: 'account-driven, discovery file valid', resources: [adue()], facts: { tenantId: '3f0e5c4a-9d61-4c3b-8a55-0c1b2d3e4f50', serviceDiscovery: [{ domain: 'contoso.com', status: 200, redirected: false, contentType: 'application/json; charset=utf-8', body: goodDiscovery }] } },
    path: 'Stack/ADUE',
  },
  EK012: {
    offending: { name: 'a minimum of 17.0.3', resources: [platformRestriction('Min', { osMinimumVersion: '17.0.3' }, ['*'], 1)] },
    fine: { name: 'a minimum of 17.0', resources: [platformRestriction('Min', { osMinimumVersion: '17.0' }, ['*'], 1)] },
    path: 'Stack/Min',
  },
  EK013: {
    offending: { name: 'two profiles at priority 1', resources: [web(), profile('Second', 'device', ['Other'], 1)] },
    fine: { name: 'priorities 1 and 2', resources: [web(), profile('Second', 'device', ['Other'], 2)] },
    path: 'Stack/Second',
  },
  EK015: {
    offending: { name: 'a profile without the web clip', resources: [profile('CP', 'device', ['BYOD Users'], 1)] },
    fine: { name: 'the web clip to all users', resources: [profile('CP', 'device', ['BYOD Users'], 1), webClip('Portal', ['*'])] },
    path: 'Stack/CP',
  },
  EK016: {
    offending: { name: 'an expired APNs certificate', resources: [], facts: { apnsCertificate: { expirationDateTime: inDays(-1) } } },
    fine: { name: 'an APNs certificate valid for a year', resources: [], facts: { apnsCertificate: { expirationDateTime: inDays(365) } } },
    path: 'tenant/applePushNotificationCertificate',
  },
  EK017: {
    offending: { name: 'ADE without user affinity authenticating in the Company Portal', resources: [], facts: { adeProfiles: [{ displayName: 'Kiosk', userAffinity: false, authenticateWithCompanyPortal: true, installCompanyPortalWithVpp: false }] } },
    fine: { name: 'ADE without user affinity, Setup Assistant, no Company Portal', resources: [], facts: { adeProfiles: [{ displayName: 'Kiosk', userAffinity: false, authenticateWithCompanyPortal: false, installCompanyPortalWithVpp: false }] } },
    path: 'tenant/adeProfile/Kiosk',
  },
  EK018: {
    offending: { name: 'a platform restriction with app-only credentials', resources: [platformRestriction('Min', { osMinimumVersion: '16.0' }, ['*'], 1)], facts: { appOnlyCredentials: true } },
    fine: { name: 'a platform restriction with delegated credentials', resources: [platformRestriction('Min', { osMinimumVersion: '16.0' }, ['*'], 1)], facts: { appOnlyCredentials: false } },
    path: 'Stack/Min',
  },
  EK019: {
    offending: { name: 'Company Portal authentication without VPP', resources: [adeProfile('Workers', { authentication: 'companyPortal' })] },
    fine: { name: 'Company Portal authentication with VPP', resources: [adeProfile('Workers', { authentication: 'companyPortal', companyPortalVppToken: 'Contoso VPP' })] },
    path: 'Stack/Workers',
  },
  EK020: {
    offending: { name: 'Setup Assistant (legacy)', resources: [adeProfile('Workers', { authentication: 'setupAssistantLegacy' })] },
    fine: { name: 'Setup Assistant with modern authentication', resources: [adeProfile('Workers')] },
    path: 'Stack/Workers',
  },
  EK021: {
    offending: { name: 'Company Portal from the App Store beside an ADE profile', resources: [adeProfile('Workers'), storeApp('Company Portal', 'com.microsoft.CompanyPortal', ['*'])] },
    fine: { name: 'Company Portal from the App Store without ADE', resources: [storeApp('Company Portal', 'com.microsoft.CompanyPortal', ['*'])] },
    path: 'Stack/CompanyPortal',
  },
  EK022: {
    offending: {
      name: 'a device assigned to an ADE profile enrolled by a DEM account',
      resources: [adeProfile('Workers', { serialNumbers: ['DMPXK0A1JF8J'] })],
      facts: { deviceEnrollmentManagerDevices: [{ serialNumber: 'DMPXK0A1JF8J', deviceName: 'iPad-17', userPrincipalName: 'dem@contoso.com' }] },
    },
    fine: {
      name: 'a DEM account that enrolled a device of neither ADE nor Apple Configurator',
      resources: [adeProfile('Workers', { serialNumbers: ['DMPXK0A1JF8J'] })],
      facts: { deviceEnrollmentManagerDevices: [{ serialNumber: 'C02ZZ9ZZZZ99', deviceName: 'Loaner', userPrincipalName: 'dem@contoso.com' }], corporateDevices: [{ serialNumber: 'F9FXQ1B1HG7K', token: 'Contoso ABM', deviceKind: 'ade' }] },
    },
    path: 'tenant/managedDevices/iPad-17',
  },
  EK023: {
    offending: { name: 'ADE with user affinity beside a restriction that blocks iOS/iPadOS for a group', resources: [adeProfile('Workers'), platformRestriction('No iOS', { platformBlocked: true }, ['Sales'], 1)] },
    fine: { name: 'ADE with user affinity beside a restriction that blocks personal devices only', resources: [adeProfile('Workers'), platformRestriction('No BYOD', { personalDeviceEnrollmentBlocked: true }, ['Sales'], 1)] },
    path: 'Stack/NoiOS',
  },
};

describe('rules', () => {
  it('cover EK001 to EK023, each with a severity, a fix and a source document', () => {
    expect(RULES.map((r) => r.id)).toEqual(Array.from({ length: 23 }, (_, i) => `EK${String(i + 1).padStart(3, '0')}`));
    for (const rule of RULES) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(rule.sources.length).toBeGreaterThan(0);
    }
  });

  describe.each(Object.entries(CASES))('%s', (id, { offending, fine, path }) => {
    it(`fires once on ${offending.name}`, () => {
      expect(paths(id, offending)).toEqual([path]);
    });
    it(`stays silent on ${fine.name}`, () => {
      expect(paths(id, fine)).toEqual([]);
    });
  });

  describe('EK014', () => {
    const rule = ruleById('EK014');
    it('fires on a limit of 16 in a manifest built without the schema', () => {
      const m = manifest([deviceLimit('Max', 15, ['*'], 1)]);
      const tampered: Manifest = { ...m, resources: m.resources.map((r) => (r.kind === 'deviceLimitRestriction' ? { ...r, spec: { limit: 16 } } : r)) };
      expect(rule?.check({ manifest: tampered, facts: {}, now: NOW }).map((v) => v.value)).toEqual([16]);
    });
    it('stays silent on a limit of 15', () => {
      expect(paths('EK014', { name: '', resources: [deviceLimit('Max', 15, ['*'], 1)] })).toEqual([]);
    });
  });

  it('EK006 is satisfied per group: Authenticator for one of two groups leaves the other reported', () => {
    const rule = ruleById('EK006');
    const m = manifest([adue(['BYOD Users', 'Contractors']), authenticator(['BYOD Users'])]);
    expect(rule?.check({ manifest: m, facts: {}, now: NOW }).map((v) => v.value)).toEqual([['group "Contractors"']]);
  });

  it('EK006 is not satisfied by Authenticator required to all users but excluding the profile\'s group', () => {
    expect(paths('EK006', { name: '', resources: [adue(), authenticator(['*', '-BYOD Users'])] })).toEqual(['Stack/ADUE']);
  });

  it('EK007 fires on all devices, EK008 does not for the same account-driven profile', () => {
    const c = { name: '', resources: [adue(['devices'])] };
    expect(paths('EK007', c)).toEqual(['Stack/ADUE']);
    expect(paths('EK008', c)).toEqual([]);
  });

  it('EK011 checks the tenant ID in the BaseURL', () => {
    const facts: TenantFacts = { tenantId: '00000000-0000-0000-0000-000000000001', serviceDiscovery: [{ domain: 'contoso.com', status: 200, redirected: false, contentType: 'application/json', body: goodDiscovery }] };
    const rule = ruleById('EK011');
    const [violation] = rule?.check({ manifest: manifest([adue()]), facts, now: NOW }) ?? [];
    expect(violation?.message).toContain('not 00000000-0000-0000-0000-000000000001');
  });

  it('EK011 reports a redirect', () => {
    const facts: TenantFacts = { serviceDiscovery: [{ domain: 'contoso.com', status: 301, redirected: true }] };
    expect(ruleById('EK011')?.check({ manifest: manifest([adue()]), facts, now: NOW })[0]?.message).toContain('redirects');
  });

  it('EK013 reports a gap on the profile after it', () => {
    expect(paths('EK013', { name: '', resources: [web(), profile('Third', 'device', ['Other'], 3)] })).toEqual(['Stack/Third']);
  });

  it('EK016 warns 30 days before the APNs certificate expires, and errors when there is none', () => {
    const rule = ruleById('EK016');
    const soon = rule?.check({ manifest: manifest([]), facts: { apnsCertificate: { expirationDateTime: inDays(10) } }, now: NOW });
    expect(soon?.map((v) => v.severity)).toEqual(['warning']);
    const none = rule?.check({ manifest: manifest([]), facts: { apnsCertificate: null }, now: NOW });
    expect(none?.map((v) => [v.severity ?? rule?.severity, v.message])).toEqual([['error', 'the tenant has no Apple MDM push certificate']]);
  });

  it('EK016 errors when ADE profiles exist and the ADE token has expired', () => {
    const facts: TenantFacts = {
      apnsCertificate: { expirationDateTime: inDays(200) },
      adeProfiles: [{ displayName: 'Corp', userAffinity: true, authenticateWithCompanyPortal: true, installCompanyPortalWithVpp: true }],
      adeTokens: [{ tokenName: 'ABM', tokenExpirationDateTime: inDays(-3) }],
    };
    expect(paths('EK016', { name: '', resources: [], facts })).toEqual(['tenant/depOnboardingSettings/ABM']);
  });

  it('EK022 reports a DEM-enrolled device the tenant synced from Apple Business Manager, though no profile is assigned to it', () => {
    const facts: TenantFacts = {
      corporateDevices: [{ serialNumber: 'F9FXQ1B2HG7K', token: 'Contoso ABM', deviceKind: 'ade' }],
      deviceEnrollmentManagerDevices: [{ serialNumber: 'f9fxq1b2hg7k', deviceName: '', userPrincipalName: 'dem@contoso.com' }],
    };
    expect(ruleById('EK022')?.check({ manifest: manifest([]), facts, now: NOW })).toEqual([
      expect.objectContaining({ path: 'tenant/managedDevices/f9fxq1b2hg7k', message: 'the organization-owned device f9fxq1b2hg7k is enrolled by the device enrollment manager account dem@contoso.com' }),
    ]);
  });

  it('EK023 errors when the tenant default blocks iOS/iPadOS and ADE profiles exist, warns on a group restriction only with user affinity', () => {
    const blocked = { tenantDefaults: { platformRestriction: { platformBlocked: true, personalDeviceEnrollmentBlocked: false }, deviceLimit: 5 } };
    const check = (resources: Resource[], facts: TenantFacts = {}) => ruleById('EK023')?.check({ manifest: manifest(resources), facts, now: NOW }) ?? [];
    expect(check([adeProfile('Kiosks', { userAffinity: false, authentication: undefined })], blocked)).toEqual([expect.objectContaining({ path: 'tenant/deviceEnrollmentConfigurations/All users' })]);
    expect(check([], blocked)).toEqual([]);
    const noIos = platformRestriction('No iOS', { platformBlocked: true }, ['Sales'], 1);
    expect(check([adeProfile('Kiosks', { userAffinity: false, authentication: undefined }), noIos])).toEqual([]);
    expect(check([adeProfile('Workers'), noIos])).toEqual([expect.objectContaining({ path: 'Stack/NoiOS', severity: 'warning' })]);
  });

  it('EK017 reports a device enrollment manager account on ADE', () => {
    const facts: TenantFacts = { adeProfiles: [{ displayName: 'Corp', userAffinity: true, authenticateWithCompanyPortal: true, installCompanyPortalWithVpp: true, deviceEnrollmentManager: true }] };
    expect(ruleById('EK017')?.check({ manifest: manifest([]), facts, now: NOW })[0]?.message).toContain('device enrollment manager');
  });
});

describe('EK001 and the platform restrictions of the stack', () => {
  const ek001 = (resources: readonly Resource[]) => ruleById('EK001')?.check({ manifest: manifest(resources), facts: {}, now: NOW }) ?? [];

  it('is not raised for users whose platform restriction requires 15.0 or later', () => {
    expect(ek001([web(['BYOD Users']), platformRestriction('iOS 16', { osMinimumVersion: '16.0' }, ['BYOD Users'], 1)])).toEqual([]);
    expect(ek001([adue(['BYOD Users']), platformRestriction('iOS 15', { osMinimumVersion: '15.0' }, ['*'], 1)])).toEqual([]);
  });

  it('names only the users no such restriction reaches, and its fix points at the restriction the stack has instead of recommending one', () => {
    const [finding, ...more] = ek001([web(['BYOD Users', 'Contractors']), platformRestriction('iOS 16', { osMinimumVersion: '16.0' }, ['BYOD Users'], 1)]);
    expect(more).toEqual([]);
    expect(finding?.message).toBe('the profile uses web-based device enrollment, and no platform restriction requiring iOS/iPadOS 15.0 or later applies to group "Contractors"');
    expect(finding?.fix).toContain('assign the platform restriction "iOS 16" (which requires it) to group "Contractors"');
    expect(finding?.fix).not.toContain('require iOS/iPadOS 15.0 with a platform restriction');
  });

  it('is raised when a restriction of higher priority lets older devices of some of the users in', () => {
    const resources = [
      web(['*']),
      platformRestriction('Contractors: any iOS', {}, ['Contractors'], 1),
      platformRestriction('iOS 16', { osMinimumVersion: '16.0' }, ['*'], 2),
    ];
    expect(ek001(resources).map((v) => v.path)).toEqual(['Stack/Web']);
    expect(ek001([web(['BYOD Users']), platformRestriction('iOS 14', { osMinimumVersion: '14.0' }, ['BYOD Users'], 1)]).map((v) => v.path)).toEqual(['Stack/Web']);
  });
});

describe('EK010 on a user-choice profile', () => {
  it('says, after 003, which choice leads to which enrollment type', () => {
    const choice = profile('User choice', 'userChoice', ['BYOD Users'], 1, { userChoice: { personal: 'accountDrivenUserEnrollment', corporate: 'device' } });
    const [finding, ...more] = ruleById('EK010')?.check({ manifest: manifest([choice]), facts: {}, now: NOW }) ?? [];
    expect(more).toEqual([]);
    expect(finding?.field).toBe('spec.userChoice');
    expect(finding?.message).toContain('(003: "Depending on their selection, Account driven user enrollment or Device enrollment is used")');
    expect(finding?.message).toContain('personal leads to account-driven user enrollment, corporate to device enrollment with Company Portal');
  });
});

describe('lint', () => {
  it('passes a stack that follows every rule, with the EK001 suppression kept and shown', () => {
    const result = lint(manifest(cleanStack(), [group('BYOD Users'), group('Contractors')]), {}, { now: NOW });
    expect(result.findings.filter((f) => !f.suppressed)).toEqual([]);
    expect(result.suppressed.map((f) => [f.rule, f.path, f.suppressed?.reason])).toEqual([['EK001', 'Stack/Contractors', 'contractors use current devices']]);
    expect(result.blocking).toBe(false);
  });

  it('reports every rule on a stack that breaks them all, once per offending construct, with its path', () => {
    const resources = [
      jitPolicy('Broken JIT', ['BYOD Users'], [{ key: ' device_registration', type: 'integer', value: 1 }], ['com.microsoft.azureauthenticator']),
      profile('Company Portal', 'device', ['Kiosks'], 1),
      profile('Web', 'webDeviceEnrollment', ['BYOD Users'], 1),
      profile('ADUE', 'accountDrivenUserEnrollment', ['devices'], 3),
      platformRestriction('Granular', { osMinimumVersion: '14.0.3' }, ['*'], 1),
    ];
    const facts: TenantFacts = {
      groups: [{ displayName: 'Kiosks', members: 'devices' }],
      apnsCertificate: null,
      adeProfiles: [{ displayName: 'Shared', userAffinity: false, authenticateWithCompanyPortal: false, installCompanyPortalWithVpp: true }],
      appOnlyCredentials: true,
      serviceDiscovery: [],
    };
    const m = manifest(resources);
    const tampered: Manifest = { ...m, resources: [...m.resources, { ...deviceLimit('Too many', 15, ['*'], 1), spec: { limit: 20 } } as Resource] };
    const result = lint(tampered, facts, { now: NOW });
    const byRule = new Map<string, string[]>();
    for (const f of result.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f.path]);
    expect(Object.fromEntries(byRule)).toEqual({
      EK001: ['Stack/Web', 'Stack/ADUE'],
      EK002: ['Stack/BrokenJIT'],
      EK003: ['Stack/BrokenJIT'],
      EK004: ['Stack/BrokenJIT'],
      EK005: ['Stack/BrokenJIT'],
      EK006: ['Stack/ADUE'],
      EK007: ['Stack/ADUE'],
      EK008: ['Stack/CompanyPortal'],
      EK009: ['Stack/Web'],
      EK010: ['Stack/CompanyPortal', 'Stack/Web'],
      EK011: ['Stack/ADUE'],
      EK012: ['Stack/Granular'],
      EK013: ['Stack/Web', 'Stack/ADUE'],
      EK014: ['Stack/Toomany'],
      EK015: ['Stack/CompanyPortal', 'Stack/Web', 'Stack/ADUE'],
      EK016: ['tenant/applePushNotificationCertificate'],
      EK017: ['tenant/adeProfile/Shared'],
      EK018: ['Stack/Granular'],
    });
    expect(result.blocking).toBe(true);
  });

  it('keeps a suppressed error, with its reason, and does not block on it', () => {
    const m = manifest([platformRestriction('Granular', { osMinimumVersion: '16.0' }, ['*'], 1)], [], [{ rule: 'EK018', reason: 'restrictions are applied by a delegated pipeline' }]);
    const result = lint(m, { appOnlyCredentials: true }, { now: NOW });
    expect(result.warnings).toEqual([]);
    expect(result.suppressed.map((f) => f.suppressed?.reason)).toEqual(['restrictions are applied by a delegated pipeline']);
  });

  it('blocks on an unsuppressed error and quotes the bad value and the fix', () => {
    const result = lint(manifest([jitWith([{ key: 'device_registration', type: 'string', value: 'yes' }])]), {}, { now: NOW });
    expect(result.blocking).toBe(true);
    expect(result.errors[0]).toMatchObject({ rule: 'EK002', path: 'Stack/JIT', value: { type: 'string', value: 'yes' }, sources: ['004'] });
    expect(result.errors[0]?.fix).toContain('{{DEVICEREGISTRATION}}');
  });

  it('lists the rules it could not evaluate without tenant facts', () => {
    expect(lint(manifest([]), {}, { now: NOW }).skipped.map((s) => s.rule)).toEqual(['EK011', 'EK016', 'EK017', 'EK018', 'EK022']);
  });
});

describe('docs/rules.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8');
  it.each(RULES.map((r) => [r.id, r.severity] as const))('lists %s as %s', (id, severity) => {
    expect(doc).toContain(`| ${id} | ${severity} |`);
  });
});
