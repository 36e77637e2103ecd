import { applyPlan, planStack, type Plan, type Step } from '../../src/engine';
import { cleanStack, group, manifest } from '../rules/builders';
import { census } from '../_helpers/tenant-census';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

/** The rule-abiding stack without the referenced Authenticator (this tenant has none). */
const stack = manifest(
  cleanStack().filter((r) => !r.reference),
  [group('BYOD Users'), group('Contractors')],
);

/** Where an apply stopped (a killed process): only these steps of the plan had been sent. */
const CUTS: [string, (s: Step) => boolean][] = [
  ['after the groups', (s) => s.kind === 'group'],
  ['after the creates of objects, before the groups', (s) => s.operation === 'create' && s.kind !== 'group'],
  ['after every create, before any assignment or priority move', (s) => s.operation === 'create'],
  ['before the priority moves', (s) => s.operation !== 'setPriority'],
];

describe('an apply stopped part-way', () => {
  it.each(CUTS)('stopped %s: the next apply succeeds without a no-op write, duplicates nothing, and the re-plan is empty', async (_where, sent) => {
    const { plan } = await planStack(tenant.backend, stack, { impact: false });
    const partial: Plan = { ...plan, steps: plan.steps.filter(sent) };
    await applyPlan(tenant.backend, { ...partial, steps: partial.steps.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => partial.steps.some((p) => p.id === d)) })) });

    const { plan: again } = await planStack(tenant.backend, stack, { impact: false });
    const result = await applyPlan(tenant.backend, again);
    expect(result.results.filter((r) => r.status !== 'done').map((r) => `${r.step.title}: ${r.error}`)).toEqual([]);
    expect((await census(tenant.server)).duplicates).toEqual([]);
    expect((await planStack(tenant.backend, stack, { impact: false })).plan.steps).toEqual([]);
  });
});
