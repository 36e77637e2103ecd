import { type Assignment, describeTarget } from '../../model';

/** Whether an assignment set reaches a user, and how. */
export interface UserMatch {
  /** True when an include target reaches the user and no exclusion removes them. */
  readonly applies: boolean;
  /** The include targets that reach the user. */
  readonly matchedBy: readonly string[];
  /** The exclusion group that removes the user, when one does. */
  readonly excludedBy?: string;
  /** Assignment filters on the matching targets (not evaluated by a simulation). */
  readonly filters: readonly string[];
}

/** Options of {@link matchUser}. */
export interface MatchOptions {
  /**
   * Whether an "all devices" target reaches the device being enrolled.
   * @default true
   */
  readonly allDevices?: boolean;
}

/** The group names of each membership list, lower-cased once per (immutable) list. */
const lowered = new WeakMap<readonly string[], ReadonlySet<string>>();

function lowerCased(memberOf: readonly string[]): ReadonlySet<string> {
  let groups = lowered.get(memberOf);
  if (!groups) lowered.set(memberOf, (groups = new Set(memberOf.map((g) => g.toLowerCase()))));
  return groups;
}

/**
 * True when an assignment set reaches a member of some groups whatever the {@link MatchOptions}:
 * {@link matchUser} finds that it applies because an include target is all users or one of the
 * groups, and no exclusion names one of them. `isMember` tells whether the group a target names
 * (in any case) is one of them.
 */
export function reachesForCertain(assignments: readonly Assignment[], isMember: (group: string) => boolean): boolean {
  let included = false;
  for (const { target } of assignments) {
    if (target.type === 'exclusionGroup' && isMember(target.group)) return false;
    if (target.type === 'allLicensedUsers' || (target.type === 'group' && isMember(target.group))) included = true;
  }
  return included;
}

/** How an assignment set reaches a user who is a member of `memberOf` (group names, any case). */
export function matchUser(assignments: readonly Assignment[], memberOf: readonly string[], options: MatchOptions = {}): UserMatch {
  const groups = lowerCased(memberOf);
  const exclusion = assignments.find((a) => a.target.type === 'exclusionGroup' && groups.has(a.target.group.toLowerCase()));
  const matching = assignments.filter(({ target }) => {
    switch (target.type) {
      case 'allLicensedUsers':
        return true;
      case 'allDevices':
        return options.allDevices ?? true;
      case 'group':
        return groups.has(target.group.toLowerCase());
      case 'exclusionGroup':
        return false;
    }
  });
  const filters = matching.flatMap(({ target }) => ('filter' in target && target.filter ? [`${target.filter.mode} filter ${target.filter.id}`] : []));
  return {
    applies: matching.length > 0 && !exclusion,
    matchedBy: matching.map((a) => describeTarget(a.target)),
    ...(exclusion && exclusion.target.type === 'exclusionGroup' ? { excludedBy: exclusion.target.group } : {}),
    filters,
  };
}
