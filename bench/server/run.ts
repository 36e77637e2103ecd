/**
 * Throughput, latency (p50/p99) and peak memory of the reference server on loopback: list and
 * create at concurrency 1, 16 and 64. The server runs as `enrollkit serve` in its own process on a
 * temporary database file (WAL, synchronous=FULL), so the figures include durable commits.
 *
 * Run with `npx tsx bench/server/run.ts [requestsPerCase]` (default 600, each case capped at 15 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { peakRssMiB, startServer } from '../reference-server-process';

const REQUESTS = Number(process.argv[2] ?? 600);
const CASE_LIMIT_MS = 15_000;
const CONCURRENCY = [1, 16, 64];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Result {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
}

async function runCase(concurrency: number, send: (i: number) => Promise<Response>, expected: number): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS && performance.now() - started < CASE_LIMIT_MS) {
      const i = next++;
      const t0 = performance.now();
      const response = await send(i);
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== expected) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-bench-'));
  const server = await startServer(join(dir, 'reference.db'));
  const headers = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
  const apps = `${server.url}/beta/deviceAppManagement/mobileApps`;
  const configs = `${server.url}/beta/deviceManagement/deviceConfigurations`;
  const sso = (i: number) =>
    JSON.stringify({
      '@odata.type': '#microsoft.graph.iosDeviceFeaturesConfiguration',
      displayName: `SSO ${i}`,
      iosSingleSignOnExtension: {
        '@odata.type': '#microsoft.graph.iosAzureAdSingleSignOnExtension',
        configurations: [{ '@odata.type': '#microsoft.graph.keyStringValuePair', key: 'device_registration', value: '{{DEVICEREGISTRATION}}' }],
      },
    });
  try {
    for (let i = 0; i < 100; i++) {
      await fetch(apps, { method: 'POST', headers, body: JSON.stringify({ '@odata.type': '#microsoft.graph.webApp', displayName: `App ${i}`, appUrl: 'https://x.example' }) });
    }
    const table = new Table({ style: { head: [], border: [] }, head: ['operation', 'concurrency', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'server peak RSS MiB'] });
    const cases: [string, (i: number) => Promise<Response>, number][] = [
      ['list 100 apps (GET)', () => fetch(apps, { headers }), 200],
      ['create SSO config (POST)', (i) => fetch(configs, { method: 'POST', headers, body: sso(i) }), 201],
    ];
    for (const [name, send, expected] of cases) {
      for (const concurrency of CONCURRENCY) {
        const result = await runCase(concurrency, send, expected);
        table.push([
          name,
          concurrency,
          result.requests,
          result.errors,
          (result.requests / result.seconds).toFixed(0),
          result.p50.toFixed(2),
          result.p99.toFixed(2),
          peakRssMiB(server.child.pid),
        ]);
      }
    }
    process.stdout.write(`reference server on loopback, ${REQUESTS} requests per case (max ${CASE_LIMIT_MS / 1000} s), Node ${process.version}\n`);
    process.stdout.write(`${table.toString()}\n`);
  } finally {
    server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
