import type { Resource } from '../model';
import type { RuleContext } from './rule';

/** The resource type of one kind. */
export type ResourceOf<K extends Resource['kind']> = Extract<Resource, { kind: K }>;

/** The resources of one kind, in their order. */
export function resourcesOfKind<K extends Resource['kind']>(resources: readonly Resource[], kind: K): ResourceOf<K>[] {
  return resources.filter((r): r is ResourceOf<K> => r.kind === kind);
}

/** Everything that can satisfy a rule: the stack's resources, then the tenant's others. */
export function stateResources(context: RuleContext): readonly Resource[] {
  return [...context.manifest.resources, ...(context.facts.resources ?? [])];
}
