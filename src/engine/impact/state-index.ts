import { descriptorOf, type KindName, type Resource } from '../../model';
import { reachesForCertain, type EnrollmentState } from '../../rules';
import { addTo } from './add-to';

/** The objects of a state that can change how enrollment resolves for a member of some groups. */
export interface Reach {
  /** The state of those objects alone, in state order. */
  readonly state: EnrollmentState;
  /**
   * The same for two reaches of one index whose members are in the same of the groups the state's
   * targets name: they reach the same objects, and the resolver, which reads a member's groups
   * only to match them with targets, resolves both alike.
   */
  readonly key: string;
}

/**
 * A state's objects that some audience can be reached by, indexed once for every audience: by
 * rank in their priority class, and by whom their include targets reach.
 */
export interface StateIndex {
  /** The objects of the state that can reach a member of some of the groups indexed for, in state order. */
  readonly state: EnrollmentState;
  /**
   * The objects that can change how enrollment resolves for a member of these groups, in state
   * order: those that can reach the member (an include target is one of the groups, all users or
   * all devices), less those of a priority class ranked below one that reaches the member for
   * certain (the resolver takes the highest-ranked object of a class that applies).
   */
  readonly reach: (groups: readonly string[]) => Reach;
}

/** The positions in both ascending lists of positions, once each, in ascending order. */
function union(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    merged.push(Math.min(x, y));
    if (x <= y) i += 1;
    if (y <= x) j += 1;
  }
  return merged;
}

/**
 * Each prioritised object's rank in its class (0 the highest) by its position in the state, -1
 * for the others: priority order, then state order. Also the number of each object's kind among
 * the prioritised kinds (-1 for the others), so that a reach compares ranks without looking up kinds.
 */
function ranks(state: EnrollmentState, byKind: ReadonlyMap<KindName, number[]>): { rank: Int32Array; rankedKind: Int32Array; rankedKinds: number } {
  const rank = new Int32Array(state.resources.length).fill(-1);
  const rankedKind = new Int32Array(state.resources.length).fill(-1);
  let rankedKinds = 0;
  for (const [kind, positions] of byKind) {
    if (descriptorOf(kind).priorityClass === undefined) continue;
    const number = rankedKinds++;
    const priority = positions.map((at) => state.resources[at]!.priority ?? Infinity);
    // Stable: objects of equal (or no) priority keep their state order, as the resolver ranks them.
    [...positions.keys()].sort((a, b) => priority[a]! - priority[b]!).forEach((k, i) => {
      rank[positions[k]!] = i;
      rankedKind[positions[k]!] = number;
    });
  }
  return { rank, rankedKind, rankedKinds };
}

/**
 * Indexes a state for audiences whose groups are among `groups` (lower-cased), in one pass over
 * its objects and their targets. An object that includes none of those groups, all users or all
 * devices reaches none of these audiences, so it is left out: the index holds what the change
 * can reach, not the whole tenant.
 */
export function stateIndex(whole: EnrollmentState, groups: ReadonlySet<string>): StateIndex {
  const resources: Resource[] = [];
  const byKind = new Map<KindName, number[]>();
  const everyone: number[] = [];
  // Positions in the state of the objects that include each group, and the groups excluded (lower-cased).
  const byGroup = new Map<string, number[]>();
  const excluded = new Set<string>();
  // Objects name the same few groups over and over: each name is lower-cased once.
  const lowered = new Map<string, string>();
  const lower = (name: string) => {
    let low = lowered.get(name);
    if (low === undefined) lowered.set(name, (low = name.toLowerCase()));
    return low;
  };
  for (const r of whole.resources) {
    let all = false;
    let reaches = false;
    for (const { target } of r.assignments) {
      if (target.type === 'allLicensedUsers' || target.type === 'allDevices') all = true;
      else if (target.type !== 'exclusionGroup' && groups.has(lower(target.group))) reaches = true;
    }
    if (!all && !reaches) continue;
    const i = resources.push(r) - 1;
    addTo(byKind, r.kind, i);
    for (const { target } of r.assignments) {
      if (target.type === 'allLicensedUsers' || target.type === 'allDevices') continue;
      if (target.type === 'exclusionGroup') excluded.add(lower(target.group));
      else {
        const group = lower(target.group);
        const including = byGroup.get(group);
        if (!including) byGroup.set(group, [i]);
        // An object that includes a group twice is listed once.
        else if (including[including.length - 1] !== i) including.push(i);
      }
    }
    if (all) everyone.push(i);
  }
  const state = { ...whole, resources };
  const { rank, rankedKind, rankedKinds } = ranks(state, byKind);
  return {
    state,
    reach: (audience) => {
      const memberOf = audience.map((g) => g.toLowerCase());
      const isMember = (group: string) => memberOf.includes(lower(group));
      const positions = memberOf.reduce((reached, g) => union(reached, byGroup.get(g) ?? []), everyone as readonly number[]);
      // The highest rank in each prioritised kind of an object that reaches the member for certain.
      const highest = new Int32Array(rankedKinds).fill(0x7fffffff);
      for (const i of positions) {
        const kind = rankedKind[i]!;
        if (kind >= 0 && rank[i]! < highest[kind]! && reachesForCertain(state.resources[i]!.assignments, isMember)) highest[kind] = rank[i]!;
      }
      const reached: Resource[] = [];
      for (const i of positions) if (rankedKind[i]! < 0 || rank[i]! <= highest[rankedKind[i]!]!) reached.push(state.resources[i]!);
      const named = memberOf.filter((g) => byGroup.has(g) || excluded.has(g));
      return { state: { ...state, resources: reached }, key: [...new Set(named)].sort().join('\n') };
    },
  };
}
