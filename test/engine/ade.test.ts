import { loadManifests } from '../../src/cli/load-manifests';
import { applyPlan, generateStackCode, planStack, readState, stepRequest, type Plan } from '../../src/engine';
import { ADE_TOKENS, type AdeProfileSpec, type Manifest, type Resource } from '../../src/model';
import { exampleManifest } from '../_helpers/example-manifests';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { appDir, CDKTF_JSON, recordingIo, removeAppDirs } from '../_helpers/synth-app';

let tenant: ReferenceTenant;
let example: Manifest;

beforeAll(async () => {
  example = await exampleManifest('automated-device-enrollment');
});
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(async () => tenant.close());
afterAll(removeAppDirs);

async function plan(manifest: Manifest): Promise<Plan> {
  return (await planStack(tenant.backend, manifest)).plan;
}

async function apply(manifest: Manifest): Promise<void> {
  const planned = await plan(manifest);
  expect(planned.blockers).toEqual([]);
  const result = await applyPlan(tenant.backend, planned);
  expect(result.results.filter((r) => r.status !== 'done')).toEqual([]);
}

/** The example with one profile's spec changed. */
function withSpec(manifest: Manifest, logicalId: string, change: Partial<AdeProfileSpec>): Manifest {
  return {
    ...manifest,
    resources: manifest.resources.map((r) => (r.logicalId === logicalId && r.kind === 'adeProfile' ? ({ ...r, spec: { ...r.spec, ...change } } as Resource) : r)),
  };
}

function profile(manifest: Manifest, logicalId: string): AdeProfileSpec {
  const found = manifest.resources.find((r) => r.logicalId === logicalId);
  if (found?.kind !== 'adeProfile') throw new Error(`no ADE profile ${logicalId}`);
  return found.spec;
}

