import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/io';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');

/**
 * A fresh app directory inside the repository (below the git-ignored `cdktf.out/`), so that
 * `npx tsx` and the `enrollkit` import resolve as they do in `examples/`.
 */
const created: string[] = [];

export function appDir(files: Record<string, string>): string {
  const parent = path.join(ROOT, 'cdktf.out', 'test-apps');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'app-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Removes the app directories made so far. */
export function removeAppDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A copy of an example's `cdktf.json` and `main.ts` in a fresh app directory. */
export function exampleCopy(example: string): string {
  const source = path.join(ROOT, 'examples', example);
  return appDir({
    'cdktf.json': fs.readFileSync(path.join(source, 'cdktf.json'), 'utf8'),
    'main.ts': fs.readFileSync(path.join(source, 'main.ts'), 'utf8'),
  });
}

/**
 * An app whose command copies the given manifests (objects, or text as it is), by stack, to where
 * synth puts manifests: the way a manifest edited by hand or by a script reaches plan and apply.
 */
export function manifestApp(manifests: Record<string, unknown>): string {
  const files = Object.entries(manifests).map(([stack, m], i) => ({ file: `m${i}.json`, stack, text: typeof m === 'string' ? m : JSON.stringify(m, null, 2) }));
  const copies = files.map(({ file, stack }) => `mkdir -p "$CDKTF_OUTDIR/stacks/${stack}" && cp ${file} "$CDKTF_OUTDIR/stacks/${stack}/enrollkit.manifest.json"`);
  return appDir({
    'cdktf.json': JSON.stringify({ app: copies.join(' && '), output: 'cdktf.out' }),
    ...Object.fromEntries(files.map(({ file, text }) => [file, text])),
  });
}

/** The example `cdktf.json`. */
export const CDKTF_JSON = JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', output: 'cdktf.out' });

/** An io that records what a command writes, run in `cwd`. */
export function recordingIo(cwd: string): CliIo & { readonly out: () => string; readonly err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const env = { ...process.env };
  delete env.CDKTF_OUTDIR;
  return {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    isTTY: false,
    env,
    cwd,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** Every file below `dir` with its bytes, by relative path. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(dir, f), 'base64')]),
  );
}
