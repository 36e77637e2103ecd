/**
 * Apply benchmark: applies a synthetic stack of new objects, each with an assignment, to an empty
 * reference server (its own process, on loopback) and prints the waves (sequential round trips)
 * and HTTP round trips beside the least Graph's batch rules allow: 20 requests per `$batch`, a batch
 * fully sequential (chained by `dependsOn`) or fully parallel, the creates of one priority class in
 * their order, an assignment after the create of its object. Run: npx tsx bench/apply/run.ts [objects]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { BATCH_LIMIT, GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { applyPlan, planStack } from '../../src/engine';
import { descriptorOf, type Manifest } from '../../src/model';
import { startServer } from '../reference-server-process';
import { syntheticStack } from '../../test/_helpers/synthetic-stack';

const SIZE = Number(process.argv[2] ?? 1000);

/**
 * The least waves and round trips for a fresh stack: each priority class chains its creates in
 * sequential batches of 20; everything else (groups, other creates, assignments) rides in parallel
 * batches of 20; an object's assignments go in the wave after its create, so one wave follows the
 * last create batch.
 */
function minimum(manifest: Manifest): { waves: number; roundTrips: number; requests: number } {
  const perClass = new Map<string, number>();
  for (const r of manifest.resources) {
    const cls = descriptorOf(r.kind).priorityClass;
    if (cls) perClass.set(cls, (perClass.get(cls) ?? 0) + 1);
  }
  const sequentialBatches = [...perClass.values()].map((n) => Math.ceil(n / BATCH_LIMIT));
  const chained = [...perClass.values()].reduce((a, b) => a + b, 0);
  const requests = manifest.groups.length + manifest.resources.length + manifest.resources.reduce((n, r) => n + r.assignments.length, 0);
  const parallel = requests - chained;
  const assigns = manifest.resources.some((r) => r.assignments.length > 0) ? 1 : 0;
  return {
    waves: Math.max(1, ...sequentialBatches) + assigns,
    roundTrips: sequentialBatches.reduce((a, b) => a + b, 0) + Math.ceil(parallel / BATCH_LIMIT),
    requests,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-bench-apply-'));
  const server = await startServer(join(dir, 'reference.db'));
  const backend = new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: 'bench' });
  try {
    const manifest = syntheticStack(SIZE);
    const { plan } = await planStack(backend, manifest);
    const before = backend.counters();
    let waves = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await applyPlan(backend, plan, (event) => {
      if (event.type === 'wave') waves += 1;
    });
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!result.ok) throw new Error(`apply failed: ${result.results.find((r) => r.status !== 'done')?.error}`);
    const after = backend.counters();
    const best = minimum(manifest);
    const roundTrips = after.roundTrips - before.roundTrips;
    const table = new Table({ style: { head: [], border: [] }, head: ['', 'waves (sequential round trips)', 'HTTP round trips', 'requests', 'wall ms', 'client CPU ms'] });
    table.push(
      ['minimum under Graph batch rules', best.waves, best.roundTrips, best.requests, '', ''],
      ['enrollkit apply', waves, roundTrips, after.requests - before.requests, wallMs.toFixed(0), ((used.user + used.system) / 1000).toFixed(0)],
      ['ratio', `${(waves / best.waves).toFixed(2)}x`, `${(roundTrips / best.roundTrips).toFixed(2)}x`, '', '', ''],
    );
    process.stdout.write(`apply of ${SIZE} new objects with one assignment each (${manifest.groups.length} new groups) to the reference server on loopback\n`);
    process.stdout.write(`${table.toString()}\n`);
  } finally {
    await backend.close();
    server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
