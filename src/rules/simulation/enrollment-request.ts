import type { Ownership, Resource, TenantDefaults } from '../../model';
import type { CorporateDevice } from './corporate-request';

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
  /**
   * The organization-owned devices the tenant knows (synced ADE devices, imported Apple
   * Configurator serial numbers); absent when unknown, as in a desired state.
   */
  readonly corporateDevices?: readonly CorporateDevice[];
}
