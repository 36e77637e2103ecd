/**
 * Plan benchmark: plans synthetic stacks of 10 to 10,000 owned objects (their manifests read from
 * JSON and checked by the manifest schema, as `enrollkit plan` reads the synth output) against the
 * reference server (its own process, on loopback) and prints, beside the minimum read a plain client sends for the
 * same tenant (every collection with its assignments, the group look-ups, the token lists and the APNs
 * certificate in one round of `$batch`es, then the ADE token's profiles and the further pages), the
 * rounds of round trips (waves: `$batch`es sent at once count once), HTTP round trips, requests, wall
 * time, client CPU per object and the client's peak memory; for a plan through a backend that has
 * read the tenant before (its tokens' IDs known), for the first plan through a new one, and for the
 * first plan through a new one given the read hints an earlier run kept (a later CLI run). The plan
 * measured is `planStack` with the options `enrollkit plan` passes by default (rules, diff, the
 * impact with member counts, the digest), re-planning the applied stack (no changes); each figure
 * is that of the median run by CPU of a few. A second table puts what working out the plan's impact
 * (whose enrollment changes, member counts included) adds to the plan beside the plan's own time
 * (the same plan with and without it, in turns, each going first as often), the CPU time of the
 * impact worked out alone from each such plan and its state, and the garbage collections per plan
 * without and with it, for the first plan (every object created) and for a plan that reverses the profiles' priorities (target: at most
 * 10%); it takes 328 plans per size, so it is worked out only up to `--impact-up-to` objects.
 * Run: npx tsx bench/plan/run.ts [--impact-up-to N] [sizes...]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { applyPlan, planImpactOf, planStack, readHintsFromJson, readHintsOf, readHintsToJson, rememberReadHints, withMemberCounts, type ActualState, type Backend, type Plan, type PlanImpact } from '../../src/engine';
import { DESCRIPTORS, parseManifest, type KindDescriptor, type Manifest } from '../../src/model';
import { startServer, type Server } from '../reference-server-process';
import { syntheticStack } from '../../test/_helpers/synthetic-stack';

const ARGS = parseArgs({ allowPositionals: true, options: { 'impact-up-to': { type: 'string', default: '1000' } } });
const SIZES = ARGS.positionals.map(Number).filter((n) => n > 0);
/** The largest size the impact table is worked out for (328 plans per size). */
const IMPACT_UP_TO = Number(ARGS.values['impact-up-to']);
/** Runs of each reader in the plan table; the median run by CPU time is shown. */
const PLAN_RUNS = 5;
/** What one reader sent: rounds of round trips (waves, the latency it pays), HTTP round trips and requests. */
interface Sent {
  readonly waves: number;
  readonly roundTrips: number;
  readonly requests: number;
}

/** What one reader cost: what it sent, wall time, the client's CPU time and peak memory. */
interface Cost {
  readonly waves: number;
  readonly roundTrips: number;
  readonly requests: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakMb: number;
  /** When the run started and ended, on the performance clock. */
  readonly span: { readonly from: number; readonly to: number };
}

/** When each garbage collection of this process started, on the performance clock. */
const gcStarts: number[] = [];
new PerformanceObserver((list) => gcStarts.push(...list.getEntries().map((e) => e.startTime))).observe({ entryTypes: ['gc'] });

/** The garbage collections that started during these runs, per run (once the observer has been told of them). */
async function collectionsPerRun(costs: readonly Cost[]): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return gcStarts.filter((t) => costs.some(({ span }) => t >= span.from && t < span.to)).length / costs.length;
}

async function measure(run: () => Promise<Sent>): Promise<Cost> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const counts = await run();
  const end = performance.now();
  const wallMs = end - start;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ...counts, wallMs, cpuMs: (used.user + used.system) / 1000, peakMb: peak / 2 ** 20, span: { from: start, to: end } };
}

/** Runs `run` {@link PLAN_RUNS} times and returns the run of median CPU time. */
async function medianRun(run: () => Promise<Sent>): Promise<Cost> {
  const costs: Cost[] = [];
  for (let i = 0; i < PLAN_RUNS; i += 1) costs.push(await measure(run));
  return costs.sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(PLAN_RUNS / 2)]!;
}

