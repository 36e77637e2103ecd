import { AdeAuthentication, AppleConfiguratorDevices, AppleConfiguratorProfile, type EnrollmentStack, type Manifest } from '../../src';
import { loadManifests } from '../../src/cli/load-manifests';
import { applyPlan, generateStackCode, planStack, readState, stepRequest, type Plan } from '../../src/engine';
import { CONFIGURATOR_ACCOUNT } from '../../src/model';
import { manifestOf } from '../constructs/synth-stack';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { appDir, CDKTF_JSON, recordingIo, removeAppDirs } from '../_helpers/synth-app';

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(async () => tenant.close());
afterAll(removeAppDirs);

const SERIALS = ['C02XK0A1JF8J', 'C02XK0A2JF8J'];

function configuratorStack(change: { serials?: readonly string[]; loanersAffinity?: boolean } = {}): Manifest {
  return manifestOf((stack: EnrollmentStack) => {
    new AppleConfiguratorProfile(stack, 'Warehouse', {
      displayName: 'Configurator: warehouse scanners',
      description: 'Direct enrollment, no user',
      userAffinity: false,
      serialNumbers: change.serials ?? [],
    });
    new AppleConfiguratorProfile(stack, 'Loaners', {
      displayName: 'Configurator: loaner iPads',
      userAffinity: change.loanersAffinity ?? true,
      ...(change.loanersAffinity === false ? {} : { authentication: AdeAuthentication.SETUP_ASSISTANT_MODERN_AUTHENTICATION }),
    });
  });
}

async function plan(manifest: Manifest): Promise<Plan> {
  return (await planStack(tenant.backend, manifest)).plan;
}

async function apply(manifest: Manifest): Promise<void> {
  const planned = await plan(manifest);
  expect(planned.blockers).toEqual([]);
  expect((await applyPlan(tenant.backend, planned)).results.filter((r) => r.status !== 'done')).toEqual([]);
}

