/**
 * Servers as their own processes (`enrollkit serve` on a temporary database, or a baseline
 * server), so that a benchmark's figures do not mix the client's CPU and memory with the server's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** A server process and how to reach its default tenant. */
export interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
}

/**
 * Runs a TypeScript server script of this repository in its own Node process and resolves once it
 * prints `listening on URL`; the token is the one it prints (`token T`) or `token` when given.
 */
export function startServerProcess(script: string, args: readonly string[], token?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // Clients that a load generator cuts off at the end of a run make servers log; only a failed start is shown.
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const printed = token ?? /token\s+(\S+)/.exec(output)?.[1];
      if (url && printed) resolve({ child, url, token: printed });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${String(code)}: ${errors}`)));
  });
}

/**
 * Starts `enrollkit serve` on a free port with the given database file; its default tenant answers
 * to `token`, also when the file already holds the tenant (whose stored token is not printed again).
 */
export function startServer(data: string, token = 'bench-token'): Promise<Server> {
  return startServerProcess('test/server/serve-child.ts', ['--port', '0', '--data', data, '--token', token], token);
}

/** Peak resident set size of a process so far, in MiB (Linux), from /proc. */
export function peakRssMiB(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return (kib / 1024).toFixed(1);
  } catch {
    return 'n/a';
  }
}
