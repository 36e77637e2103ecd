import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE_NAME } from '../constructs/manifest-files';
import { zodIssues } from '../constructs/zod-issues';
import { ManifestSchema, UsageError, ValidationError, type Manifest } from '../model';
import type { CliIo } from './io';
import { readCdktfConfig } from './synth/cdktf-config';
import { isManifestPath, runSynth } from './synth/run-synth';

/** Options of `loadManifests`. */
export interface LoadManifestsOptions {
  /** Keep only the manifest of this stack; a name the app does not have is a usage error. */
  readonly stack?: string;
  /** Run the app first (the default); false reads what the last synth wrote. */
  readonly synth?: boolean;
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

function readManifest(file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}). Fix: run enrollkit synth again`);
  }
  const parsed = ManifestSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error.issues, file));
  return parsed.data;
}

/**
 * The manifests of the app in `io.cwd`, sorted by stack name: synthesized first unless
 * `synth: false`, read from the output directory of `cdktf.json`, and checked against the manifest
 * schema. Plan, apply, lint and simulate start here.
 */
export async function loadManifests(io: CliIo, options: LoadManifestsOptions = {}): Promise<Manifest[]> {
  const outdir = options.synth === false ? readCdktfConfig(io.cwd).outdir : (await runSynth(io, { appOutput: 'stderr' })).outdir;
  const manifests = manifestFiles(outdir).map((relative) => readManifest(path.join(outdir, relative)));
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
