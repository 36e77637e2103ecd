/**
 * Plan benchmark: plans synthetic stacks of 10, 100 and 1000 owned objects against the reference
 * server (its own process, on loopback) and prints, beside a per-object baseline (one GET per
 * object and one per assignment list, as Terraform providers read), the round trips, requests,
 * wall time and the client's peak memory. Run: npx tsx bench/plan/run.ts [sizes...]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { applyPlan, planStack, type Backend, type GraphRequest } from '../../src/engine';
import { descriptorOf, type Manifest } from '../../src/model';
import { syntheticStack } from '../../test/_fixtures/stacks/synthetic';
import { startServer } from '../reference-server-process';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
/** Reads like a Terraform provider: one GET per object and one per assignment list, ten at a time. */
async function baselineRead(backend: Backend, manifest: Manifest, ids: Map<string, string>): Promise<void> {
  const requests: GraphRequest[] = manifest.resources.flatMap((r) => {
    const path = `${descriptorOf(r.kind).graph.collection}/${ids.get(r.logicalId)}`;
    return [
      { method: 'GET', version: 'beta', path },
      { method: 'GET', version: 'beta', path: `${path}/assignments` },
    ] as GraphRequest[];
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < requests.length) await backend.send([requests[next++]!]);
    }),
  );
}

async function measure(run: () => Promise<void>, backend: GraphBackend): Promise<{ ms: number; roundTrips: number; requests: number; peakMb: number }> {
  const before = backend.counters();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const after = backend.counters();
  return { ms, roundTrips: after.roundTrips - before.roundTrips, requests: after.requests - before.requests, peakMb: peak / 2 ** 20 };
}

async function main(): Promise<void> {
  const table = new Table({ style: { head: [], border: [] }, head: ['objects', 'reader', 'round trips', 'requests', 'wall ms', 'client peak RSS MB', 'round trips vs baseline'] });
  for (const size of SIZES.length ? SIZES : [10, 100, 1000]) {
    const dir = mkdtempSync(join(tmpdir(), 'enrollkit-bench-plan-'));
    const server = await startServer(join(dir, 'reference.db'));
    const backend = new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: 'bench' });
    try {
      const manifest = syntheticStack(size);
      const { plan } = await planStack(backend, manifest);
      const applied = await applyPlan(backend, plan);
      if (!applied.ok) throw new Error(`setup apply failed: ${applied.results.find((r) => r.status !== 'done')?.error}`);
      const ids = new Map(applied.results.filter((r) => r.createdId && r.step.id.startsWith('create:')).map((r) => [r.step.id.slice(7), r.createdId!]));
      let changes = -1;
      const ours = await measure(async () => {
        changes = (await planStack(backend, manifest)).plan.steps.length;
      }, backend);
      if (changes !== 0) throw new Error(`re-plan after apply was not empty (${changes} steps)`);
      const base = await measure(() => baselineRead(backend, manifest, ids), backend);
      table.push(
        [size, 'per-object baseline', base.roundTrips, base.requests, base.ms.toFixed(0), base.peakMb.toFixed(0), '1x'],
        [size, 'enrollkit plan', ours.roundTrips, ours.requests, ours.ms.toFixed(0), ours.peakMb.toFixed(0), `${(base.roundTrips / ours.roundTrips).toFixed(1)}x fewer`],
      );
    } finally {
      await backend.close();
      server.child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${table.toString()}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
