import type { DeviceType } from './enrollment-request';

/** How an organization-owned device reaches Intune: Apple Business or School Manager (ADE), or Apple Configurator. */
export type CorporateDeviceKind = 'ade' | 'configurator';

/** An organization-owned device in a tenant's inventory: synced from Apple Business Manager, or imported for Apple Configurator. */
export interface CorporateDevice {
  /** The device's serial number. */
  readonly serialNumber: string;
  /** The name of the ADE token it belongs to (the Apple Configurator pseudo-token for Configurator devices). */
  readonly token: string;
  /** ADE or Apple Configurator. */
  readonly deviceKind: CorporateDeviceKind;
}

/** Which organization-owned device is set up, and by whom: the question a corporate simulation answers. */
export interface CorporateEnrollmentRequest {
  /** The device's serial number; its assignment decides the profile. */
  readonly serialNumber?: string;
  /** ADE or Apple Configurator, for a device without a known serial number (or to pick among a serial's profiles). */
  readonly deviceKind?: CorporateDeviceKind;
  /** The ADE token the device is synced to, by name, when the state has several. */
  readonly token?: string;
  /** The profile, by display name, that the device gets (a what-if that overrides the assignment). */
  readonly profile?: string;
  /** iPhone or iPad. */
  readonly device: DeviceType;
  /** The user who sets the device up, for output only. */
  readonly user?: string;
  /** Display names of the groups that user is a member of (restrictions follow the user). */
  readonly memberOf: readonly string[];
  /** The user signs in with a device enrollment manager (DEM) account. */
  readonly deviceEnrollmentManager?: boolean;
  /**
   * The user enters an Apple ID (in Setup Assistant or when prompted after it).
   * @default true
   */
  readonly appleId?: boolean;
}
