import { DESCRIPTORS, type Assignment, type AssignmentTarget, type KindDescriptor, type KindName, type Manifest, type Resource } from '../../model';
import type { EnrollmentState } from '../../rules';
import type { ActualObject, ActualState } from '../actual-state';
import type { Plan, PlannedMove } from '../plan-types';
import { extend } from '../extend';
import { moveInPlace } from '../priority-moves';
import { addTo } from './add-to';

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

/** Assignments read, their groups named instead of given by ID. */
type NameAssignments = (assignments: readonly Assignment[]) => Assignment[];

/**
 * Names the groups of assignments read through the state's group names. Objects target the same
 * few groups over and over: each group's target (without a filter) is made once.
 */
function assignmentNamer(state: ActualState): NameAssignments {
  const targets = { group: new Map<string, AssignmentTarget>(), exclusionGroup: new Map<string, AssignmentTarget>() };
  const named = (target: Extract<AssignmentTarget, { group: string }>): AssignmentTarget => {
    const group = state.groupNames.get(target.group) ?? target.group;
    if (target.type === 'group' && target.filter) return extend(target, { group });
    const made = targets[target.type].get(target.group);
    if (made) return made;
    const fresh = { type: target.type, group };
    targets[target.type].set(target.group, fresh);
    return fresh;
  };
  return (assignments) => assignments.map((a) => ('group' in a.target ? (extend(a, { target: named(a.target) }) as Assignment) : a));
}

/** No suppressions: they never reach the tenant, so they change no outcome. */
const NONE: Resource['suppressions'] = [];

/**
 * An object of either state in one shape, whatever it was made from: the resolver then reads
 * every object of both states through the same property layout.
 */
function shaped(r: Omit<Resource, 'suppressions'>, priority: number | undefined): Resource {
  return {
    kind: r.kind,
    logicalId: r.logicalId,
    path: r.path,
    displayName: r.displayName,
    description: r.description,
    spec: r.spec,
    assignments: r.assignments,
    suppressions: NONE,
    priority,
    reference: r.reference,
  } as Resource;
}

/** An object read, in the shape of {@link shaped}. */
function fromActual(o: ActualObject, path: string, named: NameAssignments): Resource {
  const read = { kind: o.kind, logicalId: o.id, path, displayName: o.displayName || o.id, description: o.description, spec: o.spec, assignments: named(o.assignments) };
  return shaped(read as Omit<Resource, 'suppressions'>, o.priority);
}

/**
 * A referenced object once applied: its own settings, the assignments of intents the stack does
 * not declare kept, the declared ones in place of the rest (as the plan writes them).
 */
