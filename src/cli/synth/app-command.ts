import * as path from 'node:path';

/**
 * How `enrollkit synth` runs the app of `cdktf.json`: a TypeScript entry file it type-checks and
 * runs itself, with its own TypeScript runtime (the user's project needs no tsx or ts-node), or any
 * other command, run as given through the shell.
 */
export type AppCommand =
  | { readonly kind: 'typescript'; readonly entry: string; readonly args: readonly string[] }
  | { readonly kind: 'shell'; readonly command: string };

const TYPESCRIPT_FILE = /\.(ts|mts|cts|tsx)$/;
const RUNNERS = new Set(['tsx', 'ts-node']);
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~=%]/;

/**
 * Reads the `app` command of `cdktf.json`: `main.ts`, `tsx main.ts`, `ts-node main.ts` and the
 * same after `npx` are TypeScript apps enrollkit runs itself (the entry resolved against `cwd`);
 * anything else, or anything with shell syntax, is a shell command.
 */
export function parseAppCommand(app: string, cwd: string): AppCommand {
  const words = app.trim().split(/\s+/);
  if (SHELL_SYNTAX.test(app)) return { kind: 'shell', command: app };
  let rest = words;
  if (rest[0] === 'npx') rest = rest.slice(1);
  if (rest[0] !== undefined && RUNNERS.has(rest[0])) rest = rest.slice(1);
  else if (rest !== words) return { kind: 'shell', command: app };
  const [entry, ...args] = rest;
  if (entry === undefined || !TYPESCRIPT_FILE.test(entry)) return { kind: 'shell', command: app };
  return { kind: 'typescript', entry: path.resolve(cwd, entry), args };
}
