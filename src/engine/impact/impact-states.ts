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
  /** Display names by identity, the name after apply where the object remains. */
  readonly names: ReadonlyMap<string, string>;
  /** The identity of each object read, by Graph ID. */
  readonly keyOf: (object: ActualObject) => string;
}

/** The identity prefix of objects the stack does not declare. */
const TENANT = 'tenant/';

function namedAssignments(assignments: readonly Assignment[], state: ActualState): Assignment[] {
  return assignments.map((a) => ('group' in a.target ? { ...a, target: { ...a.target, group: state.groupNames.get(a.target.group) ?? a.target.group } } : a));
}

function fromActual(o: ActualObject, path: string, state: ActualState, priority: number | undefined): Resource {
  return {
    kind: o.kind,
    logicalId: o.id,
    path,
    displayName: o.displayName || o.id,
    description: o.description,
    spec: o.spec,
    assignments: namedAssignments(o.assignments, state),
    ...(priority !== undefined ? { priority } : {}),
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

/** Replays the plan's priority moves on each class's order: the rank every object has after apply (1 the highest). */
function prioritiesAfter(plan: Plan, objects: readonly ActualObject[], removed: ReadonlySet<string>, keyOf: (o: ActualObject) => string, declaredPaths: ReadonlyMap<string, string>): Map<string, number> {
  const priorities = new Map<string, number>();
  const remaining = groupBy(
    objects.filter((o) => !removed.has(o.id)),
    (o) => o.kind,
  );
  const created = groupBy(
    plan.changes.filter((c) => c.action === 'create' || c.action === 'replace'),
    (c) => c.kind,
  );
  const moves = groupBy(plan.moves, (m) => m.priorityClass);
  for (const d of DESCRIPTORS as readonly KindDescriptor[]) {
    const cls = d.priorityClass;
    if (!cls) continue;
    const members = (remaining.get(d.kind) ?? []).sort((x, y) => (x.priority ?? 0) - (y.priority ?? 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const order = [...members.map(keyOf), ...(created.get(d.kind) ?? []).map((c) => c.path ?? c.logicalId)];
    // A move's `to` is a rank: 1 is the highest.
    for (const move of moves.get(cls) ?? []) {
      const unowned = () => members.find((m) => m.displayName === move.displayName && keyOf(m).startsWith(TENANT));
      const item = move.logicalId !== undefined ? declaredPaths.get(move.logicalId) : mapDefined(unowned(), keyOf);
      if (item !== undefined) moveInPlace(order, { item, position: move.to - 1 });
    }
    order.forEach((key, i) => priorities.set(key, i + 1));
  }
  return priorities;
}

/**
 * Builds the states before and after apply of a plan: objects the stack owns or references take
 * their declared form, those it deletes go, the others stay, and priorities follow the plan's moves.
 * After a destroy plan nothing declared remains.
 */
export function impactStates(manifest: Manifest, state: ActualState, plan: Plan): ImpactStates {
  const destroy = plan.mode === 'destroy';
  const declared = new Map(manifest.resources.map((r) => [r.logicalId, r]));
  const declaredPaths = new Map(manifest.resources.map((r) => [r.logicalId, r.path]));
  const pathOf = new Map<string, string>();
  const removed = new Set<string>();
  const declaredById = new Map<string, Resource>();
  for (const c of plan.changes) {
    if (c.id === undefined) continue;
    if (c.action === 'delete' || c.action === 'replace') removed.add(c.id);
    const resource = c.action === 'delete' || c.action === 'conflict' ? undefined : declared.get(c.logicalId);
    if (resource) {
      pathOf.set(c.id, resource.path);
      declaredById.set(c.id, resource);
    }
  }
  const keys = new Map(state.objects.map((o) => [o.id, pathOf.get(o.id) ?? `${TENANT}${o.id}`]));
  const keyOf = (o: ActualObject): string => keys.get(o.id) ?? `${TENANT}${o.id}`;
  const objects = state.objects.filter((o) => !o.builtIn);
  const before = objects.map((o) => fromActual(o, keyOf(o), state, o.priority));
  const asRead = new Map(objects.map((o, i) => [o, before[i]!]));
  const priorities = prioritiesAfter(plan, objects, removed, keyOf, declaredPaths);
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
  for (const o of objects) {
    const resource = declaredById.get(o.id);
    if (resource) after.push(desired(resource, o));
    else if (!removed.has(o.id)) after.push(withPriority(asRead.get(o)!));
  }
  if (!destroy) for (const r of manifest.resources) if (!placed.has(r) && !r.reference) after.push(desired(r));
  const names = new Map<string, string>();
  for (const r of before) names.set(r.path, r.displayName);
  for (const r of after) names.set(r.path, r.displayName);
  return { before: { resources: before, defaults: state.tenantDefaults }, after: { resources: after, defaults: state.tenantDefaults }, names, keyOf };
}
