import type { z } from 'zod';
import type { KindDescriptor } from '../descriptor';
import * as KIND_MODULES from './kind-list';

type KindModules = typeof KIND_MODULES;

/** What tells a kind's descriptor from the other exports of the kind list (schemas, constants, helpers). */
interface DescriptorShape {
  readonly specSchema: unknown;
  readonly graph: unknown;
  readonly code: unknown;
}

/** Names of the kinds enrollkit manages: the exports of the kind list that are descriptors. */
export type KindName = { [K in keyof KindModules]: KindModules[K] extends DescriptorShape ? K : never }[keyof KindModules] & string;

/** Every kind's descriptor, by the kind's name. */
export type Kinds = { readonly [K in KindName]: KindModules[K] };

function isDescriptor(value: unknown): value is KindDescriptor {
  return typeof value === 'object' && value !== null && 'specSchema' in value && 'graph' in value && 'code' in value;
}

/**
 * The descriptors among a kind list's exports (the others are the kinds' schemas, constants and
 * helpers); throws for a descriptor exported under a name other than its kind's.
 */
export function descriptorsOf(exports: Readonly<Record<string, unknown>>): KindDescriptor[] {
  return Object.entries(exports).flatMap(([name, value]) => {
    if (!isDescriptor(value)) return [];
    if (value.kind !== name) throw new Error(`the kind list exports the descriptor of kind '${value.kind}' as '${name}'; export it under its kind's name.`);
    return [value];
  });
}

/**
 * The descriptors in dependency order: a kind comes after every kind it `dependsOn`, and kinds
 * free to go in either order go by name, so the order depends on the descriptors alone.
 */
export function inDependencyOrder(descriptors: readonly KindDescriptor[]): KindDescriptor[] {
  const byName = (a: KindDescriptor, b: KindDescriptor): number => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
  const ordered: KindDescriptor[] = [];
  const placed = new Set<string>();
  let waiting = [...descriptors].sort(byName);
  while (waiting.length > 0) {
    const next = waiting.find((d) => d.dependsOn.every((dependency) => placed.has(dependency)));
    if (!next) {
      throw new Error(`the kinds ${waiting.map((d) => `${d.kind} (depends on ${d.dependsOn.join(', ')})`).join('; ')} depend on each other in a cycle or on a kind not in the kind list; fix their dependsOn.`);
    }
    ordered.push(next);
    placed.add(next.kind);
    waiting = waiting.filter((d) => d !== next);
  }
  return ordered;
}

/**
 * Every kind enrollkit manages, by name, in dependency order (what others depend on first). The
 * kind names, the manifest's resource schema, the descriptors and the construct declarations all
 * derive from this one object, and it derives from the kind list (`kind-list.ts`): a kind is
 * added there, with one line.
 */
export const KINDS = Object.fromEntries(inDependencyOrder(descriptorsOf(KIND_MODULES)).map((d) => [d.kind, d])) as unknown as Kinds;

/** The spec type of a kind. */
export type SpecOf<K extends KindName> = Kinds[K] extends KindDescriptor<infer Spec> ? Spec : never;

/** The schema of a kind's spec. */
export type SpecSchemaOf<K extends KindName> = Kinds[K]['specSchema'] & z.ZodType<SpecOf<K>>;

/** A type with its literal types widened (`'device' | 'user'` to `string`), for values not yet validated. */
export type Widened<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? readonly Widened<U>[]
        : T extends object
          ? { [P in keyof T]: Widened<T[P]> }
          : T;

/**
 * A kind's spec as a construct declares it, before the kind's schema checks it at synth: the
 * kind's fields, with enumerated values as plain strings and numbers.
 */
export type DeclaredSpec<K extends KindName> = Widened<SpecOf<K>>;
