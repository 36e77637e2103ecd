import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ISSUES_FILE_ENV, MANIFEST_FILE_NAME, SOURCE_ROOT_ENV } from '../../constructs/manifest-files';
import { UsageError, ValidationError, type ValidationIssue } from '../../model';
import type { CliIo } from '../io';
import { parseAppCommand, type AppCommand } from './app-command';
import { readCdktfConfig } from './cdktf-config';
import { INPUT_RECORD_ENV } from './input-record';
import { checkOutputDirectory } from './output-directory';
import { cachedSynth, forgetSynth, NO_SYNTH_CACHE_ENV, readInputRecord, recordSynth, SYNTH_CACHE_FILE, type SynthSetting } from './synth-cache';
import { typeCheck, type TypeCheck, type TypeProblem } from './type-check';

/** What a synth run wrote. */
export interface SynthResult {
  /** The output directory, absolute. */
  readonly outdir: string;
  /** Every file below the output directory, relative to it, sorted. */
  readonly files: readonly string[];
  /** The enrollkit manifests among them, relative to the output directory, sorted. */
  readonly manifests: readonly string[];
  /** True when the app's inputs had not changed since the last synth, so its output was kept and the app not run. */
  readonly cached: boolean;
}

/** Options of a synth run. */
export interface RunSynthOptions {
  /** Where the app's own standard output goes: `stdout` for `enrollkit synth`, `stderr` when another command's output must stay clean. */
  readonly appOutput: 'stdout' | 'stderr';
  /**
   * Type-check a TypeScript app while it runs.
   * @default - `typeCheck` of `cdktf.json`, true when absent
   */
  readonly typeCheck?: boolean;
  /**
   * Keep the last synth's output when nothing it read has changed (a TypeScript app only); false
   * runs the app again (and records that run).
   * @default - true, unless the environment sets `ENROLLKIT_NO_SYNTH_CACHE=1`
   */
  readonly cache?: boolean;
}

interface ChildResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** For `node`: enrollkit's own TypeScript loader (tsx), then the recorder of what the app reads. */
function loaderArgs(): string[] {
  return ['--import', pathToFileURL(require.resolve('tsx')).href, '--import', pathToFileURL(require.resolve('./record-inputs')).href];
}

