import { applyPlan, planStack, reconcileDuplicates, type ApplyResult } from '../../src/engine';
import { withMarker } from '../../src/model';
import { EXAMPLES, synthesizedExamples } from '../_helpers/example-manifests';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { census } from '../_helpers/tenant-census';

const manifests = synthesizedExamples();

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

/** Paths of every create: objects, groups and assignments. */
const CREATES = ['/deviceManagement/*', '/deviceAppManagement/*', '/groups', '/deviceManagement/*/*/assignments', '/deviceAppManagement/*/*/assignments'];

/**
 * Loses 35% of create answers after the write is committed: 20% answered 504 (alone, or as one
 * item of a `$batch`), 18.75% of the rest by dropping the connection (a batch item drops the whole batch).
 */
function loseCreateAnswers(seed: number): void {
  for (const path of CREATES) {
    tenant.server.server.faults.add({ method: 'POST', path, afterCommit: true, status: 504, rate: 0.2, seed });
    tenant.server.server.faults.add({ method: 'POST', path, afterCommit: true, reset: true, rate: 0.1875, seed: seed + 1000 });
  }
}

function lostAnswers(): number {
  return tenant.server.server.faults.list().reduce((sum, rule) => sum + rule.hits, 0);
}

function failures(result: ApplyResult): string[] {
  return result.results.filter((r) => r.status !== 'done').map((r) => `${r.step.title}: ${r.error}`);
}

describe('writes whose answers are lost', () => {
  const runs = EXAMPLES.flatMap((example) => [1, 2, 3, 4].map((seed) => [example, seed] as const));

  it.each(runs)('apply %s with 35%% of create answers lost (seed %i) leaves no duplicate and converges', async (example, seed) => {
    const manifest = manifests.get(example)!;
    loseCreateAnswers(seed);
    const { plan } = await planStack(tenant.backend, manifest);
    const result = await applyPlan(tenant.backend, plan);
    expect(failures(result)).toEqual([]);
    expect(result.results.filter((r) => r.lostAnswer !== undefined).length).toBeGreaterThanOrEqual(lostAnswers() > 0 ? 1 : 0);
    expect((await census(tenant.server)).duplicates).toEqual([]);
    tenant.server.server.faults.clear();
    expect((await planStack(tenant.backend, manifest)).plan.steps).toEqual([]);
  });

  it('counts every lost create answer across the examples, and the duplicates left: none', async () => {
    let lost = 0;
    let duplicates = 0;
    for (const [index, example] of EXAMPLES.entries()) {
      const other = await startReferenceTenant();
      try {
        for (const path of CREATES) other.server.server.faults.add({ method: 'POST', path, afterCommit: true, status: 504, rate: 0.35, seed: 50 + index });
        const { plan } = await planStack(other.backend, manifests.get(example)!);
        const result = await applyPlan(other.backend, plan);
        expect(failures(result)).toEqual([]);
        lost += other.server.server.faults.list().reduce((sum, rule) => sum + rule.hits, 0);
        duplicates += (await census(other.server)).duplicates.length;
      } finally {
        await other.close();
      }
    }
    expect(lost).toBeGreaterThan(5);
    expect(duplicates).toBe(0);
  });

  it('does not send a create again when its answer is lost and the tenant shows it was made', async () => {
    const manifest = manifests.get('web-based-enrollment')!;
    tenant.server.server.faults.add({ method: 'POST', path: '/deviceAppManagement/mobileApps', afterCommit: true, reset: true, count: 1 });
    const { plan } = await planStack(tenant.backend, manifest);
    const result = await applyPlan(tenant.backend, plan);
    expect(failures(result)).toEqual([]);
    const clip = result.results.find((r) => r.step.operation === 'create' && r.step.kind === 'webClip');
    expect(clip?.lostAnswer).toMatch(/it had happened \(found in the tenant\)/);
    expect(clip?.createdId).toEqual(expect.any(String));
    const posts = tenant.server.server.requestLog.entries().filter((e) => e.method === 'POST' && e.path === '/beta/deviceAppManagement/mobileApps');
    expect(posts).toHaveLength(plan.steps.filter((s) => s.operation === 'create' && (s.kind === 'webClip' || s.kind === 'iosApp')).length);
  });

  it('creates again a group whose create failed before reaching the service (503), once', async () => {
    const manifest = manifests.get('restrictions')!;
    tenant.server.server.faults.add({ method: 'POST', path: '/groups', status: 503, count: 1 });
    const { plan } = await planStack(tenant.backend, manifest);
    const result = await applyPlan(tenant.backend, plan);
    expect(failures(result)).toEqual([]);
    expect(result.results.filter((r) => r.lostAnswer?.includes('it had not happened, sent again'))).toHaveLength(1);
    expect((await census(tenant.server)).duplicates).toEqual([]);
  });

  it('keeps the oldest of objects that carry one marker and deletes the others, saying so', async () => {
    const request = {
      method: 'POST' as const,
      version: 'beta' as const,
      path: '/deviceAppManagement/mobileApps',
      body: {
        '@odata.type': '#microsoft.graph.iosiPadOSWebClip',
        displayName: 'Company Portal',
        description: withMarker('', { stack: 's', logicalId: 'Clip' }),
        appUrl: 'https://portal.manage.microsoft.com',
      },
    };
    const made = await tenant.backend.send([request]);
    await tenant.backend.send([request]);
    const reconciled = await reconcileDuplicates(tenant.backend, [{ step: 'create:Clip', request }]);
    expect(reconciled).toEqual([{ step: 'create:Clip', displayName: 'Company Portal', kept: (made[0]!.body as { id: string }).id, deleted: [expect.any(String)] }]);
    expect((await census(tenant.server)).duplicates).toEqual([]);
  });

  it('plans the deletion of groups the stack made twice, keeping the oldest, and blocks on a namesake made by hand', async () => {
    const manifest = manifests.get('restrictions')!;
    const group = manifest.groups.find((g) => g.declared)!;
    const create = async (description: string) =>
      (
        await tenant.backend.send([
          { method: 'POST', version: 'v1.0', path: '/groups', body: { displayName: group.displayName, description, mailEnabled: false, mailNickname: 'g', securityEnabled: true } },
        ])
      )[0]!.body as { id: string };
    const marked = withMarker('made twice', { stack: manifest.stack, logicalId: `group/${group.displayName}` });
    const first = await create(marked);
    const second = await create(marked);
    const { plan } = await planStack(tenant.backend, manifest);
    expect(plan.groups.find((g) => g.displayName === group.displayName)).toMatchObject({ action: 'deduplicate', id: first.id, duplicates: [second.id] });
    expect(plan.steps.filter((s) => s.operation === 'delete').map((s) => [s.kind, s.object])).toEqual([['group', { id: second.id }]]);

    const byHand = await create('made in the Entra admin center');
    const blocked = (await planStack(tenant.backend, manifest)).plan;
    expect(blocked.blockers.map((b) => b.message).join('\n')).toContain(`${byHand.id} not; enrollkit never deletes a group it did not make`);
  });
});

