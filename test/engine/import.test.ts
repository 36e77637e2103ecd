import { loadManifests } from '../../src/cli/load-manifests';
import { applyPlan, planStack, readState, type ActualObject, type ActualState } from '../../src/engine';
import { generateStackCode } from '../../src/engine/import';
import { INTUNE_DEFAULTS, type Manifest } from '../../src/model';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { appDir, CDKTF_JSON, recordingIo, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

const type = (name: string) => `#microsoft.graph.${name}`;

async function graph(method: string, path: string, body?: unknown, version = 'beta'): Promise<Record<string, unknown>> {
  const response = await fetch(`${tenant.server.url}/${version}${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function create(path: string, body: Record<string, unknown>): Promise<string> {
  return String((await graph('POST', path, body)).id);
}

const target = (odataType: string, groupId?: string, filter?: { id: string; mode: string }) => ({
  '@odata.type': type(odataType),
  ...(groupId ? { groupId } : {}),
  deviceAndAppManagementAssignmentFilterId: filter?.id ?? null,
  deviceAndAppManagementAssignmentFilterType: filter?.mode ?? 'none',
});

/** A tenant configured by hand in the admin center: every kind, groups, exclusions, a filter, priorities out of creation order. */
async function configureByHand(): Promise<void> {
  const group = (displayName: string) => create('/groups', { displayName, mailEnabled: false, mailNickname: displayName.replace(/\W+/g, '-'), securityEnabled: true, groupTypes: [] });
  const byod = await group('iOS BYOD users');
  const executives = await group('iOS executives');

  const profiles = '/deviceManagement/appleUserInitiatedEnrollmentProfiles';
  const webBased = await create(profiles, {
    '@odata.type': type('appleUserInitiatedEnrollmentProfile'),
    displayName: 'iOS web-based enrollment',
    description: 'Personal devices enroll in Safari',
    platform: 'iOS',
    defaultEnrollmentType: 'webDeviceEnrollment',
  });
  await graph('POST', `${profiles}/${webBased}/assignments`, { '@odata.type': type('appleEnrollmentProfileAssignment'), target: target('groupAssignmentTarget', byod) });
  await graph('POST', `${profiles}/${webBased}/assignments`, { '@odata.type': type('appleEnrollmentProfileAssignment'), target: target('exclusionGroupAssignmentTarget', executives) });
  const userChoice = await create(profiles, {
    '@odata.type': type('appleUserInitiatedEnrollmentProfile'),
    displayName: 'iOS user choice',
    platform: 'iOS',
    defaultEnrollmentType: 'webDeviceEnrollment',
    availableEnrollmentTypeOptions: [
      { '@odata.type': type('appleOwnerTypeEnrollmentType'), ownerType: 'personal', enrollmentType: 'webDeviceEnrollment' },
      { '@odata.type': type('appleOwnerTypeEnrollmentType'), ownerType: 'company', enrollmentType: 'device' },
    ],
  });
  await graph('POST', `${profiles}/${userChoice}/assignments`, {
    '@odata.type': type('appleEnrollmentProfileAssignment'),
    target: target('allLicensedUsersAssignmentTarget', undefined, { id: '5b6a3c1e-2f4d-4e8a-9c7b-1d2e3f4a5b6c', mode: 'include' }),
  });
  await graph('POST', `${profiles}/${userChoice}/setPriority`, { priority: 0 });

  const configurations = '/deviceManagement/deviceEnrollmentConfigurations';
  const restriction = (displayName: string, min: string, max: string) =>
    create(configurations, {
      '@odata.type': type('deviceEnrollmentPlatformRestrictionConfiguration'),
      displayName,
      platformType: 'ios',
      platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: max === '', osMinimumVersion: min, osMaximumVersion: max, blockedManufacturers: [], blockedSkus: [] },
    });
  const current = await restriction('iOS 16 or later', '16.0', '');
  const executivesOnly = await restriction('Executives: iOS 17.0 to 26.0', '17.0', '26.0');
  await graph('POST', `${configurations}/${current}/assign`, { enrollmentConfigurationAssignments: [{ target: target('groupAssignmentTarget', byod) }] });
  await graph('POST', `${configurations}/${executivesOnly}/assign`, { enrollmentConfigurationAssignments: [{ target: target('groupAssignmentTarget', executives) }] });
  await graph('POST', `${configurations}/${executivesOnly}/setPriority`, { priority: 1 });
  const limit = await create(configurations, { '@odata.type': type('deviceEnrollmentLimitConfiguration'), displayName: 'Executives: 5 devices', limit: 5 });
  await graph('POST', `${configurations}/${limit}/assign`, { enrollmentConfigurationAssignments: [{ target: target('groupAssignmentTarget', executives) }] });

  const policy = await create('/deviceManagement/deviceConfigurations', {
    '@odata.type': type('iosDeviceFeaturesConfiguration'),
    displayName: 'iOS JIT registration',
    description: 'Entra SSO extension',
    iosSingleSignOnExtension: {
      '@odata.type': type('iosAzureAdSingleSignOnExtension'),
      enableSharedDeviceMode: false,
      bundleIdAccessControlList: ['com.contoso.lob'],
      configurations: [
        { '@odata.type': type('keyStringValuePair'), key: 'device_registration', value: '{{DEVICEREGISTRATION}}' },
        { '@odata.type': type('keyIntegerValuePair'), key: 'browser_sso_interaction_enabled', value: 1 },
        { '@odata.type': type('keyBooleanValuePair'), key: 'disable_explicit_app_prompt', value: true },
        { '@odata.type': type('keyStringValuePair'), key: 'admin_debug_mode', value: 'off' },
      ],
    },
  });
  await graph('POST', `/deviceManagement/deviceConfigurations/${policy}/assign`, { assignments: [{ target: target('groupAssignmentTarget', byod) }] });

  const apps = '/deviceAppManagement/mobileApps';
  const authenticator = await create(apps, {
    '@odata.type': type('iosStoreApp'),
    displayName: 'Microsoft Authenticator',
    publisher: 'Microsoft Corporation',
    bundleId: 'com.microsoft.azureauthenticator',
    appStoreUrl: 'https://apps.apple.com/app/microsoft-authenticator/id983156458',
    applicableDeviceType: { iPad: false, iPhoneAndIPod: true },
    minimumSupportedOperatingSystem: { v16_0: true },
  });
  const settings = { '@odata.type': type('iosStoreAppAssignmentSettings'), uninstallOnDeviceRemoval: true };
  await graph('POST', `${apps}/${authenticator}/assign`, { mobileAppAssignments: [{ '@odata.type': type('mobileAppAssignment'), intent: 'required', target: target('groupAssignmentTarget', byod), settings }] });
  const clip = await create(apps, { '@odata.type': type('iosiPadOSWebClip'), displayName: 'Company Portal', appUrl: 'https://portal.manage.microsoft.com', publisher: 'Microsoft', fullScreenEnabled: true });
  await graph('POST', `${apps}/${clip}/assign`, { mobileAppAssignments: [{ '@odata.type': type('mobileAppAssignment'), intent: 'required', target: target('groupAssignmentTarget', byod), settings: null }] });
  const vpp = await create(apps, { '@odata.type': type('iosVppApp'), displayName: 'Contoso Notes', bundleId: 'com.contoso.notes', vppTokenAccountType: 'business' });
  const vppSettings = { '@odata.type': type('iosVppAppAssignmentSettings'), useDeviceLicensing: true };
  await graph('POST', `${apps}/${vpp}/assign`, { mobileAppAssignments: [{ '@odata.type': type('mobileAppAssignment'), intent: 'available', target: target('groupAssignmentTarget', executives), settings: vppSettings }] });
}

async function synthesize(code: string): Promise<Manifest> {
  const [manifest] = await loadManifests(recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': code })));
  if (!manifest) throw new Error('the generated app synthesized no stack');
  return manifest;
}

describe('generateStackCode against a tenant configured by hand', () => {
  it('writes an app that plan --adopt adopts without a property, assignment or priority change, and that then converges', async () => {
    await configureByHand();
    const result = generateStackCode(await readState(tenant.backend, []), { stack: 'imported', include: 'unowned' });
    expect(result.skipped).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.groups).toEqual(['iOS BYOD users', 'iOS executives']);
    expect(result.imported).toHaveLength(9);

    const manifest = await synthesize(result.code);
    const { plan } = await planStack(tenant.backend, manifest, { adopt: true });
    expect(plan.blockers).toEqual([]);
    expect(plan.moves).toEqual([]);
    expect(plan.changes).toHaveLength(9);
    for (const change of plan.changes) {
      expect({ name: change.displayName, action: change.action, fields: change.fields, assignments: change.assignments }).toEqual({
        name: change.displayName,
        action: change.referenced ? 'unchanged' : 'adopt',
        fields: [],
        assignments: { add: [], remove: [] },
      });
    }
    expect(plan.steps.every((s) => s.operation === 'update')).toBe(true);

    const applied = await applyPlan(tenant.backend, plan);
    expect(applied.results.filter((r) => r.status !== 'done')).toEqual([]);
    expect((await planStack(tenant.backend, manifest)).plan.steps).toEqual([]);
  }, 120_000);

  it('declares prioritised objects in their current priority order, and each group once', async () => {
    await configureByHand();
    const { code } = generateStackCode(await readState(tenant.backend, []), { stack: 'imported', include: 'unowned' });
    const order = (...names: string[]) => names.map((n) => code.indexOf(`displayName: '${n}'`));
    const [userChoice, webBased] = order('iOS user choice', 'iOS web-based enrollment');
    const [executives, current] = order('Executives: iOS 17.0 to 26.0', 'iOS 16 or later');
    expect(userChoice).toBeLessThan(webBased!);
    expect(executives).toBeLessThan(current!);
    expect(code.match(/EntraGroup\.fromDisplayName\(stack, 'IosByodUsers', 'iOS BYOD users'\)/g)).toHaveLength(1);
    expect(code).toContain("VppApp.fromBundleId(stack, 'ContosoNotes', 'com.contoso.notes', { displayName: 'Contoso Notes' });");
    expect(code).toContain("contosoNotes.addAssignment({ target: AssignmentTarget.group(iosExecutives), intent: 'available', settings: { useDeviceLicensing: true } });");
    expect(code).toContain('jitRegistration: true,');
    expect(code).toContain("AssignmentTarget.allUsers({ filter: { id: '5b6a3c1e-2f4d-4e8a-9c7b-1d2e3f4a5b6c', mode: 'include' } })");
  });

  it('writes the same bytes for the same tenant, whatever order it lists objects and groups in', async () => {
    await configureByHand();
    const options = { stack: 'imported', include: 'unowned' } as const;
    const state = await readState(tenant.backend, []);
    const shuffled: ActualState = { ...state, objects: [...state.objects].reverse(), groupNames: new Map([...state.groupNames].reverse()) };
    const first = generateStackCode(state, options).code;
    expect(generateStackCode(await readState(tenant.backend, []), options).code).toBe(first);
    expect(generateStackCode(shuffled, options).code).toBe(first);
  });

  it('writes the same code again after adoption when the owned objects are included', async () => {
    await configureByHand();
    const first = generateStackCode(await readState(tenant.backend, []), { stack: 'imported', include: 'unowned' });
    const { plan } = await planStack(tenant.backend, await synthesize(first.code), { adopt: true });
    await applyPlan(tenant.backend, plan);

    const owned = await readState(tenant.backend, []);
    expect(() => generateStackCode(owned, { stack: 'imported', include: 'unowned' })).toThrow(/already owns 8 objects.*--all/);
    expect(generateStackCode(owned, { stack: 'imported', include: 'all' }).code).toBe(first.code);
    expect(generateStackCode(owned, { stack: 'other', include: 'unowned' }).imported.map((o) => o.displayName)).toEqual(['Contoso Notes']);
  }, 120_000);
});

function object(o: Pick<ActualObject, 'kind' | 'id' | 'displayName' | 'spec'> & Partial<ActualObject>): ActualObject {
  return { odataType: '', description: '', assignments: [], assignmentIds: [], unmanagedAssignments: [], builtIn: false, fingerprint: '', ...o };
}

function stateOf(objects: ActualObject[], groupNames: [string, string][] = []): ActualState {
  return { objects, groupsByName: new Map(), groupNames: new Map(groupNames), tenantDefaults: INTUNE_DEFAULTS };
}

const clip = (id: string, displayName: string, assignments: ActualObject['assignments'] = []) =>
  object({
    kind: 'webClip',
    id,
    displayName,
    spec: { appUrl: 'https://portal.manage.microsoft.com/', useManagedBrowser: false, fullScreenEnabled: false, preComposedIconEnabled: false, ignoreManifestScope: false },
    assignments: assignments.map((a) => ({ ...a, intent: 'required' })),
  });

describe('generateStackCode on a state built by hand', () => {
  it('escapes quotes, backslashes, line breaks and template syntax so the app declares the exact strings', async () => {
    const displayName = `It's a "quoted" \\ name \${notATemplate}`;
    const description = 'line one\nline two\r\n\ttabbed `backtick` \u2028 end\\';
    const groupName = `O'Brien's "team" \\n`;
    const spec = {
      bundleIdAccessControlList: ['com.contoso.lob'],
      configurations: [
        { key: 'count', type: 'integer', value: -3 },
        { key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}}' },
        { key: 'note', type: 'string', value: `it's \\ {{DEVICEREGISTRATION}} "x"` },
        { key: 'ratio', type: 'real', value: 0.5 },
      ],
      enableSharedDeviceMode: true,
    };
    const state = stateOf(
      [
        object({ kind: 'ssoExtensionPolicy', id: 'policy', displayName, description, spec, assignments: [{ target: { type: 'group', group: 'g1' } }] }),
        object({ kind: 'enrollmentTypeProfile', id: 'unassigned', displayName: 'Unassigned\n*/ profile', spec: { enrollmentType: 'device' }, priority: 0 }),
        object({ kind: 'deviceLimitRestriction', id: 'gone', displayName: 'Gone group', spec: { limit: 2 }, priority: 1, assignments: [{ target: { type: 'group', group: 'missing-id' } }] }),
        object({ kind: 'deviceLimitRestriction', id: 'tenant_DefaultLimit', displayName: 'All users and all devices', spec: { limit: 5 }, priority: 0, builtIn: true }),
      ],
      [['g1', groupName]],
    );
    const result = generateStackCode(state, { stack: 'escaping', include: 'unowned' });
    expect(result.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['gone', expect.stringMatching(/targets the group missing-id, which the tenant does not have\. Fix: /)],
      ['unassigned', expect.stringMatching(/has no assignments.*Fix: /)],
    ]);
    expect(result.code).toContain("// not imported: enrollment type profile 'Unassigned\\n*/ profile' (id unassigned): it has no assignments");
    expect(result.code).not.toContain('All users and all devices');

    const manifest = await synthesize(result.code);
    expect(manifest.resources).toEqual([expect.objectContaining({ kind: 'ssoExtensionPolicy', displayName, description, spec, assignments: [{ target: { type: 'group', group: groupName } }] })]);
    expect(manifest.groups.map((g) => g.displayName)).toEqual([groupName]);
  });

  it('gives constructs unique PascalCase IDs and groups valid variable names, with a suffix on collision', async () => {
    const state = stateOf(
      [
        clip('c1', 'Company Portal', [{ target: { type: 'group', group: 'g1' } }]),
        clip('c2', 'company portal!', [{ target: { type: 'group', group: 'g2' } }]),
        clip('c3', '2 Portals', [{ target: { type: 'exclusionGroup', group: 'g3' } }]),
        clip('c4', 'Équipe Portail'),
      ],
      [['g1', 'Company Portal'], ['g2', 'default'], ['g3', '42']],
    );
    const { code, imported } = generateStackCode(state, { stack: 'ids', include: 'unowned' });
    expect(imported.map((o) => o.constructId)).toEqual(['WebClip2Portals', 'CompanyPortal', 'CompanyPortal2', 'EquipePortail']);
    expect(code).toContain("const group42 = EntraGroup.fromDisplayName(stack, 'Group42', '42');");
    expect(code).toContain("const companyPortal3 = EntraGroup.fromDisplayName(stack, 'CompanyPortal3', 'Company Portal');");
    expect(code).toContain("const defaultGroup = EntraGroup.fromDisplayName(stack, 'Default', 'default');");
    expect((await synthesize(code)).resources.map((r) => r.logicalId)).toEqual(['WebClip2Portals', 'CompanyPortal', 'CompanyPortal2', 'EquipePortail']);
  });

  it('leaves out a second object with the same display name, which plan could not tell apart', () => {
    const { imported, skipped } = generateStackCode(stateOf([clip('a', 'Company Portal'), clip('b', 'Company Portal')]), { stack: 'dupes', include: 'unowned' });
    expect(imported.map((o) => o.id)).toEqual(['a']);
    expect(skipped).toEqual([expect.objectContaining({ id: 'b', reason: expect.stringMatching(/another web clip has the display name 'Company Portal' too \(id a\).*Fix: rename/) })]);
  });

  it('refuses a stack name that a manifest rejects, quoting it', () => {
    expect(() => generateStackCode(stateOf([]), { stack: 'my stack', include: 'unowned' })).toThrow(/"my stack" is not valid\. Fix: /);
  });
});
