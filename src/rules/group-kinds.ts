import { membersOfRule, type AssignmentTarget, type Assignment } from '../model';
import type { RuleContext } from './rule';
import type { TenantGroup } from './tenant-facts';

/** Who the group of a display name holds, as far as the known groups tell. */
export type GroupMembersOf = (displayName: string) => TenantGroup['members'];

/**
 * Who each known group (the stack's, then the tenant's) holds: what its declaration says, else
 * what its dynamic rule selects. Indexed once per check.
 */
export function knownGroupMembers(context: RuleContext): GroupMembersOf {
  const byName = new Map<string, TenantGroup[]>();
  for (const group of [...context.manifest.groups, ...(context.facts.groups ?? [])]) {
    const matches = byName.get(group.displayName);
    if (matches) matches.push(group);
    else byName.set(group.displayName, [group]);
  }
  const members = new Map<string, TenantGroup['members']>();
  return (displayName) => {
    let found = members.get(displayName);
    if (found === undefined) {
      const matches = byName.get(displayName) ?? [];
      found =
        matches.find((g) => g.members !== 'unknown')?.members ??
        matches.map((g) => membersOfRule(g.membershipRule)).find((m) => m !== 'unknown') ??
        'unknown';
      members.set(displayName, found);
    }
    return found;
  };
}

/** The targets of an assignment set that reach devices rather than users: all devices and device groups. */
export function deviceTargets(assignments: readonly Assignment[], membersOf: GroupMembersOf): AssignmentTarget[] {
  return assignments
    .map((a) => a.target)
    .filter((t) => t.type === 'allDevices' || (t.type === 'group' && membersOf(t.group) === 'devices'));
}
