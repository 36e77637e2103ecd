import type { Construct } from 'constructs';
import type { AdeAuthenticationMethod as AdeAuthenticationValue, SetupAssistantPaneName } from '../model';
import { EnrollmentResource, type AssignmentDeclaration, type ResourceDeclaration, type ResourceNaming } from './enrollment-resource';

/** An ADE token (Apple Business or School Manager) of the tenant, referenced by its name in Intune. */
export class AdeToken {
  /** The token named `tokenName` in Intune (Devices > Enrollment > Apple > Enrollment program tokens). */
  static fromName(tokenName: string): AdeToken {
    return new AdeToken(tokenName);
  }

  private constructor(
    /** The token's name in Intune. */
    readonly tokenName: string,
  ) {}
}

/** A VPP (Apple Volume Purchase Program) token of the tenant, referenced by its name in Intune. */
export class VppToken {
  /** The VPP token named `name` in Intune (Tenant administration > Connectors and tokens > Apple VPP tokens). */
  static fromName(name: string): VppToken {
    return new VppToken(name);
  }

  private constructor(
    /** The token's name in Intune. */
    readonly name: string,
  ) {}
}

/** Where a user with affinity authenticates during automated device enrollment (seed 003). */
export const AdeAuthentication = {
  /** In the Company Portal app, which locks the device until it installs; MFA, Entra registration. */
  COMPANY_PORTAL: 'companyPortal',
  /** In Setup Assistant with the ADE token (legacy): no MFA, no Entra registration without Company Portal. */
  SETUP_ASSISTANT_LEGACY: 'setupAssistantLegacy',
  /** In Setup Assistant with modern authentication: MFA, the device is usable before Company Portal installs. */
  SETUP_ASSISTANT_MODERN_AUTHENTICATION: 'setupAssistantModern',
} as const satisfies Record<string, AdeAuthenticationValue>;

/** Where a user with affinity authenticates. */
export type AdeAuthentication = AdeAuthenticationValue;

/** Setup Assistant panes, named for what the user sees; list the ones to hide in `hiddenPanes`. */
export const SetupAssistantPane = {
  LOCATION_SERVICES: 'locationServices',
  RESTORE: 'restore',
  APPLE_ID: 'appleId',
  TERMS_AND_CONDITIONS: 'termsAndConditions',
  TOUCH_ID_AND_FACE_ID: 'touchIdAndFaceId',
  APPLE_PAY: 'applePay',
  SIRI: 'siri',
  APP_ANALYTICS: 'appAnalytics',
  DISPLAY_TONE: 'displayTone',
  PRIVACY: 'privacy',
  SCREEN_TIME: 'screenTime',
  MOVE_FROM_ANDROID: 'moveFromAndroid',
  HOME_BUTTON: 'homeButton',
  I_MESSAGE_AND_FACE_TIME: 'iMessageAndFaceTime',
  ONBOARDING: 'onboarding',
  SIM_SETUP: 'simSetup',
  SOFTWARE_UPDATE: 'softwareUpdate',
  WATCH_MIGRATION: 'watchMigration',
  APPEARANCE: 'appearance',
  EXPRESS_LANGUAGE: 'expressLanguage',
  PREFERRED_LANGUAGE: 'preferredLanguage',
  QUICK_START: 'quickStart',
  GET_STARTED: 'getStarted',
  PASSCODE: 'passcode',
  ZOOM: 'zoom',
  RESTORE_COMPLETED: 'restoreCompleted',
  UPDATE_COMPLETED: 'updateCompleted',
} as const satisfies Record<string, SetupAssistantPaneName>;

/** A Setup Assistant pane. */
export type SetupAssistantPane = SetupAssistantPaneName;

