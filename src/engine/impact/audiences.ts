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

/**
 * Objects of a priority class whose order relative to another object present in both states
 * changes: those whose rank, or the set of objects above them, differs.
 */
function reordered(before: readonly Resource[], after: readonly Resource[]): string[] {
  const inAfter = new Set(after.map((r) => r.path));
  const inBoth = new Set(before.filter((r) => inAfter.has(r.path)).map((r) => r.path));
  const kinds = new Set(before.filter((r) => r.priority !== undefined && descriptorOf(r.kind).priorityClass !== undefined).map((r) => r.kind));
  const touched: string[] = [];
  for (const kind of kinds) {
    const order = (resources: readonly Resource[]) =>
      resources.filter((r) => r.kind === kind && inBoth.has(r.path)).sort((x, y) => x.priority! - y.priority! || x.path.localeCompare(y.path)).map((r) => r.path);
    const [was, is] = [order(before), order(after)];
    const balance = new Map<string, number>();
    let differing = 0;
    const shift = (key: string, by: number) => {
      const next = (balance.get(key) ?? 0) + by;
      differing += next === 0 ? -1 : balance.get(key) ? 0 : 1;
      balance.set(key, next);
    };
    was.forEach((key, i) => {
      // The same rank and the same objects above it: nothing overtook it or fell behind it.
      if (differing !== 0 || is[i] !== key) touched.push(key);
      shift(key, 1);
      shift(is[i]!, -1);
    });
  }
  return touched;
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
    const key = [...new Set(groups.map((g) => g.toLowerCase()))].sort().join('\n');
    if (audiences.has(key)) return;
    audiences.set(key, [...new Map(groups.map((g) => [g.toLowerCase(), g])).values()].sort((a, b) => a.localeCompare(b)));
  };
  // For each kind, each group its objects target and the objects that target it.
  const targeting = new Map<KindName, Map<string, { name: string; objects: Set<string> }>>();
  for (const resources of [states.before.resources, states.after.resources]) {
    for (const r of resources) {
      let groups = targeting.get(r.kind);
      if (!groups) targeting.set(r.kind, (groups = new Map()));
      for (const { target } of r.assignments) {
        if (!('group' in target)) continue;
        const lower = target.group.toLowerCase();
        let entry = groups.get(lower);
        if (!entry) groups.set(lower, (entry = { name: target.group, objects: new Set<string>() }));
        entry.objects.add(r.path);
      }
    }
  }
  // Objects of one kind with the same targets bring the same audiences.
  const distinct = new Map(touched.map((object) => [`${object.kind} ${JSON.stringify(object.targets)}`, object]));
  for (const object of distinct.values()) {
    for (const member of includes(object.targets)) add(member);
    for (const group of groupsOf(object.targets)) add([group]);
    if (descriptorOf(object.kind).priorityClass === undefined) continue;
    const rivals = [...(targeting.get(object.kind)?.values() ?? [])].filter((g) => g.objects.size > 1 || !g.objects.has(object.key)).map((g) => g.name);
    const own = groupsOf(object.targets.filter((t) => t.type === 'exclusionGroup'));
    for (const member of includes(object.targets)) for (const other of new Set([...rivals, ...own])) add([...member, other]);
  }
  return [...audiences.values()];
}
