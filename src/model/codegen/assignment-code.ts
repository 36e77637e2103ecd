import type { Assignment } from '../assignment';
import type { AssignmentTarget } from '../assignment-target';
import { tsString, tsValue } from './ts-literal';

/** How generated code names the groups that assignments target. */
export interface GroupNaming {
  /** The variable holding the reference to the group with this ID. */
  variable(groupId: string): string;
  /** The group's display name, to order assignments by. */
  displayName(groupId: string): string;
}

const TARGET_RANK: Readonly<Record<AssignmentTarget['type'], number>> = { allLicensedUsers: 0, allDevices: 1, group: 2, exclusionGroup: 3 };

/** `AssignmentTarget.…(…)` for one target. */
export function targetCode(target: AssignmentTarget, groups: GroupNaming): string {
  const options = 'filter' in target && target.filter ? `{ filter: { id: ${tsString(target.filter.id)}, mode: ${tsString(target.filter.mode)} } }` : '';
  switch (target.type) {
    case 'allLicensedUsers':
      return `AssignmentTarget.allUsers(${options})`;
    case 'allDevices':
      return `AssignmentTarget.allDevices(${options})`;
    case 'group':
      return `AssignmentTarget.group(${groups.variable(target.group)}${options ? `, ${options}` : ''})`;
    case 'exclusionGroup':
      return `AssignmentTarget.excludeGroup(${groups.variable(target.group)})`;
  }
}

/** `{ target, intent, settings }` of one assignment, with what it carries. */
export function assignmentCode(assignment: Assignment, groups: GroupNaming): string {
  const intent = assignment.intent !== undefined ? `, intent: ${tsString(assignment.intent)}` : '';
  const settings = assignment.settings && Object.keys(assignment.settings).length > 0 ? `, settings: ${tsValue(assignment.settings)}` : '';
  return `{ target: ${targetCode(assignment.target, groups)}${intent}${settings} }`;
}

/** `{ target, intent, settings }` for one app or web clip assignment, the intent always written. */
export function appAssignmentCode(assignment: Assignment, groups: GroupNaming): string {
  return assignmentCode({ ...assignment, intent: assignment.intent ?? 'required' }, groups);
}

/**
 * Assignments in a fixed order, whatever order the tenant lists them in: all users, all devices,
 * groups and exclusions (each by group name), then by intent and filter.
 */
export function sortedAssignments(assignments: readonly Assignment[], groups: GroupNaming): Assignment[] {
  const key = ({ target, intent }: Assignment): string =>
    [
      TARGET_RANK[target.type],
      'group' in target ? groups.displayName(target.group) : '',
      intent ?? '',
      'filter' in target && target.filter ? `${target.filter.mode}:${target.filter.id}` : '',
    ].join('\u0000');
  return [...assignments].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
