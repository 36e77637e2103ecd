/**
 * Plan benchmark: plans synthetic stacks of 10, 100 and 1000 owned objects against the reference
 * server (its own process, on loopback) and prints, beside a per-object baseline (one GET per
 * object and one per assignment list, as Terraform providers read), the round trips, requests,
 * wall time and the client's peak memory. A second table puts the time to work out the plan's
 * impact (whose enrollment changes, member counts included) beside the plan's own time, for the
 * first plan (every object created) and for a plan that reverses the profiles' priorities (target:
 * at most 10%). Run: npx tsx bench/plan/run.ts [sizes...]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { applyPlan, planImpactOf, planStack, withMemberCounts, type Backend, type GraphRequest, type Plan, type PlanImpact } from '../../src/engine';
import { descriptorOf, MANIFEST_VERSION, type Manifest, type Resource } from '../../src/model';
import { startServer } from '../reference-server-process';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const GROUPS = 10;

/** A stack of `size` owned objects spread over every kind, assigned to ten groups. */
function syntheticStack(size: number): Manifest {
  const resources: Resource[] = [];
  const group = (i: number) => `Bench group ${i % GROUPS}`;
  const base = (i: number, prefix: string) => ({
    logicalId: `${prefix}${i}`,
    path: `bench/${prefix}${i}`,
    displayName: `${prefix} ${i}`,
    description: 'synthetic',
    assignments: [{ target: { type: 'group' as const, group: group(i) } }],
    suppressions: [],
  });
  for (let i = 0; i < size; i += 1) {
    switch (i % 5) {
      case 0:
        resources.push({ ...base(i, 'Profile'), kind: 'enrollmentTypeProfile', spec: { enrollmentType: 'webDeviceEnrollment' }, priority: resources.filter((r) => r.kind === 'enrollmentTypeProfile').length + 1 });
        break;
      case 1:
        resources.push({ ...base(i, 'Restriction'), kind: 'platformRestriction', spec: { platformBlocked: false, personalDeviceEnrollmentBlocked: false, osMinimumVersion: '16.0' }, priority: resources.filter((r) => r.kind === 'platformRestriction').length + 1 });
        break;
      case 2:
        resources.push({ ...base(i, 'Sso'), kind: 'ssoExtensionPolicy', spec: { bundleIdAccessControlList: [], configurations: [{ key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}}' }], enableSharedDeviceMode: false } });
        break;
      case 3:
        resources.push({ ...base(i, 'Clip'), kind: 'webClip', assignments: [{ target: { type: 'group', group: group(i) }, intent: 'required' }], spec: { appUrl: 'https://portal.manage.microsoft.com/', useManagedBrowser: false, fullScreenEnabled: false, preComposedIconEnabled: false, ignoreManifestScope: false } });
        break;
      default:
        resources.push({ ...base(i, 'Limit'), kind: 'deviceLimitRestriction', spec: { limit: 5 }, priority: resources.filter((r) => r.kind === 'deviceLimitRestriction').length + 1 });
    }
  }
  const groups = Array.from({ length: GROUPS }, (_, i) => ({ displayName: group(i), declared: true, path: `bench/Group${i}`, members: 'users' as const }));
  return { version: MANIFEST_VERSION, stack: 'bench', groups, resources, suppressions: [] };
}

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

/** The same stack with the enrollment type profiles' priorities reversed. */
function reversedProfiles(manifest: Manifest): Manifest {
  const count = manifest.resources.filter((r) => r.kind === 'enrollmentTypeProfile').length;
  return { ...manifest, resources: manifest.resources.map((r) => (r.kind === 'enrollmentTypeProfile' ? { ...r, priority: count + 1 - r.priority! } : r)) };
}

/** Runs of each plan the impact figures take the median of (the machine's load varies). */
const IMPACT_RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Plans without the impact, then works the impact out on its own (member counts included), a few
 * times over: the median of both times, and what the impact found.
 */
async function planThenImpact(backend: GraphBackend, manifest: Manifest): Promise<{ plan: Plan; planMs: number; impactMs: number; impact: PlanImpact }> {
  const planTimes: number[] = [];
  const impactTimes: number[] = [];
  let planned: Awaited<ReturnType<typeof planStack>> | undefined;
  let impact: PlanImpact | undefined;
  for (let run = 0; run < IMPACT_RUNS; run += 1) {
    planTimes.push(
      (
        await measure(async () => {
          planned = await planStack(backend, manifest, { impact: false });
        }, backend)
      ).ms,
    );
    const { plan, state } = planned!;
    impactTimes.push(
      (
        await measure(async () => {
          impact = await withMemberCounts(planImpactOf(manifest, state, plan), backend, plan, state);
        }, backend)
      ).ms,
    );
  }
  return { plan: planned!.plan, planMs: median(planTimes), impactMs: median(impactTimes), impact: impact! };
}

async function main(): Promise<void> {
  const table = new Table({ style: { head: [], border: [] }, head: ['objects', 'reader', 'round trips', 'requests', 'wall ms', 'client peak RSS MB', 'round trips vs baseline'] });
  const impactTable = new Table({
    style: { head: [], border: [] },
    head: ['objects', 'plan', 'writes', `plan ms (median of ${IMPACT_RUNS})`, `impact ms (median of ${IMPACT_RUNS})`, 'impact / plan', 'audiences', 'affected', 'differences'],
  });
  const impactRow = (size: number, what: string, r: Awaited<ReturnType<typeof planThenImpact>>) =>
    impactTable.push([
      size,
      what,
      r.plan.steps.length,
      r.planMs.toFixed(0),
      r.impactMs.toFixed(0),
      `${((100 * r.impactMs) / r.planMs).toFixed(1)}% (target <= 10%)`,
      r.impact.audiences,
      r.impact.affected.length,
      r.impact.affected.reduce((n, a) => n + a.changes.length, 0),
    ]);
  for (const size of SIZES.length ? SIZES : [10, 100, 1000]) {
    const dir = mkdtempSync(join(tmpdir(), 'enrollkit-bench-plan-'));
    const server = await startServer(join(dir, 'reference.db'));
    const backend = new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: 'bench' });
    try {
      const manifest = syntheticStack(size);
      const first = await planThenImpact(backend, manifest);
      impactRow(size, 'first (creates all)', first);
      const applied = await applyPlan(backend, first.plan);
      if (!applied.ok) throw new Error(`setup apply failed: ${applied.results.find((r) => r.status !== 'done')?.error}`);
      const ids = new Map(applied.results.filter((r) => r.createdId && r.step.id.startsWith('create:')).map((r) => [r.step.id.slice(7), r.createdId!]));
      let changes = -1;
      const ours = await measure(async () => {
        changes = (await planStack(backend, manifest)).plan.steps.length;
      }, backend);
      if (changes !== 0) throw new Error(`re-plan after apply was not empty (${changes} steps)`);
      impactRow(size, 'profile priorities reversed', await planThenImpact(backend, reversedProfiles(manifest)));
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
  process.stdout.write(`${table.toString()}\n\nImpact (whose enrollment changes) beside the plan's own time\n${impactTable.toString()}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
