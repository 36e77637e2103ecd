import { setTimeout as sleep } from 'node:timers/promises';
import { GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { acquireStackLock, applyPlan, breakStackLock, hasChanges, planStack, readStackLocks, withStackLock, type Backend } from '../../src/engine';
import { StackLockedError, type Manifest } from '../../src/model';
import { seededRandom } from '../../src/server/seeded-random';
import { EXAMPLES, synthesizedExamples } from '../_helpers/example-manifests';
import { startReferenceTenant, TEST_RETRY, type ReferenceTenant } from '../_helpers/reference-tenant';
import { census } from '../_helpers/tenant-census';

const manifests = synthesizedExamples();

let tenant: ReferenceTenant;
let other: Backend;
beforeEach(async () => {
  tenant = await startReferenceTenant();
  other = new GraphBackend({ baseUrl: tenant.server.url, tokens: staticToken(tenant.server.token), description: `reference ${tenant.server.url}`, retry: TEST_RETRY });
});
afterEach(() => tenant.close());

/** One run of apply or destroy as the CLI does it: take the lock, plan, apply, release. */
async function run(backend: Backend, manifest: Manifest, holder: string, options: { destroy?: boolean; timeoutMs?: number } = {}): Promise<string> {
  try {
    return await withStackLock(backend, { stack: manifest.stack, holder, timeoutMs: options.timeoutMs ?? 60_000, pollMs: 20 }, async () => {
      const { plan } = await planStack(backend, manifest, options.destroy ? { mode: 'destroy' } : {});
      if (!hasChanges(plan)) return 'nothing to do';
      const result = await applyPlan(backend, plan);
      return result.ok ? (options.destroy ? 'destroyed' : 'applied') : `failed: ${result.results.map((r) => r.error).join('; ')}`;
    });
  } catch (error) {
    if (error instanceof StackLockedError) return `refused: locked by ${error.holder}`;
    throw error;
  }
}

describe('concurrent runs of one stack', () => {
  const random = seededRandom(2026);
  const pairs = Array.from({ length: 15 }, (_, i) => [i + 1, EXAMPLES[i % EXAMPLES.length]!, Math.floor(random() * 101)] as const);

  it.each(pairs)('pair %i: two applies of %s %i ms apart make one apply and one that finds nothing to do, with no duplicate', async (_pair, example, delayMs) => {
    const manifest = manifests.get(example)!;
    const outcomes = await Promise.all([run(tenant.backend, manifest, 'run A'), sleep(delayMs).then(() => run(other, manifest, 'run B'))]);
    expect([...outcomes].sort()).toEqual(['applied', 'nothing to do']);
    expect((await census(tenant.server)).duplicates).toEqual([]);
    expect((await planStack(tenant.backend, manifest)).plan.steps).toEqual([]);
    expect(await readStackLocks(tenant.backend, manifest.stack)).toEqual([]);
  });

  it('serialises an apply and a destroy: whichever comes second sees what the first did', async () => {
    const manifest = manifests.get('restrictions')!;
    const outcomes = await Promise.all([run(tenant.backend, manifest, 'apply'), sleep(5).then(() => run(other, manifest, 'destroy', { destroy: true }))]);
    const left = await census(tenant.server);
    expect(left.duplicates).toEqual([]);
    const owned = left.objects.filter((o) => String(o.description ?? '').includes(`[enrollkit stack=${manifest.stack} `));
    if (outcomes[1] === 'destroyed') {
      expect(outcomes[0]).toBe('applied');
      expect(owned).toEqual([]);
    } else {
      expect(outcomes).toEqual(['applied', 'nothing to do']);
      expect((await planStack(tenant.backend, manifest)).plan.steps).toEqual([]);
    }
  });

  it('refuses at once, naming the holder and since when, without --lock-timeout', async () => {
    const manifest = manifests.get('web-based-enrollment')!;
    const held = await acquireStackLock(tenant.backend, { stack: manifest.stack, holder: 'ci@build-7 (pid 42)', timeoutMs: 0 });
    const error = await acquireStackLock(other, { stack: manifest.stack, holder: 'me', timeoutMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackLockedError);
    expect((error as Error).message).toContain(`stack '${manifest.stack}' is locked by ci@build-7 (pid 42) since ${held.lock.since}`);
    expect((error as Error).message).toContain(`enrollkit unlock --stack ${manifest.stack}`);
    await held.release();
    expect(await run(other, manifest, 'me', { timeoutMs: 0 })).toBe('applied');
  });

  it('breaks a lock whose lease ended, and unlock breaks a live one', async () => {
    const stack = 'web-based-enrollment';
    await acquireStackLock(tenant.backend, { stack, holder: 'a run that died', timeoutMs: 0, leaseMs: 1 });
    await sleep(5);
    const events: string[] = [];
    const held = await acquireStackLock(other, { stack, holder: 'next run', timeoutMs: 0, onEvent: (e) => events.push(`${e.type} ${e.lock.holder}`) });
    expect(events).toEqual(['broke-stale a run that died']);
    expect((await breakStackLock(tenant.backend, stack)).map((l) => l.holder)).toEqual(['next run']);
    expect(await readStackLocks(tenant.backend, stack)).toEqual([]);
    await held.release();
  });
});
