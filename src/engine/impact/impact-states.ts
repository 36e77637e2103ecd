import { DESCRIPTORS, type Assignment, type KindDescriptor, type Manifest, type Resource } from '../../model';
import type { EnrollmentState } from '../../rules';
import type { ActualObject, ActualState } from '../actual-state';
import type { Plan } from '../plan-types';
import { moveInPlace } from '../priority-moves';

/**
 * The tenant before apply (as read) and after apply (as the plan leaves it), in the shape the
 * enrollment resolver reads. Each object's `path` is its identity in both states: the construct
 * path of an object the stack declares, `tenant/<Graph ID>` for any other.
 */
export interface ImpactStates {
  /** The tenant as it is. */
  readonly before: EnrollmentState;
  /** The tenant once the plan is applied. */
  readonly after: EnrollmentState;
  /** The objects of the tenant as it is, by identity. */
  readonly beforeByPath: ReadonlyMap<string, Resource>;
  /** The objects of the tenant once the plan is applied, by identity. */
  readonly afterByPath: ReadonlyMap<string, Resource>;
  /** The identity of the object read with this Graph ID; undefined for an ID the read did not find. */
  readonly keyOfId: (id: string) => string | undefined;
  /** Each priority class's order (highest first) of the objects in both states: as read, and after apply. */
  readonly orders: readonly PriorityClassOrders[];
}

/** One priority class's order of the objects present before and after apply, by identity. */
export interface PriorityClassOrders {
  /** As read. */
  readonly before: readonly string[];
  /** After apply. */
  readonly after: readonly string[];
}

/** The identity prefix of objects the stack does not declare. */
const TENANT = 'tenant/';

function namedAssignments(assignments: readonly Assignment[], state: ActualState): Assignment[] {
  return assignments.map((a) => ('group' in a.target ? { ...a, target: { ...a.target, group: state.groupNames.get(a.target.group) ?? a.target.group } } : a));
}

function fromActual(o: ActualObject, path: string, state: ActualState): Resource {
  return {
    kind: o.kind,
    logicalId: o.id,
    path,
    displayName: o.displayName || o.id,
    description: o.description,
    spec: o.spec,
    assignments: namedAssignments(o.assignments, state),
    ...(o.priority !== undefined ? { priority: o.priority } : {}),
    suppressions: [],
  } as Resource;
}

/**
 * A referenced object once applied: its own settings, the assignments of intents the stack does
 * not declare kept, the declared ones in place of the rest (as the plan writes them).
 */
function referencedAfter(resource: Resource, actual: ActualObject | undefined, declared: readonly Assignment[], state: ActualState): Resource {
  if (!actual) return { ...resource, assignments: [...declared] };
  const intents = new Set(resource.assignments.map((a) => a.intent ?? null));
  const kept = namedAssignments(actual.assignments, state).filter((a) => !intents.has(a.intent ?? null));
  return { ...resource, spec: actual.spec, assignments: [...kept, ...declared] } as Resource;
}

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

/** Groups items by a key, in their order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Both orders of the objects of a class that are in both of them. */
function inBoth(before: readonly string[], after: readonly string[]): PriorityClassOrders {
  const [wasThere, isThere] = [new Set(before), new Set(after)];
  return { before: before.filter((key) => isThere.has(key)), after: after.filter((key) => wasThere.has(key)) };
}

/**
 * Replays the plan's priority moves on each class's order: the rank every object has after apply
 * (1 the highest), and each class's order before and after of the objects in both states. Each
 * class is sorted once.
 */