/**
 * The least a plain client sends to read the same tenant: one round with every collection (and
 * its assignments), the group look-ups, the ADE and VPP token lists and the APNs certificate; then,
 * as their paths need the tokens' IDs, the ADE profiles and devices of each ADE token beside the
 * further pages. A round's `$batch`es of 20 go out at once. It parses the JSON and does nothing else.
 */
async function minimumRead(server: Server, manifest: Manifest): Promise<Sent> {
  const kinds = DESCRIPTORS as readonly KindDescriptor[];
  const collections = [...new Set(kinds.filter((d) => !d.parent).map((d) => d.graph.collection))].map((path) => `${path}?$expand=assignments`);
  const groups = manifest.groups.map((g) => `/groups?$filter=displayName eq ${encodeURIComponent(`'${g.displayName}'`)}&$select=id,displayName,groupTypes,membershipRule`);
  const tokens = '/deviceManagement/depOnboardingSettings';
  let urls = [...collections, ...groups, tokens, '/deviceAppManagement/vppTokens', '/deviceManagement/applePushNotificationCertificate'];
  let waves = 0;
  let roundTrips = 0;
  let requests = 0;
  while (urls.length > 0) {
    const next: string[] = [];
    const chunks = Array.from({ length: Math.ceil(urls.length / 20) }, (_, i) => urls.slice(20 * i, 20 * i + 20));
    waves += 1;
    roundTrips += chunks.length;
    requests += urls.length;
    const answers = await Promise.all(
      chunks.map(async (chunk) => {
        const response = await fetch(`${server.url}/beta/$batch`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ requests: chunk.map((url, id) => ({ id: String(id), method: 'GET', url })) }),
        });
        const { responses } = (await response.json()) as { responses: { id: string; body?: { '@odata.nextLink'?: string; value?: { id: string; tokenType?: string }[] } }[] };
        return { chunk, responses };
      }),
    );
    for (const { chunk, responses } of answers) {
      for (const r of responses) {
        const link = r.body?.['@odata.nextLink'];
        if (link) next.push(link.replace(/^.*?\/beta/, ''));
        if (chunk[Number(r.id)] !== tokens) continue;
        for (const token of r.body?.value ?? []) {
          if (token.tokenType === 'dep' || token.tokenType === 'appleSchoolManager') next.push(`${tokens}/${token.id}/enrollmentProfiles`, `${tokens}/${token.id}/importedAppleDeviceIdentities`);
        }
      }
    }
    urls = next;
  }
  return { waves, roundTrips, requests };
}

/** Runs `run` and returns what it sent through the backend. */
async function counted(backend: Backend, run: () => Promise<void>): Promise<Sent> {
  const before = backend.counters();
  await run();
  const after = backend.counters();
  return { waves: after.waves - before.waves, roundTrips: after.roundTrips - before.roundTrips, requests: after.requests - before.requests };
}

/** A manifest as `enrollkit plan` has it: its JSON text (the synth output) read and checked by the manifest schema. */
function asRead(manifest: Manifest): Manifest {
  return parseManifest(JSON.parse(JSON.stringify(manifest)));
}

/** The same stack with the enrollment type profiles' priorities reversed. */
function reversedProfiles(manifest: Manifest): Manifest {
  const count = manifest.resources.filter((r) => r.kind === 'enrollmentTypeProfile').length;
  return asRead({ ...manifest, resources: manifest.resources.map((r) => (r.kind === 'enrollmentTypeProfile' ? { ...r, priority: count + 1 - r.priority! } : r)) });
}

/** Runs of each plan the impact figures take the median of (the machine's load varies). */
const IMPACT_RUNS = 81;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * A plan made without its impact and with it, in turns: medians of both costs, of what the impact
 * adds, and of the impact worked out alone from the same plan and state.
 */
