import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Manifest } from '../model';

/** The file name of a stack's manifest, in `<outdir>/stacks/<stack>/`, beside cdktf's `cdk.tf.json`. */
export const MANIFEST_FILE_NAME = 'enrollkit.manifest.json';

/** The environment variable naming the file where a failed synth writes its validation issues as JSON. */
export const ISSUES_FILE_ENV = 'ENROLLKIT_ISSUES_FILE';

/**
 * The environment variable naming the app's directory, set by `enrollkit synth`: each object of the
 * manifests then records where the app created its construct (`file:line` relative to it).
 */
export const SOURCE_ROOT_ENV = 'ENROLLKIT_SOURCE_ROOT';

/** Where the manifest of a stack is written below an output directory. */
export function manifestPathFor(outdir: string, stackName: string): string {
  return path.join(outdir, 'stacks', stackName, MANIFEST_FILE_NAME);
}

/** A manifest as bytes: two-space JSON with a final newline, in the schema's key order. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes each manifest to its path below `outdir`; returns the paths written. */
export function writeManifests(manifests: readonly Manifest[], outdir: string): string[] {
  return manifests.map((manifest) => {
    const file = manifestPathFor(outdir, manifest.stack);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, serializeManifest(manifest));
    return file;
  });
}
