import { loadManifests } from '../../src/cli/load-manifests';
import type { Manifest } from '../../src/model';
import { exampleCopy, recordingIo, removeAppDirs } from './synth-app';

/** The examples of the repository, by directory name. */
export const EXAMPLES = ['web-based-enrollment', 'account-driven-user-enrollment', 'restrictions', 'automated-device-enrollment', 'multi-environment'] as const;

/** Synthesizes an example (in a scratch copy) and returns its first stack's manifest (by stack name: `contoso-dev` of multi-environment). */
export async function exampleManifest(example: (typeof EXAMPLES)[number]): Promise<Manifest> {
  const [manifest] = await loadManifests(recordingIo(exampleCopy(example)));
  if (!manifest) throw new Error(`example ${example} synthesized no stack`);
  return manifest;
}

/**
 * Synthesizes every example once before the suite's tests and removes the scratch copies after;
 * the returned map is filled by the time the first test runs.
 */
export function synthesizedExamples(): ReadonlyMap<(typeof EXAMPLES)[number], Manifest> {
  const manifests = new Map<(typeof EXAMPLES)[number], Manifest>();
  beforeAll(async () => {
    for (const example of EXAMPLES) manifests.set(example, await exampleManifest(example));
  }, 120_000);
  afterAll(removeAppDirs);
  return manifests;
}
