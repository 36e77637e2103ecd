/**
 * Throughput and latency (p50/p99) of the reference server on loopback, list and create at
 * concurrency 1, 16 and 64, beside two baselines serving the same paths and answers from the same
 * kind of SQLite file (WAL, synchronous=FULL, one fsync per write): a plain Hono + better-sqlite3
 * server and bare `node:http` + better-sqlite3. Each server runs in its own process; the load comes
 * from autocannon in a third process. In each case the servers take turns, several rounds of
 * turns in alternating order, so that drift of a shared machine (other processes, the disk's fsync
 * time) hits them alike; a server's figures are those of all its turns together, and the spread of
 * its ratio to plain Hono over the rounds is shown beside them. Before the turns of a case each server
 * is loaded once, unmeasured, in the same way, so that the figures are of code the JIT compiler has
 * already optimized for that case rather than of its first compilation.
 *
 * Run: npx tsx bench/server/run.ts [secondsPerTurn] [rounds] (default 2 and 5)
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { peakRssMiB, startServer, startServerProcess, type Server } from '../reference-server-process';

const SECONDS = Number(process.argv[2] ?? 2);
const ROUNDS = Number(process.argv[3] ?? 5);
const WARM_UP_SECONDS = 1;
const CONCURRENCY = [1, 16, 64];
const AUTOCANNON = require.resolve('autocannon/autocannon.js');
const APPS = '/beta/deviceAppManagement/mobileApps';
const CONFIGS = '/beta/deviceManagement/deviceConfigurations';
const SSO = JSON.stringify({
  '@odata.type': '#microsoft.graph.iosDeviceFeaturesConfiguration',
  displayName: 'SSO',
  iosSingleSignOnExtension: {
    '@odata.type': '#microsoft.graph.iosAzureAdSingleSignOnExtension',
    configurations: [{ '@odata.type': '#microsoft.graph.keyStringValuePair', key: 'device_registration', value: '{{DEVICEREGISTRATION}}' }],
  },
});

const PLAIN_HONO = 'plain Hono + better-sqlite3';
const BARE_HTTP = 'bare node:http + better-sqlite3';
const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim());

/** CPU seconds a process has used so far (Linux, from /proc). */
function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // Fields 14 and 15 of stat(5), utime and stime; the split starts at field 3.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** What autocannon reports (its `--json` output, the fields used here). */
interface Load {
  readonly duration: number;
  readonly requests: { readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly throughput: { readonly total: number };
  readonly non2xx: number;
  readonly errors: number;
}

/** A server's turns of one case, added up. */
class Measured {
  private readonly loads: Load[] = [];
  private cpu = 0;

  /** Loads the server with autocannon, in its own process, for one turn; measures the server's CPU time meanwhile. */
  async turn(server: Server, path: string, connections: number, body?: string): Promise<void> {
    const before = cpuSeconds(server.child.pid);
    this.loads.push(await load(server, path, connections, SECONDS, body));
    this.cpu += cpuSeconds(server.child.pid) - before;
  }

  private sum(of: (load: Load) => number): number {
    return this.loads.reduce((total, load) => total + of(load), 0);
  }

  get requestsPerSecond(): number {
    return this.sum((l) => l.requests.total) / this.sum((l) => l.duration);
  }

  /** Requests per second of each turn, in the order of the rounds. */
  get requestsPerSecondByTurn(): number[] {
    return this.loads.map((l) => l.requests.total / l.duration);
  }

  /** Median latency, averaged over the turns. */
  get p50(): number {
    return this.sum((l) => l.latency.p50) / this.loads.length;
  }

  /** 99th percentile latency of the worst turn. */
  get p99(): number {
    return Math.max(...this.loads.map((l) => l.latency.p99));
  }

  get cpuMicrosPerRequest(): number {
    return (this.cpu * 1e6) / Math.max(this.sum((l) => l.requests.total), 1);
  }

  get bytesPerResponse(): number {
    return this.sum((l) => l.throughput.total) / Math.max(this.sum((l) => l.requests.total), 1);
  }

