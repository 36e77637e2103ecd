import type { Assignment, AssignmentTarget } from '../model';

/** The include targets of an assignment set (everything but exclusions). */
export function includedTargets(assignments: readonly Assignment[]): AssignmentTarget[] {
  return assignments.map((a) => a.target).filter((t) => t.type !== 'exclusionGroup');
}

/** The groups an assignment set excludes. */
export function excludedGroups(assignments: readonly Assignment[]): Set<string> {
  return new Set(assignments.flatMap((a) => (a.target.type === 'exclusionGroup' ? [a.target.group] : [])));
}

/** True when an assignment set includes all users or all devices. */
export function reachesEveryone(assignments: readonly Assignment[]): boolean {
  return assignments.some((a) => a.target.type === 'allLicensedUsers' || a.target.type === 'allDevices');
}

/** One covering assignment set, reduced to what coverage asks of it. */
interface CoveringSet {
  readonly everyone: boolean;
  readonly excluded: ReadonlySet<string>;
}

/**
 * What a list of assignment sets reaches, indexed once so that every question costs the size of
 * the subject asked about, not the number of sets: a group is reached by a set that includes the
 * same group or all users/devices, unless that set excludes the group; all users only by a set
 * that reaches all users/devices without exclusions beyond the subject's own.
 */
export class Coverage {
  private readonly byGroup = new Map<string, CoveringSet[]>();
  private readonly everyone: CoveringSet[] = [];
  /** How many of the sets that reach everyone exclude each group. */
  private readonly everyoneExcluding = new Map<string, number>();
  private readonly groupVerdicts = new Map<string, { strict: boolean; loose: boolean }>();
  private readonly everyoneVerdicts = new Map<string, boolean>();

  constructor(by: readonly (readonly Assignment[])[]) {
    for (const assignments of by) {
      const set = { everyone: reachesEveryone(assignments), excluded: excludedGroups(assignments) };
      if (set.everyone) {
        this.everyone.push(set);
        for (const group of set.excluded) this.everyoneExcluding.set(group, (this.everyoneExcluding.get(group) ?? 0) + 1);
      }
      const groups = new Set(assignments.flatMap((a) => (a.target.type === 'group' ? [a.target.group] : [])));
      for (const group of groups) {
        const sets = this.byGroup.get(group);
        if (sets) sets.push(set);
        else this.byGroup.set(group, [set]);
      }
    }
  }

  /**
   * The include targets of `subject` that none of the sets reaches; exclusions of a set that the
   * subject excludes too do not count against it.
   */
  uncovered(subject: readonly Assignment[]): AssignmentTarget[] {
    const exclusions = excludedGroups(subject);
    return includedTargets(subject).filter((t) => !this.covers(t, exclusions));
  }

  private covers(target: AssignmentTarget, subjectExclusions: ReadonlySet<string>): boolean {
    if (target.type === 'group') {
      const verdict = this.groupVerdict(target.group);
      return subjectExclusions.has(target.group) ? verdict.loose : verdict.strict;
    }
    const key = [...subjectExclusions].sort().join('\n');
    let verdict = this.everyoneVerdicts.get(key);
    if (verdict === undefined) {
      verdict = this.everyone.some((set) => [...set.excluded].every((g) => subjectExclusions.has(g)));
      this.everyoneVerdicts.set(key, verdict);
    }
    return verdict;
  }

  /** Whether some set reaches the group: `strict` counting the sets' exclusions, `loose` ignoring them. */
  private groupVerdict(group: string): { strict: boolean; loose: boolean } {
    let verdict = this.groupVerdicts.get(group);
    if (!verdict) {
      const including = this.byGroup.get(group) ?? [];
      verdict = {
        strict: including.some((set) => !set.excluded.has(group)) || this.everyone.length > (this.everyoneExcluding.get(group) ?? 0),
        loose: including.length > 0 || this.everyone.length > 0,
      };
      this.groupVerdicts.set(group, verdict);
    }
    return verdict;
  }
}
