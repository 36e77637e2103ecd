import { App, EnrollmentStack, ValidationError, type Manifest, type ValidationIssue } from '../../src';

/** Builds a stack named "test" with `declare` and returns its manifest. */
export function manifestOf(declare: (stack: EnrollmentStack) => void): Manifest {
  const stack = new EnrollmentStack(new App(), 'test');
  declare(stack);
  return stack.toManifest();
}

/** Builds a stack named "test" with `declare` and returns the issues its synth reports. */
export function issuesOf(declare: (stack: EnrollmentStack) => void): readonly ValidationIssue[] {
  try {
    manifestOf(declare);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError, but the stack synthesized');
}

/** The resource of a manifest at a logical ID. */
export function resourceAt(manifest: Manifest, logicalId: string): Manifest['resources'][number] {
  const resource = manifest.resources.find((r) => r.logicalId === logicalId);
  if (!resource) throw new Error(`no resource "${logicalId}" in ${manifest.resources.map((r) => r.logicalId).join(', ')}`);
  return resource;
}