  get failures(): number {
    return this.sum((l) => l.non2xx + l.errors);
  }
}

/** The least and the greatest of some ratios, e.g. `0.78–0.86x`. */
function spread(ratios: readonly number[]): string {
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x`;
}

function load(server: Server, path: string, connections: number, seconds: number, body?: string): Promise<Load> {
  const args = [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), '-H', `Authorization=Bearer ${server.token}`];
  if (body) args.push('-m', 'POST', '-H', 'Content-Type=application/json', '-b', body);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, `${server.url}${path}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as Load) : reject(new Error(`autocannon exited with ${String(code)}`))));
  });
}

async function post(server: Server, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`seeding ${server.url}${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function list(server: Server, path: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${server.token}` } });
  if (response.status !== 200) throw new Error(`listing ${server.url}${path} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { value: Record<string, unknown>[] }).value;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-bench-server-'));
  const token = 'bench-token';
  const servers: [string, Server][] = [];
  try {
    const reference = await startServer(join(dir, 'reference.db'));
    servers.push(['reference server', reference]);
    // The baselines' create answers what the reference server's does (Graph's whole object: every property, defaults included), the body's properties in it.
    const templates = join(dir, 'templates.json');
    writeFileSync(templates, JSON.stringify({ deviceConfigurations: await post(reference, CONFIGS, JSON.parse(SSO)) }));
    const baselineArgs = (file: string) => ['--port', '0', '--data', join(dir, file), '--token', token, '--templates', templates];
    servers.push([PLAIN_HONO, await startServerProcess('bench/server/plain-hono-server.ts', baselineArgs('hono.db'), token)]);
    servers.push([BARE_HTTP, await startServerProcess('bench/server/plain-http-server.ts', baselineArgs('http.db'), token)]);
    for (let i = 0; i < 100; i++) await post(reference, APPS, { '@odata.type': '#microsoft.graph.webApp', displayName: `App ${i}`, appUrl: 'https://x.example' });
    // The baselines store the apps exactly as the reference server lists them (the tenant's default apps too), so lists are the same.
    const apps = await list(reference, APPS);
    for (const app of apps) {
      for (const [, baseline] of servers.slice(1)) await post(baseline, APPS, app);
    }
    const table = new Table({
      style: { head: [], border: [] },
      head: [
        'operation',
        'concurrency',
        'server',
        'req/s',
        'p50 ms',
        'p99 ms',
        'server CPU µs/request',
        'bytes/response',
        'non-2xx',
        'req/s vs plain Hono',
        'per round, min–max',
        'req/s vs node:http',
        'CPU/request vs plain Hono',
      ],
    });
    const cases: [string, string, string | undefined][] = [
      [`list ${apps.length} apps (GET)`, APPS, undefined],
      ['create SSO config (POST)', CONFIGS, SSO],
    ];
    for (const [name, path, body] of cases) {
      for (const connections of CONCURRENCY) {
        for (const [, server] of servers) await load(server, path, connections, WARM_UP_SECONDS, body);
        const results = new Map(servers.map(([label]) => [label, new Measured()]));
        for (let round = 0; round < ROUNDS; round++) {
          for (const [label, server] of round % 2 === 0 ? servers : [...servers].reverse()) await results.get(label)!.turn(server, path, connections, body);
        }
        const plain = results.get(PLAIN_HONO)!;
        const bare = results.get(BARE_HTTP)!;
        for (const [label, r] of results) {
          table.push([
            name,
            connections,
            label,
            r.requestsPerSecond.toFixed(0),
            r.p50.toFixed(1),
            r.p99.toFixed(1),
            r.cpuMicrosPerRequest.toFixed(0),
            r.bytesPerResponse.toFixed(0),
            r.failures,
            `${(r.requestsPerSecond / plain.requestsPerSecond).toFixed(2)}x`,
            spread(r.requestsPerSecondByTurn.map((rate, round) => rate / plain.requestsPerSecondByTurn[round]!)),
            `${(r.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}x`,
            `${(r.cpuMicrosPerRequest / plain.cpuMicrosPerRequest).toFixed(2)}x`,
          ]);
        }
      }
    }
    process.stdout.write(`servers on loopback, autocannon ${ROUNDS} turns of ${SECONDS} s per server and case after ${WARM_UP_SECONDS} s unmeasured, Node ${process.version}\n`);
    process.stdout.write(`${table.toString()}\n`);
    process.stdout.write(`server peak RSS MiB: ${servers.map(([label, s]) => `${label} ${peakRssMiB(s.child.pid)}`).join(', ')}\n`);
  } finally {
    for (const [, server] of servers) server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
