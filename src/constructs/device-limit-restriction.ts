import type { Construct } from 'constructs';
import type { AssignmentTarget } from './assignment-target';
import type { PropIssue, ResourceDeclaration } from './enrollment-resource';
import { LIST, type PropShape } from './prop-check';
import { TargetedResource } from './targeted-resource';

/** Properties of a device limit restriction. */
export interface DeviceLimitRestrictionProps {
  /** The name Intune shows; unique among the stack's device limit restrictions. */
  readonly displayName: string;
  /**
   * What the restriction is for.
   * @default - no description
   */
  readonly description?: string;
  /** How many devices one user may enroll: 1 to 15 (EK014). */
  readonly limit: number;
  /**
   * Who the restriction applies to; more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly AssignmentTarget[];
}

const PROPS: PropShape<DeviceLimitRestrictionProps> = { displayName: true, description: true, limit: true, assignments: LIST };

/**
 * A device limit restriction (Devices > Enrollment > Device limit restrictions). Restrictions are
 * ranked by the stack's priority order; the highest one assigned to a user applies.
 */
export class DeviceLimitRestriction extends TargetedResource<'deviceLimitRestriction'> {
  /** How many devices one user may enroll. */
  readonly limit: number;

  constructor(scope: Construct, id: string, props: DeviceLimitRestrictionProps) {
    super(scope, id, 'deviceLimitRestriction', props);
    this.checkProps(props, PROPS);
    this.limit = props.limit;
  }

  /** The restriction as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return this.declarationOf({ limit: this.limit });
  }

  /** EK014: Intune accepts 1 to 15 devices per user. */
  override validateProps(): PropIssue[] {
    if (Number.isInteger(this.limit) && this.limit >= 1 && this.limit <= 15) return [];
    return [
      {
        field: 'limit',
        value: this.limit,
        message: 'a device limit must be a whole number from 1 to 15',
        fix: 'set limit to a whole number between 1 and 15',
        rule: 'EK014',
      },
    ];
  }
}
