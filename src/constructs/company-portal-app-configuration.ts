import type { Construct } from 'constructs';
import { COMPANY_PORTAL } from '../model';
import type { ResourceDeclaration } from './enrollment-resource';
import { LIST, type PropShape } from './prop-check';
import { TargetedResource, type TargetedResourceProps } from './targeted-resource';

/** Props of a {@link CompanyPortalAppConfiguration}. */
export interface CompanyPortalAppConfigurationProps extends TargetedResourceProps {
  /**
   * The devices it goes to enrolled with user affinity (Company Portal signs the user in to an
   * enrolled device), or without it (Device Staging: the policy is used once).
   * @default true
   */
  readonly userAffinity?: boolean;
}

const PROPS: PropShape<CompanyPortalAppConfigurationProps> = { displayName: true, description: true, assignments: LIST, userAffinity: true };

/**
 * The app configuration policy that tells the Company Portal VPP app a device enrolled through ADE
 * or Apple Configurator is enrolled already (seed 003: "Configure the Company Portal app to support
 * iOS and iPadOS DEP devices"). Assign it to the same device groups as the enrollment profile's
 * devices; a profile that installs Company Portal with VPP gets it from Intune without one.
 */
export class CompanyPortalAppConfiguration extends TargetedResource<'companyPortalConfiguration'> {
  /** Whether the devices enrolled with user affinity. */
  readonly userAffinity: boolean;

  constructor(scope: Construct, id: string, props: CompanyPortalAppConfigurationProps) {
    super(scope, id, 'companyPortalConfiguration', props);
    this.checkProps(props, PROPS);
    this.userAffinity = props.userAffinity ?? true;
  }

  /** The policy as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return this.declarationOf({ app: COMPANY_PORTAL.bundleId, userAffinity: this.userAffinity });
  }
}
