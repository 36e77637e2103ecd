import { descriptorOf, type AssignmentTarget, type KindName, type Resource } from '../../model';
import type { ActualState } from '../actual-state';
import type { Plan } from '../plan-types';
import type { ImpactStates } from './impact-states';

/** An object whose change can alter someone's enrollment, and the targets that change reaches. */
interface TouchedObject {
  readonly key: string;
  readonly kind: KindName;
  readonly targets: readonly AssignmentTarget[];
}

/** The groups a user is a member of, for one resolution; empty for a user in none of the groups named. */
export type Audience = readonly string[];

function byKey(resources: readonly Resource[]): Map<string, Resource> {
  return new Map(resources.map((r) => [r.path, r]));
}

/** Objects of a priority class whose order relative to another object of both states changes. */
function reordered(before: readonly Resource[], after: readonly Resource[]): string[] {
  const rank = (resources: readonly Resource[]) => new Map(resources.filter((r) => r.priority !== undefined).map((r) => [r.path, { kind: r.kind, priority: r.priority! }]));
  const was = rank(before);
  const is = rank(after);
  const common = [...was.keys()].filter((k) => is.has(k) && descriptorOf(was.get(k)!.kind).priorityClass !== undefined);
  return common.filter((x) =>
    common.some((y) => {
      const [bx, by, ax, ay] = [was.get(x)!, was.get(y)!, is.get(x)!, is.get(y)!];
      return bx.kind === by.kind && Math.sign(bx.priority - by.priority) !== Math.sign(ax.priority - ay.priority);
    }),
  );
}

/** The objects the plan's changes and moves touch, with the targets whose users may notice. */
export function touchedObjects(plan: Plan, state: ActualState, states: ImpactStates): TouchedObject[] {
  const before = byKey(states.before.resources);
  const after = byKey(states.after.resources);
  const actual = new Map(state.objects.map((o) => [o.id, o]));
  const touched = new Map<string, TouchedObject>();
  const touch = (key: string, kind: KindName, targets?: readonly AssignmentTarget[]) => {
    const all = targets ?? [before.get(key), after.get(key)].flatMap((r) => r?.assignments.map((a) => a.target) ?? []);
    touched.set(key, { key, kind, targets: [...(touched.get(key)?.targets ?? []), ...all] });
  };
  for (const c of plan.changes) {
    if (c.action === 'unchanged' || c.action === 'conflict') continue;
    const found = c.id === undefined ? undefined : actual.get(c.id);
    const key = found ? states.keyOf(found) : c.path;
    if (key === undefined) continue;
    touch(key, c.kind, c.referenced ? [...c.assignments.add, ...c.assignments.remove].map((a) => a.target) : undefined);
  }
  for (const key of reordered(states.before.resources, states.after.resources)) touch(key, (before.get(key) ?? after.get(key))!.kind);
  return [...touched.values()];
}

function includes(targets: readonly AssignmentTarget[]): Audience[] {
  return targets.flatMap((t) => (t.type === 'group' ? [[t.group]] : t.type === 'exclusionGroup' ? [] : [[]]));
}

function groupsOf(targets: readonly AssignmentTarget[]): string[] {
  return targets.flatMap((t) => ('group' in t ? [t.group] : []));
}

/**
 * Who to resolve: a member of each group the touched objects target (and a user in none of them
 * when one targets all users or all devices), and a member of both groups of each pair that
 * competes: an included group with an excluded one of the same object, or with a group of
 * another object of the same priority class.
 */
export function audiencesOf(touched: readonly TouchedObject[], states: ImpactStates): Audience[] {
  const audiences = new Map<string, Audience>();
  const add = (groups: readonly string[]) => {
    const unique = [...new Map(groups.map((g) => [g.toLowerCase(), g])).values()].sort((a, b) => a.localeCompare(b));
    const key = unique.map((g) => g.toLowerCase()).join('\n');
    if (!audiences.has(key)) audiences.set(key, unique);
  };
  const everything = [...states.before.resources, ...states.after.resources];
  for (const object of touched) {
    for (const member of includes(object.targets)) add(member);
    for (const group of groupsOf(object.targets)) add([group]);
    if (descriptorOf(object.kind).priorityClass === undefined) continue;
    const rivals = everything.filter((r) => r.kind === object.kind && r.path !== object.key).flatMap((r) => groupsOf(r.assignments.map((a) => a.target)));
    const own = groupsOf(object.targets.filter((t) => t.type === 'exclusionGroup'));
    for (const member of includes(object.targets)) for (const other of new Set([...rivals, ...own])) add([...member, other]);
  }
  return [...audiences.values()];
}