describe('deletes and priority moves whose effect is there already', () => {
  it('counts a DELETE sent again after a lost 504 and answered 404 as done, and destroy converges', async () => {
    const manifest = manifests.get('restrictions')!;
    const { plan } = await planStack(tenant.backend, manifest);
    expect(failures(await applyPlan(tenant.backend, plan))).toEqual([]);
    tenant.server.server.faults.add({ method: 'DELETE', path: '/deviceManagement/*/*', afterCommit: true, status: 504, count: 2 });
    const { plan: destroy } = await planStack(tenant.backend, manifest, { mode: 'destroy' });
    const result = await applyPlan(tenant.backend, destroy);
    expect(failures(result)).toEqual([]);
    expect(tenant.server.server.faults.list()).toEqual([]); // both lost answers were served (a used-up rule is dropped)
    expect(result.results.filter((r) => r.lostAnswer !== undefined).map((r) => r.lostAnswer)).toEqual([
      expect.stringMatching(/answered 404; it was so already \(found in the tenant\)$/),
      expect.stringMatching(/answered 404; it was so already \(found in the tenant\)$/),
    ]);
    expect((await planStack(tenant.backend, manifest, { mode: 'destroy' })).plan.steps).toEqual([]);
  });

  it('counts a setPriority the service refuses because the object has that priority already as done', async () => {
    const manifest = manifests.get('restrictions')!;
    const { plan } = await planStack(tenant.backend, manifest);
    expect(failures(await applyPlan(tenant.backend, plan))).toEqual([]);
    const limits = manifest.resources.filter((r) => r.kind === 'deviceLimitRestriction');
    expect(limits.length).toBeGreaterThanOrEqual(2);
    const swapped = { ...manifest, resources: manifest.resources.map((r) => (r.kind === 'deviceLimitRestriction' ? { ...r, priority: limits.length + 1 - r.priority! } : r)) };
    const { plan: move } = await planStack(tenant.backend, swapped);
    const moves = move.steps.filter((s) => s.operation === 'setPriority');
    expect(moves).toHaveLength(1);
    // Someone (another run) makes the same move first: the service now refuses it as a move to the current priority.
    const step = moves[0]!;
    const id = (step.object as { id: string }).id;
    const collection = '/deviceManagement/deviceEnrollmentConfigurations';
    const moved = await fetch(`${tenant.server.url}/beta${collection}/${id}/setPriority`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(step.body),
    });
    expect(moved.status).toBe(204);
    const result = await applyPlan(tenant.backend, move);
    expect(failures(result)).toEqual([]);
    expect(result.results.find((r) => r.step.operation === 'setPriority')?.lostAnswer).toMatch(/answered 400; it was so already \(found in the tenant\)$/);
    expect((await planStack(tenant.backend, swapped)).plan.steps).toEqual([]);
  });
});
