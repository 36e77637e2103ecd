import { z } from 'zod';
import { graphProtocol } from './graph-protocol';

/** Who a group holds, as far as enrollment rules care (EK007, EK008). */
export const GroupMembersSchema = z.enum(['users', 'devices', 'unknown']);

/** An Entra group that assignments name: declared by the stack (created when missing) or referenced. */
export const GroupSpecSchema = z.strictObject({
  /** The group's display name: how assignments name it. */
  displayName: z.string().min(1).max(256),
  /** True when the stack declares the group and creates it if missing; false for a reference. */
  declared: z.boolean(),
  /** Construct path of the declaration or reference. */
  path: z.string(),
  /** Description of a declared group. */
  description: z.string().optional(),
  /** Mail nickname of a declared group (Graph requires one even for security groups). */
  mailNickname: z.string().optional(),
  /** Dynamic membership rule of a declared group. */
  membershipRule: z.string().optional(),
  /** Whether the group holds users or devices, when known. */
  members: GroupMembersSchema,
});

/** An Entra group of the desired state. */
export type GroupSpec = z.infer<typeof GroupSpecSchema>;

/** What a dynamic membership rule selects: rules on `device.` properties make a device group. */
export function membersOfRule(rule: string | undefined | null): z.infer<typeof GroupMembersSchema> {
  if (!rule) return 'unknown';
  if (/\bdevice\./i.test(rule)) return 'devices';
  if (/\buser\./i.test(rule)) return 'users';
  return 'unknown';
}

/** A mail nickname Graph accepts, derived from a display name. */
export function mailNicknameFor(displayName: string): string {
  const nick = displayName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 64);
  return nick || 'group';
}

/** How Entra groups are written: plain `/groups` of Graph v1.0, with no assignments of their own. */
export const GROUP_PROTOCOL = graphProtocol({
  version: 'v1.0',
  collection: '/groups',
  odataType: '#microsoft.graph.group',
  listTypes: [],
  expandAssignments: false,
  assign: { style: 'none' },
});

/** Application permissions Graph accepts for creating groups. */
export const GROUP_WRITE_PERMISSIONS = ['Group.Create', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'];
