import type { Construct } from 'constructs';
import type { AssignmentTarget } from './assignment-target';
import type { PropIssue, ResourceDeclaration } from './enrollment-resource';
import { ENROLLMENT_TYPE, type EnrollmentType } from './enrollment-type';
import { LIST, type PropShape } from './prop-check';
import { TargetedResource } from './targeted-resource';

/** Properties of an enrollment type profile. */
export interface EnrollmentTypeProfileProps {
  /** The name Intune shows; unique among the stack's enrollment type profiles. */
  readonly displayName: string;
  /**
   * What the profile is for; device users do not see it.
   * @default - no description
   */
  readonly description?: string;
  /** How devices enroll, e.g. `EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT`. */
  readonly enrollmentType: EnrollmentType;
  /**
   * Who gets the profile; more can be added with `addAssignment`. A profile needs at least one.
   * @default - none
   */
  readonly assignments?: readonly AssignmentTarget[];
}

const PROPS: PropShape<EnrollmentTypeProfileProps> = { displayName: true, description: true, enrollmentType: ENROLLMENT_TYPE, assignments: LIST };

/**
 * An iOS/iPadOS enrollment type profile (Devices > Enrollment > Apple > Enrollment types): decides
 * how a user's personal device enrolls. Profiles are ranked by the stack's priority order.
 */
export class EnrollmentTypeProfile extends TargetedResource<'enrollmentTypeProfile'> {
  /** How devices enroll. */
  readonly enrollmentType: EnrollmentType;

  constructor(scope: Construct, id: string, props: EnrollmentTypeProfileProps) {
    super(scope, id, 'enrollmentTypeProfile', props);
    this.checkProps(props, PROPS);
    this.enrollmentType = props.enrollmentType;
  }

  /** The profile as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return this.declarationOf(this.enrollmentType.toSpec());
  }

  /** A profile without assignments applies to nobody. */
  override validateProps(): PropIssue[] {
    if (this.assignments.length > 0) return [];
    return [
      {
        field: 'assignments',
        value: [],
        message: 'the enrollment type profile has no assignments, so it applies to nobody',
        fix: 'add a target, e.g. profile.addAssignment(AssignmentTarget.group(users))',
      },
    ];
  }

  override propNameOf(specField: string): string {
    return specField === 'userChoice' ? 'enrollmentType.userChoice' : specField;
  }
}
