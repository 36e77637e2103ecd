import { membersOfRule, type AssignmentTarget, type Assignment } from '../model';
import type { RuleContext } from './rule';
import type { TenantGroup } from './tenant-facts';

/** The groups known to a check: the stack's, then the tenant's. */
export function knownGroups(context: RuleContext): readonly TenantGroup[] {
  return [...context.manifest.groups, ...(context.facts.groups ?? [])];
}

/** Who a group holds: what its declaration says, else what its dynamic rule selects. */
export function groupMembers(displayName: string, groups: readonly TenantGroup[]): TenantGroup['members'] {
  const matches = groups.filter((g) => g.displayName === displayName);
  const stated = matches.find((g) => g.members !== 'unknown');
  if (stated) return stated.members;
  const ruled = matches.map((g) => membersOfRule(g.membershipRule)).find((m) => m !== 'unknown');
  return ruled ?? 'unknown';
}

/** The targets of an assignment set that reach devices rather than users: all devices and device groups. */
export function deviceTargets(assignments: readonly Assignment[], groups: readonly TenantGroup[]): AssignmentTarget[] {
  return assignments
    .map((a) => a.target)
    .filter((t) => t.type === 'allDevices' || (t.type === 'group' && groupMembers(t.group, groups) === 'devices'));
}
