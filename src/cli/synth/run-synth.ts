import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ISSUES_FILE_ENV, MANIFEST_FILE_NAME } from '../../constructs/manifest-files';
import { UsageError, ValidationError, type ValidationIssue } from '../../model';
import type { CliIo } from '../io';
import { readCdktfConfig } from './cdktf-config';

/** What a synth run wrote. */
export interface SynthResult {
  /** The output directory, absolute. */
  readonly outdir: string;
  /** Every file below the output directory, relative to it, sorted. */
  readonly files: readonly string[];
  /** The enrollkit manifests among them, relative to the output directory, sorted. */
  readonly manifests: readonly string[];
}

/** Options of a synth run. */
export interface RunSynthOptions {
  /** Where the app's own standard output goes: `stdout` for `enrollkit synth`, `stderr` when another command's output must stay clean. */
  readonly appOutput: 'stdout' | 'stderr';
}

interface ChildResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** Every file below `dir`, relative to it, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** True for the path of an enrollkit manifest relative to the output directory. */
export function isManifestPath(relative: string): boolean {
  const parts = relative.split('/');
  return parts.length === 3 && parts[0] === 'stacks' && parts[2] === MANIFEST_FILE_NAME;
}

/**
 * Runs the app named in `cdktf.json` as a child process (no cdktf CLI, no terraform) with
 * `CDKTF_OUTDIR` set, after removing the previous output (`stacks/` and cdktf's `manifest.json`).
 * A validation failure in the app comes back as a `ValidationError` with every issue; any other
 * failure as a `UsageError` quoting the app's error output.
 */
export async function runSynth(io: CliIo, options: RunSynthOptions): Promise<SynthResult> {
  const config = readCdktfConfig(io.cwd);
  fs.rmSync(path.join(config.outdir, 'stacks'), { recursive: true, force: true });
  fs.rmSync(path.join(config.outdir, 'manifest.json'), { force: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-synth-'));
  const issuesFile = path.join(scratch, 'issues.json');
  try {
    const child = await run(config.app, io.cwd, { ...io.env, CDKTF_OUTDIR: config.outdir, [ISSUES_FILE_ENV]: issuesFile });
    if (child.code !== 0 && fs.existsSync(issuesFile)) {
      throw new ValidationError(JSON.parse(fs.readFileSync(issuesFile, 'utf8')) as ValidationIssue[]);
    }
    (options.appOutput === 'stdout' ? io.stdout : io.stderr)(child.stdout);
    io.stderr(child.stderr);
    if (child.code !== 0) {
      throw new UsageError(`the app command "${config.app}" failed with exit code ${child.code} (its error output is above). Fix: run "${config.app}" in ${io.cwd} to debug it`);
    }
    const files = listFiles(config.outdir);
    return { outdir: config.outdir, files, manifests: files.filter(isManifestPath) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
