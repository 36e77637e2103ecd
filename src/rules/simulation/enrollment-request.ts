import type { Ownership, PlatformRestrictionSpec, Resource } from '../../model';

/** The devices a simulation can enroll. */
export type DeviceType = 'iphone' | 'ipad';

/** Who enrolls what: the question a simulation answers. */
export interface EnrollmentRequest {
  /** The user's UPN, for output only. */
  readonly user?: string;
  /** The device's iOS/iPadOS version, e.g. `14.8` or `17.2`. */
  readonly os: string;
  /** iPhone or iPad. */
  readonly device: DeviceType;
  /** Who owns the device. */
  readonly ownership: Ownership;
  /** Display names of the groups the user is a member of. */
  readonly memberOf: readonly string[];
  /** Devices the user has enrolled already, for the device limit. */
  readonly enrolledDevices?: number;
  /**
   * What the user answers on a "determine based on user choice" profile.
   * @default the device's ownership
   */
  readonly choice?: Ownership;
}

/** The tenant's default enrollment restrictions (priority 0, all users). */
export interface TenantDefaults {
  /** The default platform restriction's settings. */
  readonly platformRestriction: PlatformRestrictionSpec;
  /** The default device limit. */
  readonly deviceLimit: number;
}

/** Intune's defaults in a new tenant: every platform allowed, 5 devices per user. */
export const INTUNE_DEFAULTS: TenantDefaults = {
  platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: false },
  deviceLimit: 5,
};

/**
 * What enrollment resolves against: objects with assignments and priorities. A manifest is one
 * source; the tenant's actual objects, read into the same shape, are the other.
 */
export interface EnrollmentState {
  /** The objects, in declaration (or tenant) order. */
  readonly resources: readonly Resource[];
  /**
   * The tenant's default restrictions.
   * @default INTUNE_DEFAULTS
   */
  readonly defaults?: TenantDefaults;
}
