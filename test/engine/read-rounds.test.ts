import { GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { applyPlan, checkTenant, planStack, readHintsFromJson, readHintsOf, readHintsToJson, rememberReadHints, type Backend, type TenantRef } from '../../src/engine';
import { WrongTenantError, type Manifest } from '../../src/model';
import { graphJson, startReferenceTenant, TEST_RETRY, type ReferenceTenant } from '../_helpers/reference-tenant';
import { syntheticStack } from '../_helpers/synthetic-stack';

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

/** A new backend to the same server: nothing read through it yet. */
function coldBackend(): GraphBackend {
  return new GraphBackend({ baseUrl: tenant.server.url, tokens: staticToken(tenant.server.token), description: `reference ${tenant.server.url}`, retry: TEST_RETRY });
}

/** Runs `use` with a cold backend, closed after. */
async function withColdBackend<T>(use: (backend: GraphBackend) => Promise<T>): Promise<T> {
  const backend = coldBackend();
  try {
    return await use(backend);
  } finally {
    await backend.close();
  }
}

/** Plans and returns the plan with what it sent: rounds of round trips (waves), HTTP round trips and requests. */
async function counted(backend: Backend, manifest: Manifest, options: Parameters<typeof planStack>[2] = {}) {
  const before = backend.counters();
  const { plan } = await planStack(backend, manifest, options);
  const after = backend.counters();
  return { plan, waves: after.waves - before.waves, roundTrips: after.roundTrips - before.roundTrips, requests: after.requests - before.requests };
}

/** The requests the server answered since the log was cleared, as `METHOD /path`. */
function answered(): string[] {
  return tenant.server.server.requestLog.entries().map((e) => `${e.method} ${e.path}`);
}

const graph = (method: string, path: string, body?: unknown) => graphJson(tenant, method, path, body);

/** The stack of 100 objects of the flat kinds, applied. */
async function applied(): Promise<Manifest> {
  const manifest = syntheticStack(100);
  const { plan } = await planStack(tenant.backend, manifest);
  const result = await applyPlan(tenant.backend, plan);
  expect(result.ok).toBe(true);
  return manifest;
}

describe('a plan’s reads', () => {
  it('cover a stack of flat kinds, impact and tenant check included, in one round of round trips once the tenant’s tokens are known', async () => {
    const manifest = await applied();
    const tenants: TenantRef[] = [];
    const again = await counted(tenant.backend, manifest, { checkTenant: (t) => void tenants.push(t) });
    expect(again.plan.steps).toEqual([]);
    expect(again.plan.impact).toBeDefined();
    expect(again.waves).toBe(1);
    expect(again.roundTrips).toBe(2);
    expect(again.requests).toBeGreaterThan(20);
    expect(tenants).toEqual([again.plan.tenant]);
  }, 60_000);

  it('take a second round on a cold backend only for the objects nested under the tenant’s tokens, whose paths need the tokens’ IDs', async () => {
    const manifest = await applied();
    await withColdBackend(async (backend) => {
      tenant.server.server.requestLog.clear();
      const cold = await counted(backend, manifest);
      expect(cold.plan.steps).toEqual([]);
      expect(cold.waves).toBe(2);
      // The second round: each token's profiles and devices, and the member counts beside them.
      const nested = answered().filter((r) => /\/depOnboardingSettings\/[^/]+\//.test(r));
      expect(nested.length).toBeGreaterThan(0);
      expect((await counted(backend, manifest)).waves).toBe(1);
    });
  }, 60_000);

  it('count the members of the groups the plan changes in the first round when an earlier read found the groups’ IDs', async () => {
    const manifest = await applied();
    await planStack(tenant.backend, manifest);
    const count = manifest.resources.filter((r) => r.kind === 'enrollmentTypeProfile').length;
    const reversed = { ...manifest, resources: manifest.resources.map((r) => (r.kind === 'enrollmentTypeProfile' ? { ...r, priority: count + 1 - r.priority! } : r)) };
    const changed = await counted(tenant.backend, reversed);
    expect(changed.plan.steps.length).toBeGreaterThan(0);
    // A single group's members are counted; the members of two groups at once cannot be.
    expect(changed.plan.impact!.affected.map((a) => [a.label, a.members])).toEqual([
      ["members of 'Bench group 0'", 0],
      ["members of 'Bench group 5'", 0],
      ["members of both 'Bench group 0' and 'Bench group 5'", undefined],
    ]);
    expect(changed.waves).toBe(1);
  }, 60_000);

  it('refuse another tenant in the first round, naming both, before any answer is used or anything more is sent', async () => {
    const manifest = await applied();
    await withColdBackend(async (backend) => {
      tenant.server.server.requestLog.clear();
      const expected: TenantRef = { id: '5f0d7c3e-0d1a-4c6e-9a51-2f4b8e6d0002', displayName: 'Contoso' };
      const refused = planStack(backend, manifest, { checkTenant: (t) => checkTenant(expected, t, 'stack bench', 'give it credentials of its own tenant') });
      await expect(refused).rejects.toThrow(WrongTenantError);
      await expect(refused).rejects.toThrow(/^stack bench belongs to tenant 'Contoso', but the credentials open tenant .*; nothing was planned or written\. Fix: give it credentials of its own tenant$/);
      expect(backend.counters().waves).toBe(1);
      const sent = answered();
      expect(sent).toContain('GET /beta/organization');
      expect(sent.filter((r) => !r.startsWith('GET ') && r !== 'POST /beta/$batch')).toEqual([]);
      expect(sent.filter((r) => /\/depOnboardingSettings\/[^/]+\//.test(r))).toEqual([]);
    });
  }, 60_000);

  it('name the groups that the tenant’s other objects assign by ID in the second round, beside the tokens’ objects, and in the first once an earlier read found them', async () => {
    const manifest = await applied();
    const group = await graph('POST', '/v1.0/groups', { displayName: 'Other admins’ pilot', mailEnabled: false, mailNickname: 'pilot', securityEnabled: true });
    const clip = await graph('POST', '/beta/deviceAppManagement/mobileApps', { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Pilot portal', appUrl: 'https://pilot.example.com/' });
    await graph('POST', `/beta/deviceAppManagement/mobileApps/${String(clip.id)}/assign`, {
      mobileAppAssignments: [{ '@odata.type': '#microsoft.graph.mobileAppAssignment', intent: 'available', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: group.id } }],
    });
    await withColdBackend(async (backend) => {
      const read = async () => {
        const before = backend.counters().waves;
        const { plan, state } = await planStack(backend, manifest);
        expect(plan.steps).toEqual([]);
        expect(state.groupNames.get(String(group.id))).toBe('Other admins’ pilot');
        return backend.counters().waves - before;
      };
      expect(await read()).toBe(2);
      expect(await read()).toBe(1);
    });
  }, 60_000);

  it('take one round on a cold backend given, through their JSON form, the hints an earlier read through another backend left', async () => {
    const manifest = await applied();
    await planStack(tenant.backend, manifest);
    const kept = JSON.parse(JSON.stringify(readHintsToJson(readHintsOf(tenant.backend)!))) as unknown;
    expect(Object.values((kept as { parents: Record<string, string[]> }).parents).flat().length).toBeGreaterThan(0);
    await withColdBackend(async (backend) => {
      rememberReadHints(backend, readHintsFromJson(kept)!);
      const hinted = await counted(backend, manifest);
      expect(hinted.plan.steps).toEqual([]);
      expect(hinted.waves).toBe(1);
    });
  }, 60_000);

  it('read the same state whatever IDs the hints name: those the tenant does not have cost requests and a second round, never a different plan', async () => {
    const manifest = await applied();
    const stack = { ...manifest, resources: manifest.resources.slice(1) };
    const expected = await withColdBackend((reference) => planStack(reference, stack).then((planned) => ({ ...planned, lookups: [...readHintsOf(reference)!.parents.keys()] })));
    const made: unknown = {
      parents: Object.fromEntries(expected.lookups.map((lookup) => [lookup, ['00000000-0000-0000-0000-00000000dead']])),
      groupIds: { 'Bench group 0': '00000000-0000-0000-0000-00000000beef' },
      otherGroupIds: ['00000000-0000-0000-0000-00000000f00d'],
    };
    await withColdBackend(async (hinted) => {
      rememberReadHints(hinted, readHintsFromJson(made)!);
      const before = hinted.counters();
      const { plan, state } = await planStack(hinted, stack);
      expect(hinted.counters().waves - before.waves).toBe(2);
      expect(plan.steps).toEqual(expected.plan.steps);
      expect(plan.impact).toEqual(expected.plan.impact);
      expect(state.objects).toEqual(expected.state.objects);
      expect(state.memberCounts).toEqual(expected.state.memberCounts);
    });
  }, 60_000);
});
