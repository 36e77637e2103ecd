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
