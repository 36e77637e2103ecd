import type { Construct } from 'constructs';
import { compareOsVersions, OsVersionSchema } from '../model';
import type { AssignmentTarget } from './assignment-target';
import type { PropIssue, ResourceDeclaration } from './enrollment-resource';
import { LIST, type PropShape } from './prop-check';
import { TargetedResource } from './targeted-resource';

/** Properties of an iOS/iPadOS device platform restriction. */
export interface PlatformRestrictionProps {
  /** The name Intune shows; unique among the stack's platform restrictions. */
  readonly displayName: string;
  /**
   * What the restriction is for.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Block iOS/iPadOS enrollment altogether.
   * @default false
   */
  readonly platformBlocked?: boolean;
  /**
   * Block enrollment of personally owned devices.
   * @default false
   */
  readonly personalDeviceEnrollmentBlocked?: boolean;
  /**
   * Lowest iOS/iPadOS version allowed to enroll, as major.minor (EK012: a build number can make
   * web-based enrollment fail).
   * @default - no minimum
   */
  readonly osMinimumVersion?: string;
  /**
   * Highest iOS/iPadOS version allowed to enroll, as major.minor.
   * @default - no maximum
   */
  readonly osMaximumVersion?: string;
  /**
   * Who the restriction applies to; more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly AssignmentTarget[];
}

const PROPS: PropShape<PlatformRestrictionProps> = {
  displayName: true,
  description: true,
  platformBlocked: true,
  personalDeviceEnrollmentBlocked: true,
  osMinimumVersion: true,
  osMaximumVersion: true,
  assignments: LIST,
};

/**
 * An iOS/iPadOS device platform restriction (Devices > Enrollment > Device platform restriction).
 * Restrictions are ranked by the stack's priority order; the highest one assigned to a user applies.
 */
export class PlatformRestriction extends TargetedResource<'platformRestriction'> {
  private readonly props: PlatformRestrictionProps;

  constructor(scope: Construct, id: string, props: PlatformRestrictionProps) {
    super(scope, id, 'platformRestriction', props);
    this.checkProps(props, PROPS);
    this.props = props;
  }

  /** The restriction as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    const { osMinimumVersion, osMaximumVersion } = this.props;
    return this.declarationOf({
      platformBlocked: this.props.platformBlocked ?? false,
      personalDeviceEnrollmentBlocked: this.props.personalDeviceEnrollmentBlocked ?? false,
      ...(osMinimumVersion !== undefined ? { osMinimumVersion } : {}),
      ...(osMaximumVersion !== undefined ? { osMaximumVersion } : {}),
    });
  }

  /** The minimum version may not exceed the maximum. */
  override validateProps(): PropIssue[] {
    const { osMinimumVersion: min, osMaximumVersion: max } = this.props;
    if (min === undefined || max === undefined) return [];
    if (!OsVersionSchema.safeParse(min).success || !OsVersionSchema.safeParse(max).success) return [];
    if (compareOsVersions(min, max) <= 0) return [];
    return [
      {
        field: 'osMinimumVersion',
        value: min,
        message: `the minimum OS version is above the maximum "${max}", so no device can enroll`,
        fix: 'swap the two versions or lower osMinimumVersion',
      },
    ];
  }
}
