import type { Assignment, AssignmentTarget } from '../model';

/** The include targets of an assignment set (everything but exclusions). */
export function includedTargets(assignments: readonly Assignment[]): AssignmentTarget[] {
  return assignments.map((a) => a.target).filter((t) => t.type !== 'exclusionGroup');
}

function excludedGroups(assignments: readonly Assignment[]): Set<string> {
  return new Set(assignments.flatMap((a) => (a.target.type === 'exclusionGroup' ? [a.target.group] : [])));
}

function reachesEveryone(assignments: readonly Assignment[]): boolean {
  return assignments.some((a) => a.target.type === 'allLicensedUsers' || a.target.type === 'allDevices');
}

function covers(by: readonly Assignment[], target: AssignmentTarget, subjectExclusions: ReadonlySet<string>): boolean {
  const excluded = [...excludedGroups(by)].filter((g) => !subjectExclusions.has(g));
  if (target.type === 'group') {
    if (excluded.includes(target.group)) return false;
    return reachesEveryone(by) || by.some((a) => a.target.type === 'group' && a.target.group === target.group);
  }
  return reachesEveryone(by) && excluded.length === 0;
}

/**
 * The include targets of `subject` that none of the assignment sets `by` reaches: a group is
 * reached by the same group or by all users/devices, unless `by` excludes it; all users only by
 * all users/devices without extra exclusions.
 */
export function uncoveredTargets(subject: readonly Assignment[], by: readonly (readonly Assignment[])[]): AssignmentTarget[] {
  const exclusions = excludedGroups(subject);
  return includedTargets(subject).filter((t) => !by.some((set) => covers(set, t, exclusions)));
}

