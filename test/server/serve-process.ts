import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** `enrollkit serve` running as a child process. */
export interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly output: string;
}

const CHILD = join(__dirname, 'serve-child.ts');

/** Starts `enrollkit serve` in a child process and waits for its banner. */
export function startChild(args: readonly string[]): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, '--port', '0', ...args], { cwd: join(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}${errors}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('  data ')) {
        clearTimeout(timer);
        resolve({ process: child, url, output });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${String(code)}: ${errors}`)));
  });
}

/** Resolves with the exit code of a child process. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