function prioritiesAfter(
  plan: Plan,
  objects: readonly ActualObject[],
  removed: ReadonlySet<string>,
  keyOf: (id: string) => string,
  declared: ReadonlyMap<string, Resource>,
): { priorities: Map<string, number>; orders: PriorityClassOrders[] } {
  const priorities = new Map<string, number>();
  const orders: PriorityClassOrders[] = [];
  const ofKind = groupBy(objects, (o) => o.kind);
  const created = groupBy(
    plan.changes.filter((c) => c.action === 'create' || c.action === 'replace'),
    (c) => c.kind,
  );
  const moves = groupBy(plan.moves, (m) => m.priorityClass);
  for (const d of DESCRIPTORS as readonly KindDescriptor[]) {
    const cls = d.priorityClass;
    if (!cls) continue;
    const read = (ofKind.get(d.kind) ?? []).sort((x, y) => (x.priority ?? 0) - (y.priority ?? 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const members = read.filter((o) => !removed.has(o.id));
    const order = [...members.map((o) => keyOf(o.id)), ...(created.get(d.kind) ?? []).map((c) => c.path ?? c.logicalId)];
    // A move's `to` is a rank: 1 is the highest.
    for (const move of moves.get(cls) ?? []) {
      const unowned = () => members.find((m) => m.displayName === move.displayName && keyOf(m.id).startsWith(TENANT));
      const item = move.logicalId !== undefined ? declared.get(move.logicalId)?.path : mapDefined(unowned(), (m) => keyOf(m.id));
      if (item !== undefined) moveInPlace(order, { item, position: move.to - 1 });
    }
    order.forEach((key, i) => priorities.set(key, i + 1));
    if (read.length > 0) orders.push(inBoth(read.map((o) => keyOf(o.id)), order));
  }
  return { priorities, orders };
}

/**
 * Builds the states before and after apply of a plan: objects the stack owns or references take
 * their declared form, those it deletes go, the others stay, and priorities follow the plan's moves.
 * After a destroy plan nothing declared remains.
 */
export function impactStates(manifest: Manifest, state: ActualState, plan: Plan): ImpactStates {
  const destroy = plan.mode === 'destroy';
  const declared = new Map(manifest.resources.map((r) => [r.logicalId, r]));
  const removed = new Set<string>();
  const declaredById = new Map<string, Resource>();
  for (const c of plan.changes) {
    if (c.id === undefined) continue;
    if (c.action === 'delete' || c.action === 'replace') removed.add(c.id);
    const resource = c.action === 'delete' || c.action === 'conflict' ? undefined : declared.get(c.logicalId);
    if (resource) declaredById.set(c.id, resource);
  }
  const keyOf = (id: string): string => declaredById.get(id)?.path ?? `${TENANT}${id}`;
  const objects: ActualObject[] = [];
  const builtIn = new Set<string>();
  for (const o of state.objects) {
    if (o.builtIn) builtIn.add(o.id);
    else objects.push(o);
  }
  const before = objects.map((o) => fromActual(o, keyOf(o.id), state));
  const beforeById = new Map(objects.map((o, i) => [o.id, before[i]!]));
  const { priorities, orders } = prioritiesAfter(plan, objects, removed, keyOf, declared);
  const withPriority = (r: Resource): Resource => {
    const priority = priorities.get(r.path);
    return priority === undefined || priority === r.priority ? r : ({ ...r, priority } as Resource);
  };
  const placed = new Set<Resource>();
  const desired = (r: Resource, actual?: ActualObject): Resource => {
    placed.add(r);
    if (!r.reference) return withPriority(r);
    return referencedAfter(r, actual, destroy ? [] : r.assignments, state);
  };
  const after: Resource[] = [];
  objects.forEach((o, i) => {
    const resource = declaredById.get(o.id);
    if (resource) after.push(desired(resource, o));
    else if (!removed.has(o.id)) after.push(withPriority(before[i]!));
  });
  if (!destroy) for (const r of manifest.resources) if (!placed.has(r) && !r.reference) after.push(desired(r));
  return {
    before: { resources: before, defaults: state.tenantDefaults },
    after: { resources: after, defaults: state.tenantDefaults },
    beforeByPath: new Map(before.map((r) => [r.path, r])),
    afterByPath: new Map(after.map((r) => [r.path, r])),
    keyOfId: (id) => beforeById.get(id)?.path ?? (builtIn.has(id) ? `${TENANT}${id}` : undefined),
    orders,
  };
}
