import type { Resource } from '../../model';
import type { ResourceOf } from '../resources';

/** The objects in priority order (1 first); objects without a priority last, in their order. */
export function byPriority<T extends { readonly priority?: number | undefined }>(objects: readonly T[]): T[] {
  return objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => (a.object.priority ?? Infinity) - (b.object.priority ?? Infinity) || a.index - b.index)
    .map(({ object }) => object);
}

/** Each kind's resources of a state, in state order and in priority order, worked out once per resources array. */
const indexes = new WeakMap<readonly Resource[], Map<Resource['kind'], { readonly inOrder: readonly Resource[]; ranked?: readonly Resource[] }>>();

function kindIndex(resources: readonly Resource[]): Map<Resource['kind'], { readonly inOrder: readonly Resource[]; ranked?: readonly Resource[] }> {
  let index = indexes.get(resources);
  if (!index) {
    const byKind = new Map<Resource['kind'], Resource[]>();
    for (const r of resources) {
      const list = byKind.get(r.kind);
      if (list) list.push(r);
      else byKind.set(r.kind, [r]);
    }
    index = new Map([...byKind].map(([kind, inOrder]) => [kind, { inOrder }]));
    indexes.set(resources, index);
  }
  return index;
}

/**
 * The resources of one kind, in state order. Resolution reads a state's resources as immutable:
 * they are grouped by kind once per array, and the groups kept beside it.
 */
export function ofKind<K extends Resource['kind']>(resources: readonly Resource[], kind: K): readonly ResourceOf<K>[] {
  return (kindIndex(resources).get(kind)?.inOrder ?? []) as readonly ResourceOf<K>[];
}

/** The resources of one kind in priority order (see {@link byPriority} and {@link ofKind}). */
export function ofKindByPriority<K extends Resource['kind']>(resources: readonly Resource[], kind: K): readonly ResourceOf<K>[] {
  const entry = kindIndex(resources).get(kind);
  if (!entry) return [];
  entry.ranked ??= byPriority(entry.inOrder);
  return entry.ranked as readonly ResourceOf<K>[];
}
