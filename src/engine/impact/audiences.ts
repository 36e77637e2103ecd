import { descriptorOf, type Assignment, type AssignmentTarget, type KindName } from '../../model';
import type { Plan } from '../plan-types';
import { compareNames } from './compare-names';
import type { ImpactStates, PriorityClassOrders } from './impact-states';
import type { ObjectsByKind } from './objects-by-kind';

/** An object whose change can alter someone's enrollment, and the targets that change reaches. */
interface TouchedObject {
  readonly key: string;
  readonly kind: KindName;
  readonly targets: readonly AssignmentTarget[];
}

/** The groups a user is a member of, for one resolution; empty for a user in none of the groups named. */
export type Audience = readonly string[];

/**
 * Objects of a priority class whose order relative to another object present in both states
 * changes: those whose rank, or the set of objects above them, differs.
 */
function reordered(orders: readonly PriorityClassOrders[]): string[] {
  const touched: string[] = [];
  for (const { before: was, after: is } of orders) {
    const balance = new Map<string, number>();
    let differing = 0;
    const shift = (key: string, by: number) => {
      const next = (balance.get(key) ?? 0) + by;
      differing += next === 0 ? -1 : balance.get(key) ? 0 : 1;
      balance.set(key, next);
    };
    was.forEach((key, i) => {
      // The same rank and the same objects above it: nothing overtook it or fell behind it.
      if (differing === 0 && is[i] === key) return;
      touched.push(key);
      shift(key, 1);
      shift(is[i]!, -1);
    });
  }
  return touched;
}

/** The objects the plan's changes and moves touch, with the targets whose users may notice. */
export function touchedObjects(plan: Plan, states: ImpactStates): TouchedObject[] {
  const { beforeByPath: before, afterByPath: after } = states;
  const touched = new Map<string, { key: string; kind: KindName; targets: AssignmentTarget[] }>();
  // The targets of the assignments given, else of the object's assignments in both states.
  const touch = (key: string, kind: KindName, assignments?: readonly (readonly Assignment[])[]) => {
    let object = touched.get(key);
    if (object) object.kind = kind;
    else touched.set(key, (object = { key, kind, targets: [] }));
    for (const list of assignments ?? [before.get(key)?.assignments ?? [], after.get(key)?.assignments ?? []]) for (const a of list) object.targets.push(a.target);
  };
  for (const c of plan.changes) {
    if (c.action === 'unchanged' || c.action === 'conflict') continue;
    const key = (c.id === undefined ? undefined : states.keyOfId(c.id)) ?? c.path;
    if (key === undefined) continue;
    touch(key, c.kind, c.referenced ? [c.assignments.add, c.assignments.remove] : undefined);
  }
  for (const key of reordered(states.orders)) touch(key, (before.get(key) ?? after.get(key))!.kind);
  return [...touched.values()];
}

function includes(targets: readonly AssignmentTarget[]): Audience[] {
  return targets.flatMap((t) => (t.type === 'group' ? [[t.group]] : t.type === 'exclusionGroup' ? [] : [[]]));
}

function groupsOf(targets: readonly AssignmentTarget[]): string[] {
  return targets.flatMap((t) => ('group' in t ? [t.group] : []));
}

/**
 * Which groups (lower-cased) the objects of a kind target in either state, each with the object
 * that targets it while only one does (`undefined` once two do).
 */
type Targeting = Map<string, { readonly name: string; only: string | undefined }>;

function targetingOf(kind: KindName, states: readonly ObjectsByKind[]): Targeting {
  const groups: Targeting = new Map();
  for (const ofKind of states) {
    for (const r of ofKind(kind)) {
      for (const { target } of r.assignments) {
        if (!('group' in target)) continue;
        const lower = target.group.toLowerCase();
        const entry = groups.get(lower);
        if (!entry) groups.set(lower, { name: target.group, only: r.path });
        else if (entry.only !== r.path) entry.only = undefined;
      }
    }
  }
  return groups;
}

/** A node of {@link alike}'s tree: the objects that have come this way, and the ways on. */
interface AlikeNode {
  next?: Map<string, AlikeNode>;
  alike?: { readonly object: TouchedObject; count: number };
}

function down(node: AlikeNode, part: string): AlikeNode {
  node.next ??= new Map();
  let child = node.next.get(part);
  if (!child) node.next.set(part, (child = {}));
  return child;
}

/**
 * The touched objects that bring the same audiences, which depend on an object's kind and whom its
 * targets name: the first of each such set and how many there are, in the order first seen. The
 * sets are found through a tree of the objects' own strings (kind, then each target's type and
 * group), so that no key is built per object.
 */
function alike(touched: readonly TouchedObject[]): { readonly object: TouchedObject; count: number }[] {
  const root: AlikeNode = {};
  const found: { readonly object: TouchedObject; count: number }[] = [];
  for (const object of touched) {
    let node = down(root, object.kind);
    for (const t of object.targets) node = down(down(node, t.type), 'group' in t ? t.group : '');
    if (node.alike) node.alike.count += 1;
    else found.push((node.alike = { object, count: 1 }));
  }
  return found;
}

/** What tells audiences apart: their groups, lower-cased, once each, in code unit order. */
function audienceId(lower: readonly string[]): string {
  if (lower.length < 2) return lower[0] ?? '';
  const [a, b] = lower as [string, string];
  if (lower.length === 2) return a === b ? a : a < b ? `${a}\n${b}` : `${b}\n${a}`;
  return [...new Set(lower)].sort().join('\n');
}

/**
 * Who to resolve: a member of each group the touched objects target (and a user in none of them
 * when one targets all users or all devices), and a member of both groups of each pair that
 * competes: an included group with an excluded one of the same object, or with a group of
 * another object of the same priority class. Each object is touched once, as
 * {@link touchedObjects} lists them.
 */
export function audiencesOf(touched: readonly TouchedObject[], before: ObjectsByKind, after: ObjectsByKind): Audience[] {
  const audiences = new Map<string, Audience>();
  const add = (groups: readonly string[]) => {
    const key = audienceId(groups.map((g) => g.toLowerCase()));
    if (audiences.has(key)) return;
    audiences.set(key, [...new Map(groups.map((g) => [g.toLowerCase(), g])).values()].sort(compareNames));
  };
  const targeting = new Map<KindName, Targeting>();
  // How many objects bring the same audiences counts for rivals.
  for (const { object, count } of alike(touched)) {
    for (const member of includes(object.targets)) add(member);
    for (const group of groupsOf(object.targets)) add([group]);
    if (descriptorOf(object.kind).priorityClass === undefined) continue;
    let groups = targeting.get(object.kind);
    if (!groups) targeting.set(object.kind, (groups = targetingOf(object.kind, [before, after])));
    // A group is a rival when an object other than (one of) these targets it.
    const rivals = [...groups.values()].filter((g) => g.only === undefined || count > 1 || g.only !== object.key).map((g) => g.name);
    const others = new Set([...rivals, ...groupsOf(object.targets.filter((t) => t.type === 'exclusionGroup'))]);
    for (const member of includes(object.targets)) for (const other of others) add([...member, other]);
  }
  return [...audiences.values()];
}
