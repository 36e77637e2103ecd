import { applyPlan, planStack, type ApplyEvent } from '../../src/engine';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { syntheticStack } from '../_helpers/synthetic-stack';

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

describe('apply in the fewest round trips Graph allows', () => {
  it('applies 300 new objects with assignments in 4 waves and 31 round trips, priorities in declared order, and plans them again in one round of round trips', async () => {
    // 60 objects in each of three priority classes: 3 sequential batches of 20 per class, then one
    // wave for the last assignments. Everything else (10 groups, 120 creates, 300 assignments) rides
    // in parallel batches beside them: 9 sequential + 22 parallel batches at least.
    const manifest = syntheticStack(300);
    const { plan } = await planStack(tenant.backend, manifest);
    const before = tenant.backend.counters();
    const waves: ApplyEvent[] = [];
    const result = await applyPlan(tenant.backend, plan, (event) => {
      if (event.type === 'wave') waves.push(event);
    });
    expect(result.results.filter((r) => r.status !== 'done').map((r) => `${r.step.title}: ${r.error}`)).toEqual([]);
    expect(waves).toHaveLength(4);
    expect(tenant.backend.counters().roundTrips - before.roundTrips).toBe(31);
    expect(tenant.backend.counters().requests - before.requests).toBe(plan.steps.length);
    const beforePlan = tenant.backend.counters();
    const again = await planStack(tenant.backend, manifest);
    expect(again.plan.steps).toEqual([]);
    // The tenant (GET /organization), the collection lists, group look-ups, token lists, the APNs
    // certificate and the profiles and devices of the tokens the first plan found go out at once, in
    // two parallel $batches.
    expect(tenant.backend.counters().waves - beforePlan.waves).toBe(1);
    expect(tenant.backend.counters().roundTrips - beforePlan.roundTrips).toBe(2);
  }, 120_000);

  it('skips the rest of a priority class chain after a create fails, and applies the rest of the plan', async () => {
    const manifest = syntheticStack(30);
    const { plan } = await planStack(tenant.backend, manifest);
    // The third profile's create is refused (an unknown enrollment type), in the middle of its chain.
    const broken = plan.steps.find((s) => s.id === 'create:Profile10')!;
    const steps = plan.steps.map((s) => (s === broken ? { ...s, body: { ...(s.body as object), enrollmentType: 'notAType' } } : s));
    const result = await applyPlan(tenant.backend, { ...plan, steps });
    const status = new Map(result.results.map((r) => [r.step.id, r.status]));
    expect(status.get('create:Profile0')).toBe('done');
    expect(status.get('create:Profile5')).toBe('done');
    expect(status.get('create:Profile10')).toBe('failed');
    expect(status.get('create:Profile15')).toBe('skipped');
    expect(status.get('create:Profile25')).toBe('skipped');
    expect(status.get('create:Restriction26')).toBe('done');
    expect(result.results).toHaveLength(plan.steps.length);
  }, 60_000);
});
