import type { AdeAuthenticationMethod, Resource, SetupAssistantPaneName } from '../../model';
import { resourcesOfKind, type ResourceOf } from '../resources';
import type { CorporateDeviceKind } from './corporate-request';
import type { CorporateAuthentication } from './corporate-resolution';

/** An ADE or Apple Configurator enrollment profile, reduced to what a corporate simulation reads. */
export interface CorporateProfile {
  /** ADE or Apple Configurator. */
  readonly kind: CorporateDeviceKind;
  /** Display name. */
  readonly name: string;
  /** Construct path (or the tenant object's). */
  readonly path: string;
  /** The token's name. */
  readonly token: string;
  /** A user signs in and is associated with the device. */
  readonly userAffinity: boolean;
  /** Where the user authenticates. */
  readonly authentication?: CorporateAuthentication;
  /** Setup Assistant (Apple Configurator) also installs Company Portal. */
  readonly installCompanyPortal: boolean;
  /** The VPP token that installs Company Portal (ADE). */
  readonly companyPortalVppToken?: string;
  /** Company Portal runs in single app mode until the user signs in (ADE). */
  readonly companyPortalSingleAppMode: boolean;
  /** Supervised mode; undefined when the profile does not set it (Apple Configurator). */
  readonly supervised?: boolean;
  /** Locked enrollment; undefined when the profile does not set it. */
  readonly lockedEnrollment?: boolean;
  /** Shared iPad, with the most users it caches. */
  readonly sharedIPad?: { readonly maximumUsers: number };
  /** Setup Assistant waits until Intune has configured the device. */
  readonly awaitFinalConfiguration: boolean;
  /** Setup Assistant panes the user does not see. */
  readonly hiddenPanes: readonly SetupAssistantPaneName[];
  /** The token's default profile. */
  readonly isDefault: boolean;
  /** Serial numbers assigned to it. */
  readonly serialNumbers: readonly string[];
}

/** The name Intune gives the account's Apple Configurator pseudo-token, which Apple Configurator profiles belong to. */
export const APPLE_CONFIGURATOR_TOKEN = 'Apple Configurator';

/**
 * Where the user of an Apple Configurator profile authenticates: 003 offers Company Portal, or
 * Setup Assistant with or without installing Company Portal (Graph's
 * `requireCompanyPortalOnSetupAssistantEnrolledDevices`, the "modern authentication" flag).
 */
function configuratorAuthentication(method: AdeAuthenticationMethod | undefined): Pick<CorporateProfile, 'authentication' | 'installCompanyPortal'> {
  if (method === undefined) return { installCompanyPortal: false };
  return method === 'companyPortal' ? { authentication: 'companyPortal', installCompanyPortal: true } : { authentication: 'setupAssistant', installCompanyPortal: method === 'setupAssistantModern' };
}

/** The ADE and Apple Configurator profiles of a state, in its order. */
export function corporateProfilesOf(resources: readonly Resource[]): CorporateProfile[] {
  const configurator = resourcesOfKind(resources, 'configuratorProfile').map(
    ({ displayName, path, spec }): CorporateProfile => ({
      kind: 'configurator',
      name: displayName,
      path,
      token: APPLE_CONFIGURATOR_TOKEN,
      userAffinity: spec.userAffinity,
      ...configuratorAuthentication(spec.authentication),
      companyPortalSingleAppMode: false,
      awaitFinalConfiguration: false,
      hiddenPanes: [],
      isDefault: false,
      serialNumbers: spec.serialNumbers,
    }),
  );
  return [...resourcesOfKind(resources, 'adeProfile').map(adeProfileOf), ...configurator];
}

function adeProfileOf({ displayName, path, spec }: ResourceOf<'adeProfile'>): CorporateProfile {
  return {
    kind: 'ade',
    name: displayName,
    path,
    token: spec.token,
    userAffinity: spec.userAffinity,
    ...(spec.authentication ? { authentication: spec.authentication } : {}),
    installCompanyPortal: spec.companyPortalVppToken !== undefined || spec.authentication === 'setupAssistantModern' || spec.authentication === 'companyPortal',
    ...(spec.companyPortalVppToken ? { companyPortalVppToken: spec.companyPortalVppToken } : {}),
    companyPortalSingleAppMode: spec.companyPortalSingleAppMode,
    supervised: spec.supervised,
    lockedEnrollment: spec.lockedEnrollment,
    ...(spec.sharedIPad ? { sharedIPad: spec.sharedIPad } : {}),
    awaitFinalConfiguration: spec.awaitFinalConfiguration,
    hiddenPanes: spec.hiddenPanes,
    isDefault: spec.isDefault,
    serialNumbers: spec.serialNumbers,
  };
}
