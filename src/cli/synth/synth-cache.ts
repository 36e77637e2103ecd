import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { ISSUES_FILE_ENV } from '../../constructs/manifest-files';
import { INPUT_RECORD_ENV, type InputRecord } from './input-record';

/** The file in the output directory that records the last synth: what it read and what it wrote. */
export const SYNTH_CACHE_FILE = '.enrollkit-synth-cache.json';

/** The environment variable that, set to `1`, makes every command synthesize the app again (as `--no-cache`). */
export const NO_SYNTH_CACHE_ENV = 'ENROLLKIT_NO_SYNTH_CACHE';

/** Files that decide how the app's imports resolve and compile, looked for in the app's directory and every directory above it. */
const RESOLUTION_FILES = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'tsconfig.json', 'jsconfig.json', 'node_modules', 'node_modules/.package-lock.json'];

/** Environment variables that steer Node, tsx and esbuild before the app's first line runs, so the record cannot see them read. */
const RUNTIME_ENV = /^(NODE_|TSX_|ESBUILD_)/;

/** Variables synth sets to a new value on every run, for the run alone. */
const PER_RUN_ENV = new Set([ISSUES_FILE_ENV, INPUT_RECORD_ENV]);

const SHA256 = /^[0-9a-f]{64}$/;

const EnvReadSchema = z.union([z.array(z.string()), z.literal('all')]);

const InputRecordSchema = z.object({ modules: z.array(z.string()), env: EnvReadSchema });

/** The cache file as read from disk: untrusted until it parses. */
const CacheEntrySchema = z.strictObject({
  format: z.literal(1),
  key: z.string().regex(SHA256),
  modules: z.array(z.string()),
  env: EnvReadSchema,
  outputs: z.record(z.string(), z.string().regex(SHA256)),
  stdout: z.string(),
  stderr: z.string(),
});

/** One synth recorded in the output directory. */
export type CacheEntry = z.infer<typeof CacheEntrySchema>;

