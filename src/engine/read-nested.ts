import { DESCRIPTORS, type GraphEntity, type KindDescriptor, type NameDirectory, type NameLookup } from '../model';
import type { AttachedItems, NamedObject } from './actual-state';
import type { Backend, GraphRequest, GraphResponse } from './backend';
import { getAllPages } from './read-state';

/** Every lookup the kinds name, by key (kinds that share one declare it alike). */
function allLookups(): Map<string, NameLookup> {
  const lookups = new Map<string, NameLookup>();
  for (const d of DESCRIPTORS) for (const [key, lookup] of Object.entries(d.lookups ?? {})) lookups.set(key, lookup);
  return lookups;
}

/** The list requests of the lookups, one per path (lookups of one list share it), in the order {@link readNamedObjects} takes their first answers. */
export function namedLookupRequests(): GraphRequest[] {
  const byPath = new Map<string, GraphRequest>();
  for (const lookup of allLookups().values()) if (!byPath.has(lookup.list.path)) byPath.set(lookup.list.path, lookup.list);
  return [...byPath.values()];
}

/**
 * The tenant objects kinds name by name (ADE tokens, VPP tokens), by lookup key. A lookup the
 * backend refuses to list is left out, so what depends on it is reported as unknown, not as missing.
 * `firstAnswers`, when given, answer {@link namedLookupRequests}, already sent.
 */
export async function readNamedObjects(backend: Backend, firstAnswers?: readonly GraphResponse[]): Promise<Map<string, NamedObject[]>> {
  const requests = namedLookupRequests();
  const lists = await Promise.all(
    requests.map((request, i) =>
      getAllPages(backend, [request], firstAnswers && [firstAnswers[i]!]).then(
        (pages) => pages[0]!,
        () => undefined,
      ),
    ),
  );
  const named = new Map<string, NamedObject[]>();
  for (const [key, lookup] of allLookups()) {
    const items = lists[requests.findIndex((r) => r.path === lookup.list.path)];
    if (!items) continue;
    named.set(
      key,
      (items as GraphEntity[]).filter((e) => lookup.matches(e)).map((entity) => ({ id: String(entity.id), name: String(entity[lookup.nameField] ?? ''), entity })),
    );
  }
  return named;
}

/** IDs by name and back, over the named objects read. */
export function nameDirectoryOf(named: ReadonlyMap<string, readonly NamedObject[]>): NameDirectory {
  return {
    id: (lookup, name) => named.get(lookup)?.find((o) => o.name === name)?.id,
    name: (lookup, id) => named.get(lookup)?.find((o) => o.id === id)?.name,
  };
}

/** One entity of a nested kind, with what read-state folded in: its parent's name and attached navigations. */
export interface NestedEntity {
  readonly kind: KindDescriptor;
  readonly entity: GraphEntity;
  readonly parentId: string;
}

/** What {@link readNestedObjects} reads: the nested entities and, per parent, the navigation attached. */
export interface NestedRead {
  /** The entities of nested kinds. */
  readonly entities: readonly NestedEntity[];
  /** The attached navigations' items, per parent. */
  readonly attached: readonly AttachedItems[];
}

/** The IDs of the parents of nested kinds (tokens), by lookup key. */
export type ParentIds = ReadonlyMap<string, readonly string[]>;

/** What each parent's nested kind reads: the collection, and the navigation the kind attaches. */
function nestedReads<P extends { readonly id: string }>(parentsOf: (lookup: string) => readonly P[]) {
  const reads = DESCRIPTORS.flatMap((kind) => {
    const parent = kind.parent;
    const lookup = parent ? kind.lookups?.[parent.lookup] : undefined;
    if (!parent || !lookup) return [];
    return parentsOf(parent.lookup).map((p) => ({ kind, lookup: parent.lookup, parent: p, field: lookup.field, attach: parent.attach }));
  });
  const requests: GraphRequest[] = reads.flatMap((r) => [
    { method: 'GET' as const, version: r.kind.graph.version ?? 'beta', path: r.kind.graph.collectionPath(r.parent.id) },
    ...(r.attach ? [r.attach.request(r.parent.id)] : []),
  ]);
  return { reads, requests };
}

/** The requests {@link readNestedObjects} sends first, in the order it takes their answers. */
export function nestedRequests(named: ReadonlyMap<string, readonly NamedObject[]>): GraphRequest[] {
  return nestedReads((lookup) => named.get(lookup) ?? []).requests;
}

/** The requests {@link nestedRequests} gives for parents of these IDs, e.g. the tokens an earlier read found. */
export function nestedRequestsUnder(parents: ParentIds): GraphRequest[] {
  return nestedReads((lookup) => (parents.get(lookup) ?? []).map((id) => ({ id }))).requests;
}

/** The IDs of the parents of nested kinds among the named objects read. */
export function parentIdsOf(named: ReadonlyMap<string, readonly NamedObject[]>): ParentIds {
  const lookups = new Set(DESCRIPTORS.flatMap((kind) => (kind.parent ? [kind.parent.lookup] : [])));
  return new Map([...named].filter(([lookup]) => lookups.has(lookup)).map(([lookup, objects]) => [lookup, objects.map((o) => o.id)]));
}

/**
 * Reads the objects of kinds nested under a parent (ADE profiles under their token): per parent,
 * the collection and the navigation the kind attaches (the token's devices). Each entity carries
 * its parent's name in the spec field that names it. `firstAnswers`, when given, answer
 * {@link nestedRequests}, already sent.
 */
export async function readNestedObjects(backend: Backend, named: ReadonlyMap<string, readonly NamedObject[]>, firstAnswers?: readonly GraphResponse[]): Promise<NestedRead> {
  const { reads, requests } = nestedReads((lookup) => named.get(lookup) ?? []);
  const lists = await getAllPages(backend, requests, firstAnswers);
  let next = 0;
  const attachedItems: AttachedItems[] = [];
  const entities = reads.flatMap((r) => {
    const items = lists[next++] as GraphEntity[];
    const attached = r.attach ? (lists[next++] as GraphEntity[]) : [];
    if (r.attach) attachedItems.push({ lookup: r.lookup, parent: r.parent, items: attached });
    return items
      .filter((e) => r.kind.matches(e))
      .map((e) => {
        const withParent = r.field === undefined ? e : { ...e, [r.field]: r.parent.name };
        return { kind: r.kind, entity: r.attach ? r.attach.apply(withParent, attached) : withParent, parentId: r.parent.id };
      });
  });
  return { entities, attached: attachedItems };
}
