import { z } from 'zod';
import type { KindDescriptor } from '../descriptor';
import { KINDS, type KindName } from './registry';

export * from './kind-list';
export * from './apple-enrollment-profile';
export * from './tenant-defaults';
export * from './registry';
export * from './import-again';

/** The names of every kind, in dependency order. */
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** Every kind's descriptor, in dependency order (what others depend on first). */
export const DESCRIPTORS: readonly KindDescriptor[] = KIND_NAMES.map((kind) => KINDS[kind] as unknown as KindDescriptor);

/** The descriptor of a kind. */
export function descriptorOf(kind: KindName): KindDescriptor {
  const descriptor = isKindName(kind) ? (KINDS[kind] as unknown as KindDescriptor) : undefined;
  if (!descriptor) throw new Error(`unknown kind '${kind}'; a manifest's kinds are ${KIND_NAMES.join(', ')} (re-run enrollkit synth with this version).`);
  return descriptor;
}

/** True for the name of a kind this version manages. */
export function isKindName(name: string): name is KindName {
  return Object.hasOwn(KINDS, name);
}

/**
 * A kind's name where a plan or the JSON output carries it: a string, checked against the kinds of
 * this version. The published JSON Schema says only "string": kinds are added between versions
 * within one output format, so a consumer's copy of the schema does not list them.
 */
export const KindNameSchema = z
  .string()
  .refine(isKindName, { error: (issue) => `unknown kind ${JSON.stringify(issue.input)}: this version manages ${KIND_NAMES.join(', ')}` })
  .describe('the kind (docs/kinds.md lists them)');
