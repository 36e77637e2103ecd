import { descriptorOf, type KindName, type Resource } from '../../model';
import { reachesForCertain, type EnrollmentState } from '../../rules';
import { addTo } from './add-to';

/** A state's objects, indexed once for every audience: by kind, by rank in their priority class, and by whom their include targets reach. */
export interface StateIndex {
  /** The state indexed. */
  readonly state: EnrollmentState;
  /** The objects of a kind, in state order. */
  readonly ofKind: (kind: KindName) => readonly Resource[];
  /**
   * The objects that can change how enrollment resolves for a member of these groups, in state
   * order: those that can reach the member (an include target is one of the groups, all users or
   * all devices), less those of a priority class ranked below one that reaches the member for
   * certain (the resolver takes the highest-ranked object of a class that applies).
   */
  readonly reach: (groups: readonly string[]) => EnrollmentState;
}

/** Each prioritised object's rank in its class (0 the highest): priority order, then state order. */
function ranks(byKind: ReadonlyMap<KindName, Resource[]>): Map<Resource, number> {
  const rank = new Map<Resource, number>();
  for (const [kind, objects] of byKind) {
    if (descriptorOf(kind).priorityClass === undefined) continue;
    // Stable: objects of equal (or no) priority keep their state order, as the resolver ranks them.
    [...objects].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity)).forEach((r, i) => rank.set(r, i));
  }
  return rank;
}

/** Indexes a state in one pass over its objects and their targets. */
export function stateIndex(state: EnrollmentState): StateIndex {
  const byKind = new Map<KindName, Resource[]>();
  const everyone: number[] = [];
  // Positions in the state of the objects that include each group (lower-cased).
  const byGroup = new Map<string, number[]>();
  state.resources.forEach((r, i) => {
    addTo(byKind, r.kind, r);
    let all = false;
    for (const { target } of r.assignments) {
      if (target.type === 'allLicensedUsers' || target.type === 'allDevices') all = true;
      else if (target.type === 'group') addTo(byGroup, target.group.toLowerCase(), i);
    }
    if (all) everyone.push(i);
  });
  const rank = ranks(byKind);
  return {
    state,
    ofKind: (kind) => byKind.get(kind) ?? [],
    reach: (groups) => {
      const positions = groups.length === 0 ? everyone : [...new Set([...everyone, ...groups.flatMap((g) => byGroup.get(g.toLowerCase()) ?? [])])].sort((a, b) => a - b);
      const reached = positions.map((i) => state.resources[i]!);
      const highest = new Map<KindName, number>();
      for (const r of reached) {
        const at = rank.get(r);
        if (at !== undefined && at < (highest.get(r.kind) ?? Infinity) && reachesForCertain(r.assignments, groups)) highest.set(r.kind, at);
      }
      const outranked = (r: Resource) => {
        const [at, top] = [rank.get(r), highest.get(r.kind)];
        return at !== undefined && top !== undefined && at > top;
      };
      return { ...state, resources: reached.filter((r) => !outranked(r)) };
    },
  };
}
