import { DataAzureadGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { Token } from 'cdktf';
import { mailNicknameFor, membersOfRule, type GroupSpec } from '../model';
import type { GroupMembers, IEntraGroup, PropIssue } from '../constructs';

/** Options of an azuread group used as an assignment target. */
export interface AzureadGroupOptions {
  /**
   * Whether the group holds users or devices.
   * @default - derived from the dynamic membership rule of a `Group`; unknown otherwise
   */
  readonly members?: GroupMembers;
}

/**
 * An azuread `Group` resource or `DataAzureadGroup` data source of a cdktf app as an Entra group
 * that enrollkit targets can name: `AssignmentTarget.group(azureadGroup(users))`. A `Group` is
 * declared in the manifest (enrollkit's apply creates it when missing, so plans work before
 * Terraform ran: give it `preventDuplicateNames: true`, or Terraform creates a second group of the
 * same name unless its state imports the first); a `DataAzureadGroup` is referenced. Both are
 * named by their display name, and
 * every input enrollkit reads must be a literal: a missing display name or a Terraform reference
 * is reported at synth with the stack's other problems.
 */
export function azureadGroup(group: Group | DataAzureadGroup, options: AzureadGroupOptions = {}): IEntraGroup {
  const construct = group instanceof Group ? 'Group' : 'DataAzureadGroup';
  const issues: PropIssue[] = [];
  const literal = <T extends string | undefined>(value: T, field: string): T => {
    if (value !== undefined && Token.isUnresolved(value)) {
      issues.push({
        field,
        value,
        message: 'the value is a Terraform reference, known only when Terraform runs, but enrollkit names and declares groups by literal values',
        fix: `give ${field} of the ${construct} as a plain string`,
      });
    }
    return value;
  };
  const displayName = literal(group.displayNameInput, 'displayName') ?? '';
  if (displayName === '') {
    issues.push({
      field: 'displayName',
      value: group.displayNameInput,
      message: 'the azuread group has no display name, and enrollkit targets name groups by display name',
      fix: `set displayName on the ${construct}${group instanceof DataAzureadGroup ? ' (find the group by display name, not by object ID)' : ''}`,
    });
  }
  const validateProps = (): PropIssue[] => [...issues];
  const path = group.node.path;
  if (group instanceof DataAzureadGroup) {
    const spec: GroupSpec = { displayName, declared: false, path, members: options.members ?? 'unknown' };
    return { displayName, toGroupSpec: () => spec, validateProps };
  }
  const description = literal(group.descriptionInput, 'description');
  const mailNickname = literal(group.mailNicknameInput, 'mailNickname');
  const membershipRule = literal(group.dynamicMembershipInput?.rule, 'dynamicMembership.rule');
  const spec: GroupSpec = {
    displayName,
    declared: true,
    path,
    ...(description !== undefined ? { description } : {}),
    mailNickname: mailNickname ?? mailNicknameFor(displayName),
    ...(membershipRule !== undefined ? { membershipRule } : {}),
    members: options.members ?? membersOfRule(membershipRule),
  };
  return { displayName, toGroupSpec: () => spec, validateProps };
}
