/**
 * The reference server as its own process (`enrollkit serve` on a temporary database), so that a
 * benchmark's figures do not mix the client's memory with the server's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** A reference server process and how to reach its default tenant. */
export interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
}

/** Starts `enrollkit serve` on a free port with the given database file. */
export function startServer(data: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/server/serve-child.ts'), '--port', '0', '--data', data], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const token = /token\s+(\S+)/.exec(output)?.[1];
      if (url && token) resolve({ child, url, token });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${String(code)}`)));
  });
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

