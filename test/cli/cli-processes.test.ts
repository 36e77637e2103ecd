import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Manifest } from '../../src/model';
import { parseMarker } from '../../src/model';
import type { StartedReferenceServer } from '../../src/server';
import { exampleManifest } from '../_helpers/example-manifests';
import { manifestApp, removeAppDirs, ROOT } from '../_helpers/synth-app';
import { census } from '../_helpers/tenant-census';
import { exited, startChild, type Child } from '../server/serve-process';

const BIN = path.join(ROOT, 'bin/enrollkit.js');
const PAIRS = 6;
const KILLS = 6;

/** A small deterministic random sequence (mulberry32), so every run of the suite tries the same timings. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

/** One tenant of the server: its token, as the CLI and the census use it. */
interface Tenant {
  readonly token: string;
}

let serve: Child;
let manifest: Manifest;
/** Two checkouts of one app, as two CI jobs or two laptops have: runs in one directory would share the synth output. */
let apps: [string, string];
const tenants: Tenant[] = Array.from({ length: PAIRS + KILLS }, () => ({ token: `t-${randomUUID()}` }));
const tenantIds = tenants.map(() => randomUUID());

beforeAll(async () => {
  manifest = await exampleManifest('web-based-enrollment');
  apps = [manifestApp({ [manifest.stack]: manifest }), manifestApp({ [manifest.stack]: manifest })];
  serve = await startChild(['--data', ':memory:', ...tenants.flatMap((t, i) => ['--token', `${tenantIds[i]!}:${t.token}`])]);
}, 120_000);
afterAll(async () => {
  serve.process.kill('SIGTERM');
  await exited(serve.process);
  removeAppDirs();
});

/**
 * Starts the built command line in the app directory against one tenant of the server; `kill` may
 * stop it early, `stderrShows` resolves true once its standard error satisfies `seen` (false if it ends first).
 */
function cli(tenant: Tenant, argv: readonly string[], checkout = 0): { done: Promise<Run>; kill: () => void; stderrShows: (seen: (stderr: string) => boolean) => Promise<boolean> } {
  const env: NodeJS.ProcessEnv = { ...process.env, ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: serve.url, ENROLLKIT_TOKEN: tenant.token, NO_COLOR: '1' };
  delete env.CDKTF_OUTDIR;
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: apps[checkout], env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, out, err })));
  const stderrShows = (seen: (stderr: string) => boolean) =>
    new Promise<boolean>((resolve) => {
      child.stderr.on('data', () => {
        if (seen(err)) resolve(true);
      });
      void done.then(() => resolve(seen(err)));
    });
  return { done, kill: () => child.kill('SIGKILL'), stderrShows };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How an apply ended, in the words the acceptance uses; anything else is reported as it was. */
function outcome(run: Run): string {
  if (run.code === 0 && /Apply complete/.test(run.out)) return 'applied';
  if (run.code === 0 && /No changes/.test(run.out)) return 'nothing to do';
  if (run.code === 1 && /stack '[^']+' is locked by .+ since \S+/.test(run.err)) return 'refused, naming the lock holder';
  return `unclear: exit ${String(run.code)} ${run.out.slice(-300)} ${run.err.slice(-300)}`;
}

/** What the tenant holds of the stack beyond what it declares: duplicates and objects of logical IDs it does not declare. */
async function leftovers(tenant: Tenant): Promise<{ duplicates: readonly string[]; undeclared: string[] }> {
  const found = await census({ url: serve.url } as StartedReferenceServer, tenant.token);
  const declared = new Set(manifest.resources.map((r) => r.logicalId));
  const undeclared = found.objects.flatMap((o) => {
    const marker = parseMarker(typeof o.description === 'string' ? o.description : '').marker;
    return marker && marker.stack === manifest.stack && !declared.has(marker.logicalId) ? [`${marker.logicalId} (${String(o.displayName)})`] : [];
  });
  return { duplicates: found.duplicates, undeclared };
}

describe('the command line run as separate processes against one enrollkit serve', () => {
  it(`${PAIRS} pairs of concurrent applies of one stack, 0-100 ms apart: each ends clearly, nothing is duplicated, the final plan is empty`, async () => {
    const random = seeded(8);
    const outcomes: string[] = [];
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const tenant = tenants[pair]!;
      const wait = pair % 2 === 0 ? ['--lock-timeout', '2m'] : [];
      const first = cli(tenant, ['apply', '--auto-approve', ...wait]);
      await sleep(Math.floor(random() * 100));
      const second = cli(tenant, ['apply', '--auto-approve', ...wait], 1);
      const runs = await Promise.all([first.done, second.done]);
      outcomes.push(...runs.map(outcome));
      // One run applies; the other waited (or came after it) and found nothing to do, or was refused naming the holder.
      expect(runs.map(outcome).filter((o) => o === 'applied')).toHaveLength(1);
      expect(runs.map(outcome).filter((o) => o !== 'applied')).toEqual([expect.stringMatching(wait.length > 0 ? /^nothing to do$/ : /^(nothing to do|refused, naming the lock holder)$/)]);
      expect(await leftovers(tenant)).toEqual({ duplicates: [], undeclared: [] });
      const replan = await cli(tenant, ['plan', '--detailed-exitcode', '--no-impact']).done;
      expect(replan.code).toBe(0);
    }
    expect(outcomes.filter((o) => o.startsWith('unclear'))).toEqual([]);
  }, 600_000);

  it(`kill -9 of apply at ${KILLS} seeded moments, then unlock and apply again: no duplicate, no leftover, and the re-plan is empty`, async () => {
    const random = seeded(9);
    const killedMidway: number[] = [];
    let partial = 0;
    for (let k = 0; k < KILLS; k += 1) {
      const tenant = tenants[PAIRS + k]!;
      // Killed once the progress line of a seeded wave shows, while its writes are on their way: the
      // first or second of the stack's waves, so that on any machine later waves are left undone.
      const run = cli(tenant, ['apply', '--auto-approve']);
      const wave = 1 + Math.floor(random() * 2);
      const reached = await run.stderrShows((stderr) => (stderr.match(/\] \S+: sending \d+ write/g) ?? []).length >= wave);
      await sleep(Math.floor(random() * 3));
      run.kill();
      const killed = await run.done;
      if (reached && killed.signal === 'SIGKILL') killedMidway.push(wave);
      if ((await cli(tenant, ['plan', '--detailed-exitcode', '--no-impact']).done).code === 2) partial += 1;
      const unlock = await cli(tenant, ['unlock', '--stack', manifest.stack, '--auto-approve']).done;
      expect(unlock.code).toBe(0);
      const again = await cli(tenant, ['apply', '--auto-approve']).done;
      expect(again.code === 0 ? 'exit 0' : `exit ${String(again.code)}: ${again.out}${again.err}`).toBe('exit 0');
      expect(await leftovers(tenant)).toEqual({ duplicates: [], undeclared: [] });
      expect((await cli(tenant, ['plan', '--detailed-exitcode', '--no-impact']).done).code).toBe(0);
    }
    // Most kills must land while the apply runs and leave work undone, or the test shows nothing.
    expect(killedMidway.length).toBeGreaterThanOrEqual(KILLS / 2);
    expect(partial).toBeGreaterThanOrEqual(KILLS / 2);
  }, 600_000);
});