function run(command: AppCommand, cwd: string, env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const options = { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
    const child =
      command.kind === 'typescript'
        ? spawn(process.execPath, [...loaderArgs(), command.entry, ...command.args], options)
        : spawn(command.command, { ...options, shell: true });
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

/** Every file below `dir` (but the synth cache's), relative to it, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !(entry.name === SYNTH_CACHE_FILE && entry.parentPath === dir))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** True for the path of an enrollkit manifest relative to the output directory. */
export function isManifestPath(relative: string): boolean {
  const parts = relative.split('/');
  return parts.length === 3 && parts[0] === 'stacks' && parts[2] === MANIFEST_FILE_NAME;
}

/** Removes what a synth writes: `stacks/`, cdktf's `manifest.json` and the synth cache, below an output directory of its own only. */
function removeOutput(outdir: string, appDir: string): void {
  checkOutputDirectory(outdir, appDir);
  forgetSynth(outdir);
  fs.rmSync(path.join(outdir, 'stacks'), { recursive: true, force: true });
  fs.rmSync(path.join(outdir, 'manifest.json'), { force: true });
}

const SKIP_TYPE_CHECK = 'or skip the type check with enrollkit synth --no-type-check or "typeCheck": false in cdktf.json';

/**
 * The app's problems in one list: each type error inside a construct's props joins the run-time
 * issue of the same construct and prop (which knows the construct path), taking its `file:line`;
 * every other type error is an issue of its own, at its `file:line:column`.
 */
export function mergeTypeProblems(issues: readonly ValidationIssue[], problems: readonly TypeProblem[]): ValidationIssue[] {
  const unmatched = [...problems];
  const merged = issues.map((issue) => {
    const index = unmatched.findIndex((p) => p.prop === issue.field.split('.')[0] && issue.source === `${p.file}:${p.callLine}`);
    const problem = unmatched[index];
    if (!problem) return issue;
    unmatched.splice(index, 1);
    return { ...issue, source: problem.location };
  });
  const typeIssues = unmatched.map(
    (p): ValidationIssue => ({ path: p.location, field: p.code, message: p.message.replace(/\.$/, ''), fix: `correct the type error, ${SKIP_TYPE_CHECK}` }),
  );
  return [...typeIssues, ...merged];
}

/** What the synth of an output directory wrote, or a usage error when the app wrote no manifest. */
function synthResult(outdir: string, app: string, cached: boolean): SynthResult {
  const files = listFiles(outdir);
  const manifests = files.filter(isManifestPath);
  if (manifests.length === 0) {
    throw new UsageError(`the app "${app}" wrote no enrollkit manifest to ${outdir}. Fix: declare an EnrollmentStack in the app and call app.synth() at its end`);
  }
  return { outdir, files, manifests, cached };
}

/**
 * Runs the app named in `cdktf.json` as a child process (no cdktf CLI, no terraform) with
 * `CDKTF_OUTDIR` and cdktf's `CDKTF_CONTEXT_JSON` set, after removing the previous output. A
 * TypeScript app (`main.ts`, or `npx tsx main.ts` and the like) runs on enrollkit's own loader and
 * is type-checked meanwhile; when nothing it read last time has changed (the synth cache,
 * docs/synth.md), its output is kept and it does not run. Validation issues and type errors come
 * back together as one `ValidationError`; any other failure, and an app that writes no manifest,
 * as a `UsageError`.
 */
export async function runSynth(io: CliIo, options: RunSynthOptions): Promise<SynthResult> {
  const config = readCdktfConfig(io.cwd);
  const command = parseAppCommand(config.app, io.cwd);
  const context = Object.keys(config.context).length > 0 ? { CDKTF_CONTEXT_JSON: JSON.stringify(config.context) } : {};
  const env = { ...io.env, ...context, CDKTF_OUTDIR: config.outdir, [SOURCE_ROOT_ENV]: io.cwd };
  const checked = command.kind === 'typescript' && (options.typeCheck ?? config.typeCheck);
  const setting: SynthSetting = { cwd: io.cwd, outdir: config.outdir, env, typeCheck: checked };
  const appOutput = options.appOutput === 'stdout' ? io.stdout : io.stderr;
  const cached = command.kind === 'typescript' && options.cache !== false && io.env[NO_SYNTH_CACHE_ENV] !== '1' ? cachedSynth(setting) : undefined;
  if (cached) {
    appOutput(cached.stdout);
    io.stderr(cached.stderr);
    return synthResult(config.outdir, config.app, true);
  }
  removeOutput(config.outdir, io.cwd);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-synth-'));
  const issuesFile = path.join(scratch, 'issues.json');
  const recordFile = path.join(scratch, 'inputs.json');
  try {
    const checking: Promise<TypeCheck> = checked && command.kind === 'typescript' ? typeCheck(command.entry, io.cwd) : Promise.resolve({ problems: [], files: [] });
    const [child, { problems, files: typeCheckFiles }] = await Promise.all([run(command, io.cwd, { ...env, [ISSUES_FILE_ENV]: issuesFile, [INPUT_RECORD_ENV]: recordFile }), checking]);
    const failedValidation = child.code !== 0 && fs.existsSync(issuesFile);
    const issues = failedValidation ? (JSON.parse(fs.readFileSync(issuesFile, 'utf8')) as ValidationIssue[]) : [];
    if (!failedValidation) {
      appOutput(child.stdout);
      io.stderr(child.stderr);
    }
    if (issues.length > 0 || problems.length > 0) {
      removeOutput(config.outdir, io.cwd);
      throw new ValidationError(mergeTypeProblems(issues, problems));
    }
    if (child.code !== 0) {
      throw new UsageError(`the app command "${config.app}" failed with exit code ${child.code} (its error output is above). Fix: run "${config.app}" in ${io.cwd} to debug it`);
    }
    const result = synthResult(config.outdir, config.app, false);
    const record = command.kind === 'typescript' ? readInputRecord(recordFile) : undefined;
    if (record) recordSynth(setting, record, typeCheckFiles, { stdout: child.stdout, stderr: child.stderr });
    return result;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