function referencedAfter(resource: Resource, actual: ActualObject | undefined, declared: readonly Assignment[], named: NameAssignments): Resource {
  if (!actual) return shaped({ ...resource, assignments: [...declared] }, resource.priority);
  const intents = new Set(resource.assignments.map((a) => a.intent ?? null));
  const kept = named(actual.assignments).filter((a) => !intents.has(a.intent ?? null));
  return shaped({ ...resource, spec: actual.spec, assignments: [...kept, ...declared] } as Resource, resource.priority);
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
  read: ReadonlyMap<KindName, Resource[]>,
  removed: ReadonlySet<string>,
  created: ReadonlyMap<KindName, string[]>,
  declared: (logicalId: string) => Resource | undefined,
): { priorities: Map<string, number>; orders: PriorityClassOrders[] } {
  const priorities = new Map<string, number>();
  const orders: PriorityClassOrders[] = [];
  const moves = new Map<string, PlannedMove[]>();
  for (const m of plan.moves) addTo(moves, m.priorityClass, m);
  for (const d of DESCRIPTORS as readonly KindDescriptor[]) {
    const cls = d.priorityClass;
    if (!cls) continue;
    // A resource read keeps the object's Graph ID as its logical ID.
    const ranked = (read.get(d.kind) ?? []).sort((x, y) => (x.priority ?? 0) - (y.priority ?? 0) || (x.logicalId < y.logicalId ? -1 : x.logicalId > y.logicalId ? 1 : 0));
    const members = ranked.filter((r) => !removed.has(r.logicalId));
    const added = created.get(d.kind) ?? [];
    const order = [...members.map((r) => r.path), ...added];
    // A move's `to` is a rank: 1 is the highest.
    for (const move of moves.get(cls) ?? []) {
      const item = move.logicalId !== undefined ? declared(move.logicalId)?.path : members.find((m) => m.displayName === move.displayName && m.path.startsWith(TENANT))?.path;
      if (item !== undefined) moveInPlace(order, { item, position: move.to - 1 });
    }
    order.forEach((key, i) => priorities.set(key, i + 1));
    const paths = ranked.map((r) => r.path);
    // Nothing removed or added: both orders hold the same objects.
    if (ranked.length > 0) orders.push(members.length === ranked.length && added.length === 0 ? { before: paths, after: order } : inBoth(paths, order));
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
  let byLogicalId: Map<string, Resource> | undefined;
  const declared = (logicalId: string) => {
    if (!byLogicalId) {
      byLogicalId = new Map();
      for (const r of manifest.resources) byLogicalId.set(r.logicalId, r);
    }
    return byLogicalId.get(logicalId);
  };
  const removed = new Set<string>();
  const declaredById = new Map<string, Resource>();
  const created = new Map<KindName, string[]>();
  for (const c of plan.changes) {
    if (c.action === 'create' || c.action === 'replace') addTo(created, c.kind, c.path ?? c.logicalId);
    if (c.id === undefined) continue;
    if (c.action === 'delete' || c.action === 'replace') removed.add(c.id);
    const resource = c.action === 'delete' || c.action === 'conflict' ? undefined : declared(c.logicalId);
    if (resource) declaredById.set(c.id, resource);
  }
  const named = assignmentNamer(state);
  const objects: ActualObject[] = [];
  // The declared form of each of `objects`, where the stack declares it.
  const declaredForms: (Resource | undefined)[] = [];
  const builtIn = new Set<string>();
  const before: Resource[] = [];
  const beforeById = new Map<string, Resource>();
  const beforeByPath = new Map<string, Resource>();
  const read = new Map<KindName, Resource[]>();
  for (const o of state.objects) {
    if (o.builtIn) {
      builtIn.add(o.id);
      continue;
    }
    const declaredForm = declaredById.get(o.id);
    const r = fromActual(o, declaredForm?.path ?? `${TENANT}${o.id}`, named);
    objects.push(o);
    declaredForms.push(declaredForm);
    before.push(r);
    beforeById.set(o.id, r);
    beforeByPath.set(r.path, r);
    addTo(read, r.kind, r);
  }
  const { priorities, orders } = prioritiesAfter(plan, read, removed, created, declared);
  const withPriority = (r: Resource) => {
    const priority = priorities.get(r.path) ?? r.priority;
    return priority === r.priority ? r : shaped(r, priority);
  };
  const placed = new Set<Resource>();
  const after: Resource[] = [];
  const afterByPath = new Map<string, Resource>();
  const place = (r: Resource, actual?: ActualObject) => {
    placed.add(r);
    const resource = r.reference ? referencedAfter(r, actual, destroy ? [] : r.assignments, named) : withPriority(r);
    after.push(resource);
    afterByPath.set(resource.path, resource);
  };
  objects.forEach((o, i) => {
    const resource = declaredForms[i];
    if (resource) place(resource, o);
    else if (!removed.has(o.id)) {
      const r = withPriority(before[i]!);
      after.push(r);
      afterByPath.set(r.path, r);
    }
  });
  if (!destroy) for (const r of manifest.resources) if (!placed.has(r) && !r.reference) place(r);
  return {
    before: { resources: before, defaults: state.tenantDefaults },
    after: { resources: after, defaults: state.tenantDefaults },
    beforeByPath,
    afterByPath,
    keyOfId: (id) => beforeById.get(id)?.path ?? (builtIn.has(id) ? `${TENANT}${id}` : undefined),
    orders,
  };
}
