import type { Construct } from 'constructs';
import type { AdeAuthentication } from './ade-enrollment-profile';
import { EnrollmentResource, type AssignmentDeclaration, type ResourceDeclaration, type ResourceNaming } from './enrollment-resource';
import { LIST, type PropShape } from './prop-check';

/** Props of an {@link AppleConfiguratorProfile}. */
export interface AppleConfiguratorProfileProps extends ResourceNaming {
  /**
   * Enroll with user affinity (Setup Assistant enrollment: a user signs in), or without it (direct
   * enrollment with the exported .mobileconfig file, or Setup Assistant enrollment without a user).
   */
  readonly userAffinity: boolean;
  /**
   * Where the user authenticates; required with user affinity, not allowed without.
   * @default - none
   */
  readonly authentication?: AdeAuthentication;
  /**
   * Devices (serial numbers imported to the Apple Configurator account) assigned to this profile.
   * @default - none
   */
  readonly serialNumbers?: readonly string[];
}

const PROPS: PropShape<AppleConfiguratorProfileProps> = { displayName: true, description: true, userAffinity: true, authentication: true, serialNumbers: LIST };

/**
 * An Apple Configurator enrollment profile, for organization-owned devices bought outside Apple
 * Business or School Manager. It lives under the account's Apple Configurator enrollment (no token
 * to name); export it with `enrollkit export-profile` for direct enrollment.
 */
export class AppleConfiguratorProfile extends EnrollmentResource<'configuratorProfile'> {
  private readonly props: AppleConfiguratorProfileProps;

  constructor(scope: Construct, id: string, props: AppleConfiguratorProfileProps) {
    super(scope, id, 'configuratorProfile', props);
    this.checkProps(props, PROPS);
    this.props = props;
  }

  /** The profile as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    const p = this.props;
    return this.declarationOf({
      userAffinity: p.userAffinity,
      ...(p.authentication !== undefined ? { authentication: p.authentication } : {}),
      serialNumbers: [...(p.serialNumbers ?? [])],
    });
  }

  protected assignmentDeclarations(): AssignmentDeclaration[] {
    return [];
  }
}