async function graph(method: string, path: string, body?: unknown, version = 'beta'): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${tenant.server.url}/${version}${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function adeToken(): Promise<{ id: string }> {
  const tokens = (await graph('GET', '/deviceManagement/depOnboardingSettings')).json.value as { id: string; tokenType: string }[];
  return tokens.find((t) => t.tokenType === 'dep')!;
}

describe('the automated-device-enrollment example', () => {
  it('creates both profiles under the token named, makes one the default and assigns its serial numbers, then plans nothing', async () => {
    const first = await plan(example);
    expect(first.blockers).toEqual([]);
    const token = await adeToken();
    const account = String((await graph('GET', '/deviceManagement')).json.intuneAccountId);
    expect(first.steps.filter((s) => s.operation === 'create').map((s) => [s.kind, s.parent && 'id' in s.parent ? s.parent.id : undefined])).toEqual([
      ['group', undefined],
      ['adeProfile', token.id],
      ['adeProfile', token.id],
      ['companyPortalConfiguration', undefined],
      ['configuratorDevice', account],
      ['configuratorDevice', account],
      ['configuratorProfile', account],
    ]);
    expect(first.steps.filter((s) => s.operation === 'action').map((s) => s.action)).toEqual(['setDefaultProfile']);
    await apply(example);
    expect((await plan(example)).steps).toEqual([]);

    const listed = (await graph('GET', `/deviceManagement/depOnboardingSettings/${token.id}/enrollmentProfiles`)).json.value as Record<string, unknown>[];
    const workers = listed.find((p) => p.displayName === 'ADE: knowledge workers')!;
    expect(workers).toMatchObject({ requiresUserAuthentication: true, enableAuthenticationViaCompanyPortal: true, requireCompanyPortalOnSetupAssistantEnrolledDevices: false, isDefault: true, siriDisabled: true, locationDisabled: false });
    expect(String(workers.id).startsWith(`${token.id}_`)).toBe(true);
    const devices = (await graph('GET', `/deviceManagement/depOnboardingSettings/${token.id}/importedAppleDeviceIdentities`)).json.value as Record<string, unknown>[];
    expect(devices.filter((d) => d.requestedEnrollmentProfileId === String(workers.id).split('_')[1]).map((d) => d.serialNumber).sort()).toEqual(['DMPXK0A1JF8J', 'DMPXK0A2JF8J']);

    const loaners = ((await graph('GET', `/deviceManagement/depOnboardingSettings/${account}/enrollmentProfiles`)).json.value as Record<string, unknown>[])[0]!;
    expect(loaners).toMatchObject({ '@odata.type': '#microsoft.graph.enrollmentProfile', displayName: 'Configurator: loaner iPads', requiresUserAuthentication: true, enableAuthenticationViaCompanyPortal: true });
    const imported = (await graph('GET', `/deviceManagement/depOnboardingSettings/${account}/importedAppleDeviceIdentities`)).json.value as Record<string, unknown>[];
    expect(imported.map((d) => [d.serialNumber, d.requestedEnrollmentProfileId]).sort()).toEqual([
      ['C02XK0A1JF8J', String(loaners.id).split('_')[1]],
      ['C02XK0A2JF8J', String(loaners.id).split('_')[1]],
    ]);
    const group = (await graph('GET', `/groups?$filter=${encodeURIComponent("displayName eq 'iOS loaner iPads'")}`, undefined, 'v1.0')).json.value as Record<string, unknown>[];
    expect(group).toHaveLength(1);
    const apps = (await graph('GET', '/deviceAppManagement/mobileApps?$expand=assignments')).json.value as Record<string, unknown>[];
    const companyPortal = apps.find((a) => a.bundleId === 'com.microsoft.CompanyPortal')!;
    const configs = (await graph('GET', '/deviceAppManagement/mobileAppConfigurations?$expand=assignments')).json.value as Record<string, unknown>[];
    expect(configs).toEqual([
      expect.objectContaining({
        '@odata.type': '#microsoft.graph.iosMobileAppConfiguration',
        targetedMobileApps: [companyPortal.id],
        encodedSettingXml:
          'PGRpY3Q+PGtleT5JbnR1bmVDb21wYW55UG9ydGFsRW5yb2xsbWVudEFmdGVyVURBPC9rZXk+PGRpY3Q+PGtleT5JbnR1bmVEZXZpY2VJZDwva2V5PjxzdHJpbmc+e3tkZXZpY2VpZH19PC9zdHJpbmc+PGtleT5Vc2VySWQ8L2tleT48c3RyaW5nPnt7dXNlcmlkfX08L3N0cmluZz48L2RpY3Q+PC9kaWN0Pg==',
        assignments: [expect.objectContaining({ target: expect.objectContaining({ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: group[0]!.id }) })],
      }),
    ]);
    expect(companyPortal.assignments).toEqual([
      expect.objectContaining({ intent: 'required', target: expect.objectContaining({ groupId: group[0]!.id }), settings: expect.objectContaining({ useDeviceLicensing: true }) }),
    ]);
  }, 120_000);

  it('plans exactly one update for one changed pane, one action for a new default, and one assignment for new serial numbers', async () => {
    await apply(example);
    const kiosks = withSpec(example, 'SharedKiosks', { hiddenPanes: [...profile(example, 'SharedKiosks').hiddenPanes.filter((p) => p !== 'siri'), 'screenTime'] });
    const changed = await plan(kiosks);
    expect(changed.changes.filter((c) => c.action !== 'unchanged')).toEqual([expect.objectContaining({ action: 'update', logicalId: 'SharedKiosks', fields: [expect.objectContaining({ field: 'hiddenPanes' })] })]);
    expect(changed.steps.map((s) => s.operation)).toEqual(['update']);
    const request = stepRequest(changed.steps[0]!, new Map());
    expect('request' in request && request.request.body).toMatchObject({ screenTimeScreenDisabled: true, siriDisabled: false });

    const otherDefault = await plan(withSpec(withSpec(example, 'SharedKiosks', { isDefault: true }), 'KnowledgeWorkers', { isDefault: false }));
    expect(otherDefault.steps.map((s) => [s.operation, s.action])).toEqual([['action', 'setDefaultProfile']]);

    const serials = await plan(withSpec(example, 'SharedKiosks', { serialNumbers: ['F9FXQ1B1HG7K', 'F9FXQ1B2HG7K'] }));
    expect(serials.steps.map((s) => [s.operation, s.body])).toEqual([['assign', { deviceIds: ['F9FXQ1B2HG7K'] }]]);
    expect(stepRequest(serials.steps[0]!, new Map())).toMatchObject({ request: { method: 'POST', path: expect.stringMatching(/\/enrollmentProfiles\/[^/]+\/updateDeviceProfileAssignment$/) } });
    for (const next of [otherDefault, serials]) expect((await applyPlan(tenant.backend, next)).ok).toBe(true);
  }, 120_000);

  it('imports the tenant into code that plans nothing against it', async () => {
    await apply(example);
    const code = generateStackCode(await readState(tenant.backend, []), { stack: 'automated-device-enrollment', include: 'all' });
    expect(code.skipped).toEqual([]);
    expect(code.code).toContain("token: AdeToken.fromName('Contoso ABM')");
    expect(code.code).toContain("new AppleConfiguratorProfile(stack, 'LoanerIPads', {");
    expect(code.code).toContain("serialNumber: 'C02XK0A1JF8J',");
    expect(code.code).toContain("new CompanyPortalAppConfiguration(stack, 'CompanyPortalConfiguration', {");
    const [manifest] = await loadManifests(recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': code.code })));
    expect((await plan(manifest!)).steps).toEqual([]);
  }, 120_000);

  it('plans one update of the Company Portal configuration for devices without user affinity, and blocks it when the tenant has no Company Portal VPP app', async () => {
    await apply(example);
    const userless: Manifest = {
      ...example,
      resources: example.resources.map((r) => (r.kind === 'companyPortalConfiguration' ? { ...r, spec: { ...r.spec, userAffinity: false } } : r)),
    };
    const changed = await plan(userless);
    expect(changed.steps.map((s) => [s.operation, s.kind])).toEqual([['update', 'companyPortalConfiguration']]);
    const request = stepRequest(changed.steps[0]!, new Map());
    const body = ('request' in request ? request.request.body : {}) as Record<string, unknown>;
    expect(Buffer.from(String(body.encodedSettingXml), 'base64').toString('utf8')).toBe('<dict><key>IntuneUDAUserlessDevice</key><string>{{SIGNEDDEVICEID}}</string></dict>');

    const other: Manifest = {
      ...example,
      resources: example.resources.map((r) => (r.kind === 'companyPortalConfiguration' ? { ...r, spec: { ...r.spec, app: 'com.contoso.portal' } } : r)),
    };
    expect((await plan(other)).blockers).toContainEqual(expect.objectContaining({ code: 'name-missing', message: "the tenant has no VPP app named 'com.contoso.portal'" }));
  }, 120_000);

  it('blocks a profile whose token the tenant does not have, naming the tokens it has', async () => {
    const planned = await plan(withSpec(example, 'SharedKiosks', { token: 'Fabrikam ABM' }));
    expect(planned.blockers).toEqual([expect.objectContaining({ code: 'parent-missing', message: "the tenant has no ADE token named 'Fabrikam ABM'", fix: expect.stringContaining("'Contoso ABM'") })]);
  });
});

describe('rules on ADE facts read from the tenant', () => {
  it('EK016 warns in plan when the ADE token expires in 10 days', async () => {
    const token = await adeToken();
    const record = tenant.server.server.store.getEntity(tenant.server.tenantId, 'depOnboardingSettings', token.id)!;
    const expires = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000 + 60_000).toISOString();
    tenant.server.server.store.putEntity({ ...record, data: { ...record.data, tokenExpirationDateTime: expires } });
    const planned = await plan(example);
    expect(planned.findings).toContainEqual(expect.objectContaining({ code: 'EK016', severity: 'warning', path: 'tenant/depOnboardingSettings/Contoso ABM', message: expect.stringMatching(/ADE token "Contoso ABM" expires in 10 days/) }));
    expect((await readState(tenant.backend, [])).named?.get(ADE_TOKENS)?.map((t) => t.name)).toEqual(['Contoso ABM']);
  });

  it('EK017 fires for a tenant profile outside the stack, read from the tenant, without user affinity that uses Company Portal', async () => {
    const token = await adeToken();
    const created = await graph('POST', `/deviceManagement/depOnboardingSettings/${token.id}/enrollmentProfiles`, {
      '@odata.type': '#microsoft.graph.depIOSEnrollmentProfile',
      displayName: 'Lobby iPads',
      requiresUserAuthentication: false,
      enableAuthenticationViaCompanyPortal: true,
      requireCompanyPortalOnSetupAssistantEnrolledDevices: false,
    });
    expect(created.status).toBe(201);
    const planned = await plan(example);
    expect(planned.findings).toContainEqual(expect.objectContaining({ code: 'EK017', severity: 'error', path: 'tenant/adeProfile/Lobby iPads', message: expect.stringMatching(/^the ADE profile "Lobby iPads" authenticates with the Company Portal without user affinity/) }));
  });

  it('EK022 fires in plan for a synced ADE device that a device enrollment manager account enrolled, and EK023 for a tenant default that blocks iOS', async () => {
    const store = tenant.server.server.store;
    store.putEntity({
      tenantId: tenant.server.tenantId,
      collection: 'managedDevices',
      id: 'dem-device',
      type: 'microsoft.graph.managedDevice',
      data: { id: 'dem-device', deviceName: 'Front desk iPad', serialNumber: 'DMPXK0A4JF8J', deviceEnrollmentType: 'deviceEnrollmentManager', userPrincipalName: 'dem@contoso.com' },
      priorityClass: null,
      priority: null,
      lookupKey: null,
    });
    const restriction = store.listEntities(tenant.server.tenantId, 'deviceEnrollmentConfigurations').find((r) => r.data['priority'] === 0 && 'iosRestriction' in r.data)!;
    store.putEntity({ ...restriction, data: { ...restriction.data, iosRestriction: { ...(restriction.data['iosRestriction'] as object), platformBlocked: true } } });
    const planned = await plan(example);
    expect(planned.findings).toContainEqual(expect.objectContaining({ code: 'EK022', severity: 'error', path: 'tenant/managedDevices/Front desk iPad', message: expect.stringContaining('dem@contoso.com') }));
    expect(planned.findings).toContainEqual(expect.objectContaining({ code: 'EK023', severity: 'error', path: 'tenant/deviceEnrollmentConfigurations/All users' }));
  });

  it('EK017 fires for a profile without user affinity that authenticates with Company Portal', async () => {
    const planned = await plan(withSpec(example, 'SharedKiosks', { authentication: 'companyPortal' }));
    expect(planned.findings).toContainEqual(expect.objectContaining({ code: 'EK017', severity: 'error', path: 'automated-device-enrollment/SharedKiosks' }));
    expect(planned.blockers.map((b) => b.code)).toContain('EK017');
  });
});
