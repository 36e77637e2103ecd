import { applyPlan, planStack, type Plan } from '../../src/engine';
import { descriptorOf, MANIFEST_VERSION, type Manifest, type Resource } from '../../src/model';
import { EXAMPLES, synthesizedExamples } from '../_helpers/example-manifests';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';

const manifests = synthesizedExamples();

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

async function apply(manifest: Manifest, options: { adopt?: boolean } = {}): Promise<Plan> {
  const { plan } = await planStack(tenant.backend, manifest, options);
  expect(plan.blockers).toEqual([]);
  const result = await applyPlan(tenant.backend, plan);
  expect(result.results.filter((r) => r.status !== 'done').map((r) => `${r.step.title}: ${r.error}`)).toEqual([]);
  return plan;
}

async function replan(manifest: Manifest, options: { adopt?: boolean } = {}): Promise<Plan> {
  return (await planStack(tenant.backend, manifest, options)).plan;
}

function example(name: (typeof EXAMPLES)[number]): Manifest {
  return structuredClone(manifests.get(name)!);
}

async function graph(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${tenant.server.url}/beta${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe.each(EXAMPLES)('the %s example', (name) => {
  it('applies on a fresh tenant, and then plans no change', async () => {
    const first = await apply(example(name));
    expect(first.steps.length).toBeGreaterThan(0);
    const second = await replan(example(name));
    expect(second.steps).toEqual([]);
    expect(second.changes.every((c) => c.action === 'unchanged')).toBe(true);
  });

  it('applies with 20% of requests throttled (half without Retry-After) and 5% unavailable, then plans no change', async () => {
    const faults = tenant.server.server.faults;
    faults.add({ path: '/**', status: 429, retryAfter: 0, rate: 0.1, seed: 7 });
    faults.add({ path: '/**', status: 429, rate: 0.1 / 0.9, seed: 11 });
    faults.add({ path: '/**', status: 503, rate: 0.05 / 0.8, seed: 13 });
    await apply(example(name));
    expect((await replan(example(name))).steps).toEqual([]);
    expect(tenant.backend.counters().retries).toBeGreaterThan(0);
  });
});

describe('plan after apply', () => {
  it('plans exactly the one property that changed', async () => {
    const manifest = example('restrictions');
    await apply(manifest);
    const target = manifest.resources.find((r) => r.kind === 'platformRestriction')!;
    (target.spec as { osMinimumVersion?: string }).osMinimumVersion = '18.0';
    const plan = await replan(manifest);
    const changed = plan.changes.filter((c) => c.action !== 'unchanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ action: 'update', logicalId: target.logicalId, fields: [{ field: 'osMinimumVersion', after: '18.0' }] });
    expect(plan.steps.map((s) => s.operation)).toEqual(['update']);
    await applyPlan(tenant.backend, plan);
    expect((await replan(manifest)).steps).toEqual([]);
  });

  it('deletes only the profile that was removed from the stack', async () => {
    const manifest = example('web-based-enrollment');
    await apply(manifest);
    const profile = manifest.resources.find((r) => r.kind === 'enrollmentTypeProfile')!;
    const without = { ...manifest, resources: manifest.resources.filter((r) => r !== profile) };
    const plan = await replan(without);
    expect(plan.changes.filter((c) => c.action !== 'unchanged')).toEqual([expect.objectContaining({ action: 'delete', logicalId: profile.logicalId })]);
    expect(plan.steps.map((s) => s.operation)).toEqual(['delete']);
    await applyPlan(tenant.backend, plan);
    const left = await graph('GET', '/deviceManagement/appleUserInitiatedEnrollmentProfiles');
    expect(left.json.value).toEqual([]);
  });

  it('reorders with the fewest priority moves and converges', async () => {
    const manifest = example('restrictions');
    await apply(manifest);
    const reversed: Manifest = {
      ...manifest,
      resources: manifest.resources.map((r) => {
        const peers = manifest.resources.filter((p) => p.kind === r.kind && p.priority !== undefined);
        return r.priority === undefined ? r : ({ ...r, priority: peers.length + 1 - r.priority } as Resource);
      }),
    };
    const plan = await replan(reversed);
    expect(plan.moves.map((m) => m.priorityClass).sort()).toEqual(['deviceLimitRestriction', 'platformRestriction']);
    expect(plan.steps.every((s) => s.operation === 'setPriority')).toBe(true);
    await applyPlan(tenant.backend, plan);
    expect((await replan(reversed)).steps).toEqual([]);
    const listed = await graph('GET', '/deviceManagement/deviceEnrollmentConfigurations');
    const byName = new Map((listed.json.value as { displayName: string; priority: number }[]).map((c) => [c.displayName, c.priority]));
    for (const r of reversed.resources.filter((x) => x.priority !== undefined)) expect(byName.get(r.displayName)).toBe(r.priority);
  });

  it('neither duplicates nor changes an object made by hand with an owned display name, unless adopting', async () => {
    const manifest = example('web-based-enrollment');
    const clip = manifest.resources.find((r) => r.kind === 'webClip')!;
    const made = await graph('POST', '/deviceAppManagement/mobileApps', {
      ...descriptorOf('webClip').toGraph({ ...(clip.spec as object), useManagedBrowser: true }),
      displayName: clip.displayName,
      description: 'made in the admin center',
    });
    expect(made.status).toBe(201);
    const refused = await replan(manifest);
    expect(refused.blockers.map((b) => b.fix).join('\n')).toMatch(/--adopt/);
    expect(refused.steps.some((s) => s.kind === 'webClip')).toBe(false);

    await apply(manifest, { adopt: true });
    const clips = await graph('GET', `/deviceAppManagement/mobileApps?$filter=isof('microsoft.graph.iosiPadOSWebClip')`);
    const list = clips.json.value as { id: string; description: string; useManagedBrowser: boolean }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: made.json.id, useManagedBrowser: false });
    expect(list[0]!.description).toContain('[enrollkit stack=web-based-enrollment');
    expect((await replan(manifest)).steps).toEqual([]);
  });

  it('destroys what the stack owns and leaves everything else', async () => {
    const manifest = example('web-based-enrollment');
    const foreign = await graph('POST', '/deviceManagement/appleUserInitiatedEnrollmentProfiles', {
      '@odata.type': '#microsoft.graph.appleUserInitiatedEnrollmentProfile',
      displayName: 'Made by hand',
      platform: 'iOS',
      defaultEnrollmentType: 'device',
    });
    await apply(manifest);
    const { plan } = await planStack(tenant.backend, manifest, { mode: 'destroy' });
    expect(plan.changes.every((c) => c.action === 'delete')).toBe(true);
    expect(plan.changes).toHaveLength(manifest.resources.length);
    await applyPlan(tenant.backend, plan);
    const profiles = (await graph('GET', '/deviceManagement/appleUserInitiatedEnrollmentProfiles')).json.value as { id: string }[];
    expect(profiles.map((p) => p.id)).toEqual([foreign.json.id]);
  });

});

describe('referenced apps', () => {
  const authenticator = 'com.microsoft.azureauthenticator';
  const reference = (appType: 'iosStoreApp' | 'iosVppApp', intent: 'required' | 'available' = 'required'): Manifest => ({
    version: MANIFEST_VERSION,
    stack: 'refs',
    groups: [{ displayName: 'Staff', declared: true, path: 'refs/Staff', members: 'users' }],
    resources: [
      {
        kind: 'iosApp',
        logicalId: 'Authenticator',
        path: 'refs/Authenticator',
        displayName: 'Microsoft Authenticator',
        description: '',
        spec: { appType, bundleId: authenticator, applicableDeviceType: { iPad: true, iPhoneAndIPod: true } },
        assignments: [{ target: { type: 'group', group: 'Staff' }, intent, settings: { isRemovable: false } }],
        reference: { field: 'bundleId', value: authenticator },
        suppressions: [],
      },
    ],
    suppressions: [],
  });

  async function app(type: 'iosStoreApp' | 'iosVppApp', assignments: object[]): Promise<string> {
    const created = await graph('POST', '/deviceAppManagement/mobileApps', {
      '@odata.type': `#microsoft.graph.${type}`,
      displayName: `Authenticator (${type})`,
      bundleId: authenticator,
      applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const assigned = await graph('POST', `/deviceAppManagement/mobileApps/${id}/assign`, { mobileAppAssignments: assignments });
    expect(assigned.status).toBe(204);
    return id;
  }

  async function assignmentsOf(id: string): Promise<{ intent: string; target: { '@odata.type': string }; settings: { '@odata.type': string } | null }[]> {
    return (await graph('GET', `/deviceAppManagement/mobileApps/${id}/assignments`)).json.value as never;
  }

  const assignment = (intent: string, target: 'allLicensedUsers' | 'allDevices') => ({
    '@odata.type': '#microsoft.graph.mobileAppAssignment',
    intent,
    target: { '@odata.type': `#microsoft.graph.${target}AssignmentTarget` },
    settings: null,
  });

  it('manage only the intents the stack declares, keep every other assignment, and bind to the declared app type', async () => {
    const store = await app('iosStoreApp', [assignment('available', 'allLicensedUsers')]);
    const vpp = await app('iosVppApp', [assignment('available', 'allLicensedUsers'), assignment('availableWithoutEnrollment', 'allDevices')]);
    await apply(reference('iosVppApp'));
    expect((await replan(reference('iosVppApp'))).steps).toEqual([]);

    const onVpp = await assignmentsOf(vpp);
    expect(onVpp.map((a) => a.intent).sort()).toEqual(['available', 'availableWithoutEnrollment', 'required']);
    expect(onVpp.find((a) => a.intent === 'required')!.settings!['@odata.type']).toBe('#microsoft.graph.iosVppAppAssignmentSettings');
    expect((await assignmentsOf(store)).map((a) => a.intent)).toEqual(['available']);

    const { plan } = await planStack(tenant.backend, reference('iosVppApp'), { mode: 'destroy' });
    expect(plan.changes).toEqual([expect.objectContaining({ kind: 'iosApp', referenced: true, assignments: expect.objectContaining({ remove: [expect.objectContaining({ intent: 'required' })] }) })]);
    await applyPlan(tenant.backend, plan);
    expect((await assignmentsOf(vpp)).map((a) => a.intent).sort()).toEqual(['available', 'availableWithoutEnrollment']);
  });

  it('is refused when no app of the declared type has the bundle ID', async () => {
    await app('iosStoreApp', []);
    const { plan } = await planStack(tenant.backend, reference('iosVppApp'));
    expect(plan.blockers.map((b) => b.message).join('\n')).toMatch(/no iOS app with bundleId 'com\.microsoft\.azureauthenticator' and appType 'iosVppApp' exists/);
  });
});

describe('convergence of less common changes', () => {
  it('unsets an optional property that the stack no longer states', async () => {
    const manifest = example('web-based-enrollment');
    await apply(manifest);
    const clip = manifest.resources.find((r) => r.kind === 'webClip')!;
    const { publisher: _publisher, ...withoutPublisher } = clip.spec as { publisher?: string };
    const changed: Manifest = { ...manifest, resources: manifest.resources.map((r) => (r === clip ? ({ ...r, spec: withoutPublisher } as Resource) : r)) };
    const plan = await replan(changed);
    expect(plan.changes.filter((c) => c.action !== 'unchanged')).toEqual([expect.objectContaining({ action: 'update', fields: [{ field: 'publisher', before: 'Microsoft' }] })]);
    await applyPlan(tenant.backend, plan);
    expect((await replan(changed)).steps).toEqual([]);
  });

  it("replaces a profile's assignment when only its filter changes, removing before adding, and records the new digest in its marker", async () => {
    const manifest = example('web-based-enrollment');
    await apply(manifest);
    const filter = { id: '11111111-2222-3333-4444-555555555555', mode: 'include' as const };
    const changed: Manifest = {
      ...manifest,
      resources: manifest.resources.map((r) =>
        r.kind === 'enrollmentTypeProfile' ? ({ ...r, assignments: r.assignments.map((a) => ({ ...a, target: { ...a.target, filter } })) } as Resource) : r,
      ),
    };
    const plan = await replan(changed);
    const [record, remove, add] = plan.steps;
    expect(record!.operation).toBe('update');
    expect(remove!.operation).toBe('unassign');
    expect(add!.dependsOn).toContain(remove!.id);
    expect((await applyPlan(tenant.backend, plan)).ok).toBe(true);
    expect((await replan(changed)).steps).toEqual([]);
  });
});
