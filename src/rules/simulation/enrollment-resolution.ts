import type { EnrollmentType, Ownership, PlatformRestrictionSpec } from '../../model';
import type { EnrollmentRequest } from './enrollment-request';

/** How a simulated enrollment ends. */
export type SimulationOutcome = 'enrolled' | 'blocked' | 'noProfile';

/** An object that reached the user: its name, where it is declared, and through which targets. */
export interface AppliedObject {
  /** Display name. */
  readonly name: string;
  /** Construct path; absent for the tenant default. */
  readonly path?: string;
  /** Priority (1 = highest; 0 = the tenant default). */
  readonly priority: number;
  /** True for the tenant's default object ("All users", priority 0). */
  readonly tenantDefault: boolean;
  /** The targets that reached the user: `all users`, `group "X"`, `all devices`. */
  readonly matchedBy: readonly string[];
}

/** Step 1a: the platform restriction that applies and its verdict. */
export interface PlatformRestrictionStep extends AppliedObject {
  /** Its settings. */
  readonly settings: PlatformRestrictionSpec;
  /** True when the device may enroll. */
  readonly passed: boolean;
  /** Why it passed or failed, one reason per check. */
  readonly reasons: readonly string[];
}

/** Step 1b: the device limit that applies and its verdict. */
export interface DeviceLimitStep extends AppliedObject {
  /** Devices one user may enroll. */
  readonly limit: number;
  /** Devices the user has enrolled, when stated. */
  readonly enrolledDevices?: number;
  /** False when the user is at the limit. */
  readonly passed: boolean;
  /** Why. */
  readonly reason: string;
}

/** One enrollment type profile considered in step 2. */
export interface ProfileCandidate {
  /** Display name. */
  readonly name: string;
  /** Construct path. */
  readonly path: string;
  /** Priority, when it has one. */
  readonly priority?: number;
  /** True when the profile is assigned to the user. */
  readonly assigned: boolean;
  /** Why it is or is not assigned. */
  readonly reason: string;
}

/** Step 2: the winning enrollment type profile. */
export interface ProfileStep extends AppliedObject {
  /** Its enrollment type, or `userChoice`. */
  readonly enrollmentType: EnrollmentType | 'userChoice';
  /** Why it won. */
  readonly reason: string;
}

/** Step 3: the enrollment type the device really gets. */
export interface EnrollmentTypeStep {
  /** The profile's setting. */
  readonly configured: EnrollmentType | 'userChoice';
  /** The user's answer, on a user-choice profile. */
  readonly choice?: Ownership;
  /** The type before the iOS 15 fallback. */
  readonly chosen: EnrollmentType;
  /** The type the device enrolls with. */
  readonly effective: EnrollmentType;
  /** True when the iOS 15 fallback of EK001 changed the type. */
  readonly fellBack: boolean;
  /** Why. */
  readonly reason: string;
}

/** Step 4a: just-in-time registration. */
export interface JitStep {
  /** True when JIT registration happens. */
  readonly enabled: boolean;
  /** The SSO extension policy that reached the user, when one did. */
  readonly policy?: string;
  /** Why. */
  readonly reason: string;
}

/** Step 4b: a required app installed after enrollment. */
export interface RequiredAppStep {
  /** Display name. */
  readonly name: string;
  /** Bundle ID. */
  readonly bundleId: string;
  /** Construct path. */
  readonly path: string;
  /** The targets that reached the user. */
  readonly matchedBy: readonly string[];
}

/** Step 4c: a web clip that appears on the home screen. */
export interface WebClipStep {
  /** Display name. */
  readonly name: string;
  /** The page it opens. */
  readonly url: string;
  /** Construct path. */
  readonly path: string;
  /** The targets that reached the user. */
  readonly matchedBy: readonly string[];
}

/** Something the user or the admin should know, with the rule it comes from. */
export interface SimulationWarning {
  /** The rule of domain.md, when there is one. */
  readonly rule?: string;
  /** What happens. */
  readonly message: string;
}

/** The resolution of domain.md ("How enrollment resolves"), step by step, as data. */
export interface EnrollmentResolution {
  /** The question. */
  readonly request: EnrollmentRequest;
  /** How it ends. */
  readonly outcome: SimulationOutcome;
  /** One sentence that says why it ends so. */
  readonly summary: string;
  /** Step 1a. */
  readonly platformRestriction: PlatformRestrictionStep;
  /** Step 1b. */
  readonly deviceLimit: DeviceLimitStep;
  /** Every enrollment type profile and whether it reached the user, in priority order. */
  readonly candidates: readonly ProfileCandidate[];
  /** Step 2, unless blocked or no profile applies. */
  readonly profile?: ProfileStep;
  /** Step 3. */
  readonly enrollmentType?: EnrollmentTypeStep;
  /** Step 5: where the user enrolls. */
  readonly enrollsIn?: readonly string[];
  /** Step 4a. */
  readonly jit?: JitStep;
  /** Step 4b: required apps, Microsoft Authenticator first. */
  readonly requiredApps: readonly RequiredAppStep[];
  /** Step 4c. */
  readonly webClips: readonly WebClipStep[];
  /** What to know, in step order. */
  readonly warnings: readonly SimulationWarning[];
}
