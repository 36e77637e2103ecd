import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE_NAME } from '../constructs/manifest-files';
import { zodIssues } from '../constructs/zod-issues';
import type { Command } from 'commander';
import type { z } from 'zod';
import { manifestTreeIssues, ManifestSchema, UsageError, ValidationError, type Manifest, type ValidationIssue } from '../model';
import type { CliIo } from './io';
import { readCdktfConfig } from './synth/cdktf-config';
import { isManifestPath, runSynth } from './synth/run-synth';

/** Options of `loadManifests`. */
export interface LoadManifestsOptions {
  /** Keep only the manifest of this stack; a name the app does not have is a usage error. */
  readonly stack?: string;
  /** Run the app first (the default); false reads what the last synth wrote. */
  readonly synth?: boolean;
  /**
   * Keep the last synth's output when nothing the app read has changed since.
   * @default true
   */
  readonly cache?: boolean;
}

/** Adds the option of the synth a command runs first: `--no-cache`. */
export function addSynthOptions(command: Command): Command {
  return command.option('--no-cache', 'run the app again even when nothing it read has changed since the last synth');
}

/** The options of `loadManifests` that a command's parsed `--stack` and `--no-cache` ask for. */
export function manifestOptions(options: { readonly stack?: unknown; readonly cache?: unknown }): LoadManifestsOptions {
  return { ...(typeof options.stack === 'string' ? { stack: options.stack } : {}), ...(options.cache === false ? { cache: false } : {}) };
}

/** The manifest files below an output directory, relative to it, sorted. */
function manifestFiles(outdir: string): string[] {
  const stacks = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacks)) return [];
  return fs
    .readdirSync(stacks)
    .map((name) => `stacks/${name}/${MANIFEST_FILE_NAME}`)
    .filter((relative) => isManifestPath(relative) && fs.existsSync(path.join(outdir, relative)))
    .sort();
}

function valueAt(json: unknown, at: readonly PropertyKey[]): unknown {
  return at.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), json);
}

/** zod's findings on a manifest file, those inside a resource named by the resource's construct path. */
function schemaIssues(file: string, json: unknown, issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const resources = (json as { resources?: unknown }).resources;
  const pathOf = (index: PropertyKey | undefined): string | undefined => {
    const resource = Array.isArray(resources) && typeof index === 'number' ? (resources[index] as { path?: unknown } | undefined) : undefined;
    return typeof resource?.path === 'string' ? resource.path : undefined;
  };
  return issues.flatMap((raw) => {
    // A discriminated union quotes the whole object; the value at the issue's path is the bad one.
    const issue = raw.code === 'invalid_union' ? { ...raw, input: valueAt(json, raw.path) } : raw;
    const construct = issue.path[0] === 'resources' ? pathOf(issue.path[1]) : undefined;
    return construct === undefined ? zodIssues([issue], file) : zodIssues([{ ...issue, path: issue.path.slice(2) }], `${file}: ${construct}`);
  });
}

/**
 * Reads one manifest file and checks it as synth checks a stack: the schema, then the whole tree
 * (a manifest on disk may have been edited by hand). Every problem is thrown at once.
 */
function readManifest(file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}). Fix: run enrollkit synth again`);
  }
  const parsed = ManifestSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new ValidationError(schemaIssues(file, json, parsed.error.issues));
  const issues = manifestTreeIssues(parsed.data, file);
  if (issues.length > 0) throw new ValidationError(issues);
  return parsed.data;
}

/** Reads every manifest file, collecting the problems of all of them (two files of one stack among them) before throwing once. */
function readManifests(files: readonly string[]): Manifest[] {
  const manifests: Manifest[] = [];
  const issues: ValidationIssue[] = [];
  const fileOf = new Map<string, string>();
  for (const file of files) {
    try {
      const manifest = readManifest(file);
      const other = fileOf.get(manifest.stack);
      if (other !== undefined) {
        issues.push({ path: file, field: 'stack', value: manifest.stack, message: `${other} is a manifest of the same stack`, fix: 'give each stack its own name, or run enrollkit synth instead of editing the manifests by hand' });
      }
      fileOf.set(manifest.stack, file);
      manifests.push(manifest);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return manifests;
}

/**
 * The manifests of the app in `io.cwd`, sorted by stack name: synthesized first unless
 * `synth: false`, read from the output directory of `cdktf.json`, and checked against the manifest
 * schema. Plan, apply, lint and simulate start here.
 */
export async function loadManifests(io: CliIo, options: LoadManifestsOptions = {}): Promise<Manifest[]> {
  const outdir = options.synth === false ? readCdktfConfig(io.cwd).outdir : (await runSynth(io, { appOutput: 'stderr', ...(options.cache === false ? { cache: false } : {}) })).outdir;
  const manifests = readManifests(manifestFiles(outdir).map((relative) => path.join(outdir, relative)));
  if (manifests.length === 0) {
    throw new UsageError(
      options.synth === false
        ? `no enrollkit manifest in ${outdir}. Fix: run enrollkit synth first`
        : `the app wrote no enrollkit manifest to ${outdir}. Fix: declare an EnrollmentStack in the app and call app.synth()`,
    );
  }
  manifests.sort((a, b) => (a.stack < b.stack ? -1 : a.stack > b.stack ? 1 : 0));
  if (options.stack === undefined) return manifests;
  const chosen = manifests.filter((m) => m.stack === options.stack);
  if (chosen.length === 0) {
    throw new UsageError(
      `stack "${options.stack}" is not in the app; its stacks are: ${manifests.map((m) => m.stack).join(', ')}. Fix: pass one of them to --stack`,
    );
  }
  return chosen;
}

/**
 * The manifest of `stack` that the app in `io.cwd` last synthesized, or undefined when there is no
 * app there or its output holds no such stack. Nothing is synthesized.
 */
export function lastSynthesizedManifest(io: CliIo, stack: string): Manifest | undefined {
  if (!fs.existsSync(path.join(io.cwd, 'cdktf.json'))) return undefined;
  const { outdir } = readCdktfConfig(io.cwd);
  return readManifests(manifestFiles(outdir).map((relative) => path.join(outdir, relative))).find((m) => m.stack === stack);
}