interface PlanAndImpact {
  readonly plan: Plan;
  readonly impact: PlanImpact;
  readonly planWallMs: number;
  readonly planCpuMs: number;
  readonly impactWallMs: number;
  readonly impactCpuMs: number;
  readonly aloneCpuMs: number;
  /** Garbage collections per plan, without the impact and with it. */
  readonly collections: readonly [number, number];
}

/**
 * Plans without the impact and with it (member counts included), in turns, a few times over; the
 * impact's cost is what it adds to the same plan, run by run (garbage collection and the member
 * counts read with the tenant included). A first pair, left out, compiles both paths; then the two
 * take turns at going first, so that neither always inherits the other's garbage to collect. After
 * each plan with the impact, the impact is also worked out alone from that plan and state, as
 * `planStack` does (member counts included).
 */
async function planThenImpact(backend: Backend, manifest: Manifest): Promise<PlanAndImpact> {
  const without: Cost[] = [];
  const withIt: Cost[] = [];
  const added: { wallMs: number; cpuMs: number }[] = [];
  const alone: number[] = [];
  let planned: Awaited<ReturnType<typeof planStack>> | undefined;
  const bare = () => measure(() => counted(backend, async () => void (await planStack(backend, manifest, { impact: false }))));
  const full = () => measure(() => counted(backend, async () => void (planned = await planStack(backend, manifest))));
  await bare();
  await full();
  for (let run = 0; run < IMPACT_RUNS; run += 1) {
    const first = run % 2 === 0 ? await bare() : await full();
    const second = run % 2 === 0 ? await full() : await bare();
    const [withoutImpact, withImpact] = run % 2 === 0 ? [first, second] : [second, first];
    const cpu = process.cpuUsage();
    await withMemberCounts(planImpactOf(manifest, planned!.state, planned!.plan), backend, planned!.plan, planned!.state);
    const used = process.cpuUsage(cpu);
    alone.push((used.user + used.system) / 1000);
    without.push(withoutImpact);
    withIt.push(withImpact);
    added.push({ wallMs: withImpact.wallMs - withoutImpact.wallMs, cpuMs: withImpact.cpuMs - withoutImpact.cpuMs });
  }
  return {
    plan: planned!.plan,
    impact: planned!.plan.impact!,
    planWallMs: median(without.map((c) => c.wallMs)),
    planCpuMs: median(without.map((c) => c.cpuMs)),
    impactWallMs: median(added.map((c) => c.wallMs)),
    impactCpuMs: median(added.map((c) => c.cpuMs)),
    aloneCpuMs: median(alone),
    collections: [await collectionsPerRun(without), await collectionsPerRun(withIt)],
  };
}

