import { applyPlan, planStack } from '../../src/engine';
import { parseMarker, type Resource } from '../../src/model';
import { deviceLimit, group, manifest, platformRestriction } from '../rules/builders';
import { census } from '../_helpers/tenant-census';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

const GROUPS = [group('BYOD Users')];

/** The stack's restriction at one logical ID, first as a platform restriction, then as a device limit. */
const asPlatformRestriction = (): Resource => ({ ...platformRestriction('iOS 16+', { osMinimumVersion: '16.0' }, ['BYOD Users'], 1), logicalId: 'Restrictions/Main' });
const asDeviceLimit = (): Resource => ({ ...deviceLimit('Three devices', 3, ['BYOD Users'], 1), logicalId: 'Restrictions/Main' });

async function apply(resources: Resource[]): Promise<void> {
  const { plan } = await planStack(tenant.backend, manifest(resources, GROUPS), { impact: false });
  expect(plan.blockers).toEqual([]);
  const result = await applyPlan(tenant.backend, plan);
  expect(result.results.filter((r) => r.status !== 'done').map((r) => `${r.step.title}: ${r.error}`)).toEqual([]);
}

describe('an owned object whose kind changed under the same logical ID', () => {
  it('is planned as a replace: the old kind deleted as its kind, the new kind created, and the re-plan is empty', async () => {
    await apply([asPlatformRestriction()]);
    const { plan } = await planStack(tenant.backend, manifest([asDeviceLimit()], GROUPS), { impact: false });
    expect(plan.changes.filter((c) => c.action !== 'unchanged').map((c) => [c.action, c.kind, c.replaceFields])).toEqual([['replace', 'deviceLimitRestriction', ['kind']]]);
    expect(plan.changes.find((c) => c.action === 'replace')!.fields).toEqual([{ field: 'kind', before: 'platformRestriction', after: 'deviceLimitRestriction' }]);
    expect(plan.steps.filter((s) => s.operation !== 'assign' && s.operation !== 'setPriority').map((s) => [s.operation, s.kind])).toEqual([
      ['delete', 'platformRestriction'],
      ['create', 'deviceLimitRestriction'],
    ]);

    await apply([asDeviceLimit()]);
    const after = await census(tenant.server);
    const owned = after.objects.filter((o) => parseMarker(String(o.description ?? '')).marker?.logicalId === 'Restrictions/Main');
    expect(owned.map((o) => [o['@odata.type'], o.displayName])).toEqual([['#microsoft.graph.deviceEnrollmentLimitConfiguration', 'Three devices']]);
    expect(after.duplicates).toEqual([]);
    expect((await planStack(tenant.backend, manifest([asDeviceLimit()], GROUPS), { impact: false })).plan.steps).toEqual([]);
  });
});
