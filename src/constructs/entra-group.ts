import { Construct } from 'constructs';
import { mailNicknameFor, membersOfRule, type GroupSpec } from '../model';
import type { PropIssue } from './enrollment-resource';
import { checkProps, type PropShape } from './prop-check';

const ENTRA_GROUP = Symbol.for('enrollkit.EntraGroup');

/** Who a group holds, as far as enrollment rules care. */
export type GroupMembers = 'users' | 'devices';

/** An Entra group that assignments can target: declared by a stack, referenced, or declared elsewhere. */
export interface IEntraGroup {
  /** The group's display name: how assignments name it. */
  readonly displayName: string;
  /** The group as a manifest lists it. */
  toGroupSpec(): GroupSpec;
  /**
   * Problems of the group's declaration that its spec cannot show; each stack that lists the group
   * reports them at synth under the spec's path.
   * @default - none
   */
  validateProps?(): PropIssue[];
}

/** Properties of a group the stack declares (and creates when missing). */
export interface EntraGroupProps {
  /** The group's display name; assignments name the group by it. */
  readonly displayName: string;
  /**
   * The group's description.
   * @default - no description
   */
  readonly description?: string;
  /**
   * The mail nickname Graph requires even for security groups.
   * @default - derived from the display name
   */
  readonly mailNickname?: string;
  /**
   * A dynamic membership rule, such as `(user.department -eq "Sales")`.
   * @default - an assigned (static) group
   */
  readonly membershipRule?: string;
  /**
   * Whether the group holds users or devices.
   * @default - derived from `membershipRule` (`device.` properties make a device group); unknown without a rule
   */
  readonly members?: GroupMembers;
}

/** Options of a reference to a group that exists already. */
export interface EntraGroupReferenceOptions {
  /**
   * Whether the group holds users or devices, so rules such as EK007 can check assignments.
   * @default - unknown
   */
  readonly members?: GroupMembers;
}

const PROPS: PropShape<EntraGroupProps> = { displayName: true, description: true, mailNickname: true, membershipRule: true, members: true };
const REFERENCE_OPTIONS: PropShape<EntraGroupReferenceOptions> = { members: true };

/** A group that exists already, referenced by display name; never changed or deleted. */
class ReferencedEntraGroup extends Construct implements IEntraGroup {
  readonly displayName: string;
  private readonly options: EntraGroupReferenceOptions;

  constructor(scope: Construct, id: string, displayName: string, options: EntraGroupReferenceOptions) {
    super(scope, id);
    Object.defineProperty(this, ENTRA_GROUP, { value: true });
    this.displayName = displayName;
    this.options = options;
  }

  validateProps(): PropIssue[] {
    return [...checkProps(this.options, REFERENCE_OPTIONS, 'EntraGroup.fromDisplayName').issues];
  }

  toGroupSpec(): GroupSpec {
    return { displayName: this.displayName, declared: false, path: this.node.path, members: this.options.members ?? 'unknown' };
  }
}

/**
 * An Entra ID security group that the stack declares: created when missing. Reference a group that
 * exists already with `EntraGroup.fromDisplayName(...)`.
 */
export class EntraGroup extends Construct implements IEntraGroup {
  /**
   * References a group that exists in the tenant, by display name. The stack never changes or
   * deletes it.
   */
  static fromDisplayName(scope: Construct, id: string, displayName: string, options: EntraGroupReferenceOptions = {}): IEntraGroup {
    return new ReferencedEntraGroup(scope, id, displayName, options);
  }

  /** True when `x` is a group construct: declared with `new EntraGroup` or made by `fromDisplayName`. */
  static isEntraGroup(x: unknown): x is IEntraGroup & Construct {
    return typeof x === 'object' && x !== null && ENTRA_GROUP in x;
  }

  /** The group's display name. */
  readonly displayName: string;
  private readonly props: EntraGroupProps;

  constructor(scope: Construct, id: string, props: EntraGroupProps) {
    super(scope, id);
    Object.defineProperty(this, ENTRA_GROUP, { value: true });
    this.displayName = props.displayName;
    this.props = props;
  }

  /** Unknown props, reported at synth by each stack that lists the group. */
  validateProps(): PropIssue[] {
    return [...checkProps(this.props, PROPS, 'EntraGroup').issues];
  }

  /** The group as a manifest lists it. */
  toGroupSpec(): GroupSpec {
    return {
      displayName: this.displayName,
      declared: true,
      path: this.node.path,
      ...(this.props.description !== undefined ? { description: this.props.description } : {}),
      mailNickname: this.props.mailNickname ?? mailNicknameFor(this.displayName),
      ...(this.props.membershipRule !== undefined ? { membershipRule: this.props.membershipRule } : {}),
      members: this.props.members ?? membersOfRule(this.props.membershipRule),
    };
  }
}
