import { DataAzureadGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { Token } from 'cdktf';
import { mailNicknameFor, membersOfRule, type GroupSpec } from '../model';
import type { GroupMembers, IEntraGroup } from '../constructs';

/** Options of an azuread group used as an assignment target. */
export interface AzureadGroupOptions {
  /**
   * Whether the group holds users or devices.
   * @default - derived from the dynamic membership rule of a `Group`; unknown otherwise
   */
  readonly members?: GroupMembers;
}

/** A literal string input of the azuread construct, or an error that says how to give one. */
function literal(value: string | undefined, what: string, path: string): string | undefined {
  if (value !== undefined && Token.isUnresolved(value)) {
    throw new Error(
      `the ${what} of azuread group '${path}' is a Terraform reference (got "${value}"), but enrollkit names groups by literal values. Fix: give the ${what} as a plain string.`,
    );
  }
  return value;
}

/**
 * An azuread `Group` resource or `DataAzureadGroup` data source of a cdktf app as an Entra group
 * that enrollkit targets can name: `AssignmentTarget.group(azureadGroup(users))`. A `Group` is
 * declared in the manifest (enrollkit's apply creates it when missing, so plans work before
 * Terraform ran); a `DataAzureadGroup` is referenced. Both are named by their display name.
 */
export function azureadGroup(group: Group | DataAzureadGroup, options: AzureadGroupOptions = {}): IEntraGroup {
  const path = group.node.path;
  const displayName = literal(group.displayNameInput, 'display name', path);
  if (!displayName) {
    throw new Error(
      `azuread group '${path}' has no display name (got ${JSON.stringify(group.displayNameInput)}), and enrollkit names groups by display name. Fix: set displayName on the ${group instanceof Group ? 'Group' : 'DataAzureadGroup'}.`,
    );
  }
  if (group instanceof Group) {
    const description = literal(group.descriptionInput, 'description', path);
    const mailNickname = literal(group.mailNicknameInput, 'mail nickname', path);
    const rule = group.dynamicMembershipInput?.rule;
    const membershipRule = rule === undefined ? undefined : literal(rule, 'dynamic membership rule', path);
    const spec: GroupSpec = {
      displayName,
      declared: true,
      path,
      ...(description !== undefined ? { description } : {}),
      mailNickname: mailNickname ?? mailNicknameFor(displayName),
      ...(membershipRule !== undefined ? { membershipRule } : {}),
      members: options.members ?? membersOfRule(membershipRule),
    };
    return { displayName, toGroupSpec: () => spec };
  }
  const spec: GroupSpec = { displayName, declared: false, path, members: options.members ?? 'unknown' };
  return { displayName, toGroupSpec: () => spec };
}