/** Props of an {@link AdeEnrollmentProfile}. */
export interface AdeEnrollmentProfileProps extends ResourceNaming {
  /** The ADE token the profile belongs to. */
  readonly token: AdeToken;
  /** Enroll with user affinity (a user signs in), or without it (shared or user-less devices). */
  readonly userAffinity: boolean;
  /**
   * Where the user authenticates; required with user affinity, not allowed without.
   * @default - none
   */
  readonly authentication?: AdeAuthentication;
  /**
   * Install Company Portal with this VPP token (no user Apple ID needed; recommended, EK021).
   * @default - Company Portal is not installed by the profile
   */
  readonly installCompanyPortalWithVpp?: VppToken;
  /**
   * Run Company Portal in single app mode until the user signs in (Company Portal authentication with VPP only).
   * @default false
   */
  readonly companyPortalSingleAppMode?: boolean;
  /**
   * Supervised mode (software updates, restrictions, app control).
   * @default true
   */
  readonly supervised?: boolean;
  /**
   * Locked enrollment: the user cannot remove the management profile.
   * @default false
   */
  readonly lockedEnrollment?: boolean;
  /**
   * Shared iPad, with the most users it caches (1-24); supervised and without user affinity only.
   * @default - not a Shared iPad
   */
  readonly sharedIPad?: { readonly maximumUsers: number };
  /**
   * Device name template, e.g. `CORP-{{SERIAL}}` (at most 63 characters).
   * @default - the device keeps its name
   */
  readonly deviceNameTemplate?: string;
  /**
   * Hold the user in Setup Assistant until Intune has configured the device.
   * @default true
   */
  readonly awaitFinalConfiguration?: boolean;
  /**
   * Department shown in Setup Assistant.
   * @default - none
   */
  readonly supportDepartment?: string;
  /**
   * Support phone number shown in Setup Assistant.
   * @default - none
   */
  readonly supportPhoneNumber?: string;
  /**
   * Setup Assistant panes the user does not see.
   * @default - every pane is shown
   */
  readonly hiddenPanes?: readonly SetupAssistantPane[];
  /**
   * Make this the token's default profile: devices that arrive without an assigned profile get it.
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * Devices (serial numbers from Apple Business Manager) assigned to this profile.
   * @default - none
   */
  readonly serialNumbers?: readonly string[];
}

/**
 * An iOS/iPadOS automated device enrollment (ADE) profile: how organization-owned devices from
 * Apple Business or School Manager enroll, under an ADE token referenced by name.
 */
export class AdeEnrollmentProfile extends EnrollmentResource<'adeProfile'> {
  private readonly props: AdeEnrollmentProfileProps;

  constructor(scope: Construct, id: string, props: AdeEnrollmentProfileProps) {
    super(scope, id, 'adeProfile', props);
    this.props = props;
  }

  /** The profile as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    const p = this.props;
    return this.declarationOf({
      token: p.token.tokenName,
      userAffinity: p.userAffinity,
      ...(p.authentication !== undefined ? { authentication: p.authentication } : {}),
      ...(p.installCompanyPortalWithVpp ? { companyPortalVppToken: p.installCompanyPortalWithVpp.name } : {}),
      companyPortalSingleAppMode: p.companyPortalSingleAppMode ?? false,
      supervised: p.supervised ?? true,
      lockedEnrollment: p.lockedEnrollment ?? false,
      ...(p.sharedIPad ? { sharedIPad: { maximumUsers: p.sharedIPad.maximumUsers } } : {}),
      ...(p.deviceNameTemplate !== undefined ? { deviceNameTemplate: p.deviceNameTemplate } : {}),
      awaitFinalConfiguration: p.awaitFinalConfiguration ?? true,
      ...(p.supportDepartment !== undefined ? { supportDepartment: p.supportDepartment } : {}),
      ...(p.supportPhoneNumber !== undefined ? { supportPhoneNumber: p.supportPhoneNumber } : {}),
      hiddenPanes: [...(p.hiddenPanes ?? [])],
      isDefault: p.isDefault ?? false,
      serialNumbers: [...(p.serialNumbers ?? [])],
    });
  }

  /** Prop names of spec fields named differently in the props, so issues name what the user wrote. */
  override propNameOf(specField: string): string {
    return SPEC_TO_PROP[specField] ?? specField;
  }

  protected assignmentDeclarations(): AssignmentDeclaration[] {
    return [];
  }
}

const SPEC_TO_PROP: Readonly<Record<string, string>> = { token: 'token', companyPortalVppToken: 'installCompanyPortalWithVpp' };