async function main(): Promise<void> {
  const impactTable = new Table({
    style: { head: [], border: [] },
    head: ['objects', 'plan', 'writes', 'plan wall ms', 'impact wall ms', 'wall: impact / plan', 'plan CPU ms', 'impact CPU ms', 'CPU: impact / plan', 'impact alone CPU ms', 'CPU: alone / plan', 'GCs per plan: without / with', 'audiences', 'affected', 'differences'],
  });
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  const impactRow = (size: number, what: string, r: PlanAndImpact) =>
    impactTable.push([
      size,
      what,
      r.plan.steps.length,
      r.planWallMs.toFixed(0),
      r.impactWallMs.toFixed(0),
      percent(r.impactWallMs, r.planWallMs),
      r.planCpuMs.toFixed(0),
      r.impactCpuMs.toFixed(0),
      percent(r.impactCpuMs, r.planCpuMs),
      r.aloneCpuMs.toFixed(1),
      percent(r.aloneCpuMs, r.planCpuMs),
      r.collections.map((n) => n.toFixed(2)).join(' / '),
      r.impact.audiences,
      r.impact.affected.length,
      r.impact.affected.reduce((n, a) => n + a.changes.length, 0),
    ]);
  const table = new Table({
    style: { head: [], border: [] },
    head: ['objects', 'reader', 'rounds (waves)', 'round trips', 'requests', 'wall ms', 'client CPU ms', 'CPU µs/object', 'client peak RSS MB', 'CPU vs minimum'],
  });
  const perObject = new Map<number, number>();
  for (const size of SIZES.length ? SIZES : [10, 100, 1000, 5000, 10000]) {
    const dir = mkdtempSync(join(tmpdir(), 'enrollkit-bench-plan-'));
    const server = await startServer(join(dir, 'reference.db'));
    const backend = new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: 'bench' });
    try {
      const manifest = asRead(syntheticStack(size));
      const withImpact = size <= IMPACT_UP_TO;
      const first = withImpact ? await planThenImpact(backend, manifest) : undefined;
      if (first) impactRow(size, 'first (creates all)', first);
      const applied = await applyPlan(backend, first?.plan ?? (await planStack(backend, manifest)).plan);
      if (!applied.ok) throw new Error(`setup apply failed: ${applied.results.find((r) => r.status !== 'done')?.error}`);
      const base = await medianRun(() => minimumRead(server, manifest));
      let state: ActualState | undefined;
      const replan = (through: Backend) => async () => {
        const planned = await planStack(through, manifest);
        if (planned.plan.steps.length !== 0) throw new Error(`re-plan after apply was not empty (${planned.plan.steps.length} steps)`);
        state = planned.state;
      };
      const newBackend = () => new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: 'bench' });
      // A backend that has read nothing yet, as a command's first plan: the tokens' IDs are not known.
      const cold = await medianRun(async () => {
        const fresh = newBackend();
        return counted(fresh, replan(fresh)).finally(() => fresh.close());
      });
      const ours = await medianRun(() => counted(backend, replan(backend)));
      // A later command's first plan: a new backend given the read hints an earlier run kept in
      // .enrollkit/read-hints.json, through their JSON form as the file holds them.
      const kept = JSON.stringify(readHintsToJson(readHintsOf(backend)!));
      const later = await medianRun(async () => {
        const fresh = newBackend();
        rememberReadHints(fresh, readHintsFromJson(JSON.parse(kept))!);
        return counted(fresh, replan(fresh)).finally(() => fresh.close());
      });
      const owned = state?.objects.filter((o) => o.marker?.stack === manifest.stack).length;
      if (owned !== size) throw new Error(`plan read ${owned} objects of the stack, expected ${size}`);
      perObject.set(size, (ours.cpuMs * 1000) / size);
      const row = (reader: string, c: Cost, ratio: string) => [
        size,
        reader,
        c.waves,
        c.roundTrips,
        c.requests,
        c.wallMs.toFixed(0),
        c.cpuMs.toFixed(0),
        ((c.cpuMs * 1000) / size).toFixed(0),
        c.peakMb.toFixed(0),
        ratio,
      ];
      table.push(
        row('minimum read (plain client)', base, '1x'),
        row('enrollkit plan', ours, `${(ours.cpuMs / base.cpuMs).toFixed(1)}x`),
        row('enrollkit plan, first through its backend', cold, `${(cold.cpuMs / base.cpuMs).toFixed(1)}x`),
        row('enrollkit plan, first through its backend, read hints of an earlier run', later, `${(later.cpuMs / base.cpuMs).toFixed(1)}x`),
      );
      if (withImpact) impactRow(size, 'profile priorities reversed', await planThenImpact(backend, reversedProfiles(manifest)));
    } finally {
      await backend.close();
      server.child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(
    `Plan as \`enrollkit plan\` makes it (rules, diff, impact with member counts, digest) of the applied stack; each row the median of ${PLAN_RUNS} runs by CPU time\n${table.toString()}\n\n` +
      `What the impact (whose enrollment changes) adds to the plan, beside the plan without it, and the impact worked out alone from the same plan and state: medians of ${IMPACT_RUNS} runs in turns after one left out (target: impact <= 10% of the plan); sizes up to ${IMPACT_UP_TO} (--impact-up-to)\n${impactTable.toString()}\n`,
  );
  const [at1000, largest] = [perObject.get(1000), Math.max(...perObject.keys())];
  if (at1000 !== undefined && largest > 1000) {
    process.stdout.write(`plan CPU per object at ${largest} objects / at 1000 objects: ${(perObject.get(largest)! / at1000).toFixed(2)}x (linear is 1x)\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