/** What a synth depends on besides the files it read: the same for two runs that must give the same output. */
export interface SynthSetting {
  /** The app's directory. */
  readonly cwd: string;
  /** The output directory, absolute. */
  readonly outdir: string;
  /** The environment the app runs with. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when the run type-checks the app. */
  readonly typeCheck: boolean;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const isInNodeModules = (file: string) => file.split(path.sep).includes('node_modules');

/**
 * What stands for a file's content: its SHA-256, or for an installed file (inside `node_modules`,
 * or of enrollkit itself: large, many, and rewritten whole by an install or a build) its size,
 * inode and modification and change times in nanoseconds, which any write changes. A directory
 * stands by its times (entries added or removed), anything else by its kind.
 */
function signature(file: string, installed: boolean): string {
  let stat: fs.BigIntStats;
  try {
    stat = fs.statSync(file, { bigint: true });
  } catch {
    return 'missing';
  }
  if (stat.isDirectory()) return `dir:${stat.mtimeNs}:${stat.ctimeNs}`;
  if (!stat.isFile()) return 'other';
  if (installed || isInNodeModules(file)) return `stat:${stat.size}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
  return sha256(fs.readFileSync(file));
}

/** Every file below `dir`, absolute. */
function allFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** enrollkit's own files that a synth depends on: its code (this build of it), its package.json, its TypeScript compiler and loader. */
function enrollkitFiles(): Set<string> {
  const code = path.resolve(__dirname, '..', '..');
  return new Set([...allFiles(code), path.join(code, '..', 'package.json'), require.resolve('typescript'), require.resolve('tsx')]);
}

/** Every file below `dir` except dot entries, `node_modules` and the output directory, absolute. */
function appFiles(dir: string, outdir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || full === outdir) continue;
    if (entry.isDirectory()) files.push(...appFiles(full, outdir));
    else files.push(full);
  }
  return files;
}

/** The resolution files of the app's directory and the directories above it. */
function resolutionFiles(cwd: string): string[] {
  const files: string[] = [];
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    files.push(...RESOLUTION_FILES.map((name) => path.join(dir, name)));
    if (path.dirname(dir) === dir) return files;
  }
}

/** The digest of the environment variables the app read (all when it listed them) and the runtime's, but those set per run. */
function environmentDigest(env: SynthSetting['env'], read: InputRecord['env']): string {
  const names = read === 'all' ? Object.keys(env) : [...Object.keys(env).filter((name) => RUNTIME_ENV.test(name)), ...read];
  const keyed = [...new Set(names)].filter((name) => !PER_RUN_ENV.has(name)).sort();
  return JSON.stringify(keyed.map((name) => [name, env[name] ?? null]));
}

/**
 * The key of a synth: a digest of every input that can change what the app writes. The files are
 * those it loaded or type-checked (`modules`) and every file of its directory, the resolution
 * files, enrollkit's own files; then the environment it read, the Node version and whether it was
 * type-checked.
 */
function synthKey(setting: SynthSetting, modules: readonly string[], env: InputRecord['env']): string {
  const own = enrollkitFiles();
  const files = [...new Set([...modules, ...appFiles(setting.cwd, setting.outdir), ...resolutionFiles(setting.cwd)])].filter((file) => !own.has(file)).sort();
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: 1, node: process.version, platform: process.platform, cwd: setting.cwd, outdir: setting.outdir, typeCheck: setting.typeCheck }));
  for (const file of [...own].sort()) hash.update(`\n${file}\0${signature(file, true)}`);
  for (const file of files) hash.update(`\n${file}\0${signature(file, false)}`);
  hash.update(`\n${environmentDigest(setting.env, env)}`);
  return hash.digest('hex');
}

/** Every file below the output directory but the cache file, relative to it with `/`, with its SHA-256. */
function outputDigests(outdir: string): Record<string, string> {
  if (!fs.existsSync(outdir)) return {};
  const entries = fs
    .readdirSync(outdir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => file !== path.join(outdir, SYNTH_CACHE_FILE))
    .sort()
    .map((file) => [path.relative(outdir, file).split(path.sep).join('/'), sha256(fs.readFileSync(file))] as const);
  return Object.fromEntries(entries);
}

/**
 * The recorded synth of the output directory when it is still true: the cache file parses, the
 * inputs give the same key now, and the output directory holds exactly the files it wrote, byte
 * for byte. Anything else (no file, a corrupt or edited one, a changed input, an edited or
 * missing output) is a miss.
 */
export function cachedSynth(setting: SynthSetting): CacheEntry | undefined {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(path.join(setting.outdir, SYNTH_CACHE_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = CacheEntrySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const entry = parsed.data;
  if (synthKey(setting, entry.modules, entry.env) !== entry.key) return undefined;
  const outputs = outputDigests(setting.outdir);
  const names = Object.keys(entry.outputs);
  if (names.length !== Object.keys(outputs).length || names.some((name) => outputs[name] !== entry.outputs[name])) return undefined;
  return entry;
}

/** Reads what the app's process recorded; undefined when it wrote nothing usable. */
export function readInputRecord(file: string): InputRecord | undefined {
  try {
    const parsed = InputRecordSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Records a successful synth in the output directory: what it read, the key of it, and every file it wrote. */
export function recordSynth(setting: SynthSetting, record: InputRecord, typeCheckFiles: readonly string[], output: { stdout: string; stderr: string }): void {
  const modules = [...new Set([...record.modules, ...typeCheckFiles])].sort();
  const entry: CacheEntry = {
    format: 1,
    key: synthKey(setting, modules, record.env),
    modules,
    env: record.env === 'all' ? 'all' : [...record.env],
    outputs: outputDigests(setting.outdir),
    ...output,
  };
  fs.writeFileSync(path.join(setting.outdir, SYNTH_CACHE_FILE), `${JSON.stringify(entry)}\n`);
}

/** Removes the record of the last synth, before the output it describes changes. */
export function forgetSynth(outdir: string): void {
  fs.rmSync(path.join(outdir, SYNTH_CACHE_FILE), { force: true });
}