async function graph(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${tenant.server.url}/beta${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

describe('Apple Configurator enrollment profiles', () => {
  it("creates both profiles under the account's Apple Configurator pseudo-token, then plans nothing", async () => {
    const manifest = configuratorStack();
    const account = String((await graph('GET', '/deviceManagement')).intuneAccountId);
    const first = await plan(manifest);
    expect(first.steps.map((s) => [s.operation, s.kind, s.parent])).toEqual([
      ['create', 'configuratorProfile', { id: account }],
      ['create', 'configuratorProfile', { id: account }],
    ]);
    await apply(manifest);
    expect((await plan(manifest)).steps).toEqual([]);
    const listed = (await graph('GET', `/deviceManagement/depOnboardingSettings/${account}/enrollmentProfiles`)).value as Record<string, unknown>[];
    expect(listed.map((p) => [p['@odata.type'], p.displayName, p.requiresUserAuthentication, p.enableAuthenticationViaCompanyPortal, p.requireCompanyPortalOnSetupAssistantEnrolledDevices]).sort()).toEqual([
      ['#microsoft.graph.enrollmentProfile', 'Configurator: loaner iPads', true, false, true],
      ['#microsoft.graph.enrollmentProfile', 'Configurator: warehouse scanners', false, false, false],
    ]);
    expect(listed.every((p) => String(p.id).startsWith(`${account}_`) && String(p.configurationEndpointUrl).includes(`id=${account}`))).toBe(true);
    expect((await readState(tenant.backend, [])).named?.get(CONFIGURATOR_ACCOUNT)?.map((a) => a.id)).toEqual([account]);
  }, 120_000);

  it('assigns imported serial numbers with one action, and replaces a profile whose user affinity changes', async () => {
    const account = String((await graph('GET', '/deviceManagement')).intuneAccountId);
    await graph('POST', `/deviceManagement/depOnboardingSettings/${account}/importedAppleDeviceIdentities/importAppleDeviceIdentityList`, {
      importedAppleDeviceIdentities: SERIALS.map((serialNumber) => ({ serialNumber })),
      overwriteImportedDeviceIdentities: false,
    });
    await apply(configuratorStack());
    const serials = await plan(configuratorStack({ serials: SERIALS }));
    expect(serials.steps.map((s) => [s.operation, s.body])).toEqual([['assign', { deviceIds: SERIALS }]]);
    expect((await applyPlan(tenant.backend, serials)).ok).toBe(true);
    expect((await plan(configuratorStack({ serials: SERIALS }))).steps).toEqual([]);

    const affinity = await plan(configuratorStack({ serials: SERIALS, loanersAffinity: false }));
    expect(affinity.changes.filter((c) => c.action !== 'unchanged').map((c) => [c.logicalId, c.action])).toEqual([['Loaners', 'replace']]);
  }, 120_000);

  it('imports the profiles into code that plans nothing against the tenant', async () => {
    await apply(configuratorStack());
    const code = generateStackCode(await readState(tenant.backend, []), { stack: 'test', include: 'all' });
    expect(code.skipped).toEqual([]);
    expect(code.code).toContain("new AppleConfiguratorProfile(stack, 'Loaners', {");
    expect(code.code).toContain('authentication: AdeAuthentication.SETUP_ASSISTANT_MODERN_AUTHENTICATION,');
    const [manifest] = await loadManifests(recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': code.code })));
    expect((await plan(manifest!)).steps).toEqual([]);
  }, 120_000);
});

describe('devices imported to the Apple Configurator account as code', () => {
  function withDevices(descriptions: Readonly<Record<string, string>> = {}, serials: readonly string[] = SERIALS): Manifest {
    return manifestOf((stack: EnrollmentStack) => {
      const devices = new AppleConfiguratorDevices(stack, 'Loaners', { devices: serials.map((serialNumber) => ({ serialNumber, ...(descriptions[serialNumber] ? { description: descriptions[serialNumber] } : {}) })) });
      new AppleConfiguratorProfile(stack, 'Warehouse', { displayName: 'Configurator: warehouse scanners', userAffinity: false, serialNumbers: devices.serialNumbers });
    });
  }

  it('imports the serial numbers with importAppleDeviceIdentityList before the profile assigns them, then plans nothing', async () => {
    const manifest = withDevices({ C02XK0A1JF8J: 'Front desk' });
    const first = await plan(manifest);
    expect(first.blockers).toEqual([]);
    const creates = first.steps.filter((s) => s.kind === 'configuratorDevice').map((s) => s.id);
    expect(creates).toHaveLength(2);
    expect(stepRequest(first.steps.find((s) => s.kind === 'configuratorDevice')!, new Map())).toMatchObject({
      request: { method: 'POST', path: expect.stringMatching(/\/importedAppleDeviceIdentities\/importAppleDeviceIdentityList$/), body: { overwriteImportedDeviceIdentities: false, importedAppleDeviceIdentities: [expect.objectContaining({ serialNumber: 'C02XK0A1JF8J', discoverySource: 'adminImport' })] } },
    });
    const assign = first.steps.find((s) => s.operation === 'assign')!;
    expect(assign.dependsOn).toEqual(expect.arrayContaining(creates));
    await apply(manifest);
    expect((await plan(manifest)).steps).toEqual([]);

    const account = String((await graph('GET', '/deviceManagement')).intuneAccountId);
    const devices = (await graph('GET', `/deviceManagement/depOnboardingSettings/${account}/importedAppleDeviceIdentities`)).value as Record<string, unknown>[];
    const profileId = ((await graph('GET', `/deviceManagement/depOnboardingSettings/${account}/enrollmentProfiles`)).value as { id: string }[])[0]!.id.split('_')[1];
    expect(devices.map((d) => [d.serialNumber, d.discoverySource, d.requestedEnrollmentProfileId, String(d.description).split('\n')[0]]).sort()).toEqual([
      ['C02XK0A1JF8J', 'adminImport', profileId, 'Front desk'],
      ['C02XK0A2JF8J', 'adminImport', profileId, expect.stringMatching(/^\[enrollkit stack=test id=Loaners%2FC02XK0A2JF8J /)],
    ]);
  }, 120_000);

  it('plans one update for a changed description, one delete for a device left out, and imports back to code that plans nothing', async () => {
    await apply(withDevices());
    const described = await plan(withDevices({ C02XK0A2JF8J: 'Spare' }));
    expect(described.steps.map((s) => [s.operation, s.kind])).toEqual([['update', 'configuratorDevice']]);
    const dropped = await plan(withDevices({}, [SERIALS[0]!]));
    expect(dropped.steps.map((s) => [s.operation, s.kind])).toEqual([['delete', 'configuratorDevice']]);

    const code = generateStackCode(await readState(tenant.backend, []), { stack: 'test', include: 'all' });
    expect(code.skipped).toEqual([]);
    expect(code.code).toContain("new AppleConfiguratorDevice(stack, ");
    expect(code.code).toContain("serialNumber: 'C02XK0A1JF8J',");
    const [manifest] = await loadManifests(recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': code.code })));
    expect((await plan(manifest!)).steps).toEqual([]);
  }, 120_000);
});
