import { z } from 'zod';

/** An Intune assignment filter applied on top of a group or all-users/all-devices target. */
export const AssignmentFilterSchema = z.strictObject({
  /** ID of an existing assignment filter. */
  id: z.uuid({ message: 'expected the GUID of an assignment filter' }),
  /** Whether devices matching the filter are included or excluded. */
  mode: z.enum(['include', 'exclude']),
});

/** An assignment filter. */
export type AssignmentFilter = z.infer<typeof AssignmentFilterSchema>;

/**
 * Who an object applies to. Groups are named by display name; the engine resolves them to IDs
 * (the stack's own groups are created first).
 */
export const AssignmentTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('allLicensedUsers'), filter: AssignmentFilterSchema.optional() }),
  z.strictObject({ type: z.literal('allDevices'), filter: AssignmentFilterSchema.optional() }),
  z.strictObject({ type: z.literal('group'), group: z.string().min(1), filter: AssignmentFilterSchema.optional() }),
  z.strictObject({ type: z.literal('exclusionGroup'), group: z.string().min(1) }),
]);

/** One assignment target. */
export type AssignmentTarget = z.infer<typeof AssignmentTargetSchema>;

/** Graph's `@odata.type` for each target type. */
export const TARGET_ODATA_TYPES: Record<AssignmentTarget['type'], string> = {
  allLicensedUsers: '#microsoft.graph.allLicensedUsersAssignmentTarget',
  allDevices: '#microsoft.graph.allDevicesAssignmentTarget',
  group: '#microsoft.graph.groupAssignmentTarget',
  exclusionGroup: '#microsoft.graph.exclusionGroupAssignmentTarget',
};

/** A target in words, for plans and messages: `group "BYOD users"`, `all users`. */
export function describeTarget(target: AssignmentTarget): string {
  switch (target.type) {
    case 'allLicensedUsers':
      return 'all users';
    case 'allDevices':
      return 'all devices';
    case 'group':
      return `group "${target.group}"`;
    case 'exclusionGroup':
      return `excluded group "${target.group}"`;
  }
}

/** Turns a target into Graph's wire shape, with the group's ID looked up by display name. */
export function targetToGraph(target: AssignmentTarget, groupId: (displayName: string) => string): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.type': TARGET_ODATA_TYPES[target.type] };
  if ('group' in target) body.groupId = groupId(target.group);
  const filter = 'filter' in target ? target.filter : undefined;
  body.deviceAndAppManagementAssignmentFilterId = filter ? filter.id : null;
  body.deviceAndAppManagementAssignmentFilterType = filter ? filter.mode : 'none';
  return body;
}

/**
 * Reads a Graph target back; `groupName` maps a group ID to its display name (or returns the ID
 * when the group is unknown). Returns undefined for target types enrollkit does not manage.
 */
export function targetFromGraph(raw: unknown, groupName: (id: string) => string): AssignmentTarget | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const t = raw as Record<string, unknown>;
  const odataType = String(t['@odata.type'] ?? '').replace(/^#/, '');
  const filterId = t.deviceAndAppManagementAssignmentFilterId;
  const filterType = t.deviceAndAppManagementAssignmentFilterType;
  const filter: { filter?: AssignmentFilter } =
    typeof filterId === 'string' && filterId && (filterType === 'include' || filterType === 'exclude')
      ? { filter: { id: filterId, mode: filterType } }
      : {};
  const groupId = typeof t.groupId === 'string' ? t.groupId : '';
  switch (odataType) {
    case 'microsoft.graph.allLicensedUsersAssignmentTarget':
      return { type: 'allLicensedUsers', ...filter };
    case 'microsoft.graph.allDevicesAssignmentTarget':
      return { type: 'allDevices', ...filter };
    case 'microsoft.graph.groupAssignmentTarget':
      return { type: 'group', group: groupName(groupId), ...filter };
    case 'microsoft.graph.exclusionGroupAssignmentTarget':
      return { type: 'exclusionGroup', group: groupName(groupId) };
    default:
      return undefined;
  }
}
