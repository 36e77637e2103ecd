import type { AppliedObject, SimulationWarning } from './enrollment-resolution';
import type { CorporateDeviceKind, CorporateEnrollmentRequest } from './corporate-request';

/**
 * How a corporate device simulation ends: `enrolled`; `incomplete` (the setup starts but the user
 * cannot finish it as stated); `refused` (seed 003 says the setup cannot work, or a restriction
 * blocks it); `noProfile` (no enrollment profile applies); `unknownDevice` (the tenant does not
 * know the serial number).
 */
export type CorporateOutcome = 'enrolled' | 'incomplete' | 'refused' | 'noProfile' | 'unknownDevice';

/** Where a user with affinity authenticates: three ways for ADE, two for Apple Configurator (003). */
export type CorporateAuthentication = 'companyPortal' | 'setupAssistantLegacy' | 'setupAssistantModern' | 'setupAssistant';

/** How the profile was found for the device. */
export type ProfileSelection = 'assigned' | 'tokenDefault' | 'named' | 'onlyProfile';

/** The device being set up: its kind and token, and how they were found. */
export interface CorporateDeviceStep {
  /** ADE or Apple Configurator, when known. */
  readonly kind?: CorporateDeviceKind;
  /** The token's name, when known. */
  readonly token?: string;
  /** The serial number, when stated. */
  readonly serialNumber?: string;
  /** Why. */
  readonly reason: string;
}

/** The enrollment profile that applies, and why. */
export interface CorporateProfileStep {
  /** Display name. */
  readonly name: string;
  /** Construct path (or the tenant object's). */
  readonly path: string;
  /** ADE or Apple Configurator. */
  readonly kind: CorporateDeviceKind;
  /** The token it belongs to. */
  readonly token: string;
  /** How it was found. */
  readonly selectedBy: ProfileSelection;
  /** Why it applies. */
  readonly reason: string;
}

/** A yes/no setting of the profile and what it means for the user. */
export interface SettingStep {
  /** The value; `undefined` when the profile does not decide it. */
  readonly enabled?: boolean;
  /** What it means. */
  readonly reason: string;
}

/** Where the user authenticates. */
export interface AuthenticationStep {
  /** The method, or `none` without user affinity. */
  readonly method: CorporateAuthentication | 'none';
  /** True for Company Portal and Setup Assistant with modern authentication (003: "considered modern authentication"). */
  readonly modern: boolean;
  /** Where the user enters the organization credentials. */
  readonly where: string;
  /** Why. */
  readonly reason: string;
}

/** How the Company Portal app gets on the device. */
export interface CompanyPortalStep {
  /** Through the profile's VPP token, from the App Store with the user's Apple ID, or not at all. */
  readonly install: 'vpp' | 'appStore' | 'none';
  /** The VPP token's name, with `vpp`. */
  readonly vppToken?: string;
  /** Why. */
  readonly reason: string;
}

/** When the device is registered in Microsoft Entra ID. */
export interface EntraRegistrationStep {
  /** When the user signs in to Company Portal, or never. */
  readonly when: 'companyPortalSignIn' | 'never';
  /** Why, with what the user sees in between. */
  readonly reason: string;
}

/** The platform restriction that reaches the user of an ADE device, and its verdict. */
export interface CorporateRestrictionStep extends AppliedObject {
  /** False when it blocks iOS/iPadOS. */
  readonly passed: boolean;
  /** Why. */
  readonly reason: string;
}

/** The resolution of a corporate device's setup, step by step as seed 003 describes it, as data. */
export interface CorporateEnrollmentResolution {
  /** The question. */
  readonly request: CorporateEnrollmentRequest;
  /** How it ends. */
  readonly outcome: CorporateOutcome;
  /** One sentence that says why it ends so. */
  readonly summary: string;
  /** The device. */
  readonly device: CorporateDeviceStep;
  /** The profile, unless none applies. */
  readonly profile?: CorporateProfileStep;
  /** The platform restriction (ADE). */
  readonly restriction?: CorporateRestrictionStep;
  /** User affinity. */
  readonly userAffinity?: SettingStep;
  /** Where the user authenticates. */
  readonly authentication?: AuthenticationStep;
  /** How Company Portal is installed. */
  readonly companyPortal?: CompanyPortalStep;
  /** Microsoft Entra registration. */
  readonly entraRegistration?: EntraRegistrationStep;
  /** Supervised mode. */
  readonly supervised?: SettingStep;
  /** Locked enrollment: the user cannot remove the management profile. */
  readonly lockedEnrollment?: SettingStep;
  /** Shared iPad. */
  readonly sharedIPad?: SettingStep;
  /** What the user sees, in order (003's end user tasks). */
  readonly userSteps: readonly string[];
  /** Why the setup cannot work, each with its rule or source. */
  readonly refusals: readonly SimulationWarning[];
  /** What to know. */
  readonly warnings: readonly SimulationWarning[];
}
