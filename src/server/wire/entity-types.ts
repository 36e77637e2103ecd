import {
  appleEnrollmentProfileAssignment,
  deviceConfigurationAssignment,
  enrollmentConfigurationAssignment,
  managedDeviceMobileAppConfigurationAssignment,
  mobileAppAssignment,
} from './assignment-types';
import { iosDeviceFeaturesConfiguration } from './device-configuration';
import {
  deviceEnrollmentLimitConfiguration,
  deviceEnrollmentPlatformRestrictionConfiguration,
  deviceEnrollmentPlatformRestrictionsConfiguration,
} from './enrollment-configuration';
import { depIOSEnrollmentProfile, depOnboardingSetting, enrollmentProfile, importedAppleDeviceIdentity, vppToken } from './dep-enrollment';
import { appleUserInitiatedEnrollmentProfile } from './enrollment-profile';
import type { EntityType } from './entity-type';
import { group } from './group';
import { iosiPadOSWebClip, iosStoreApp, iosVppApp, webApp } from './mobile-app';
import { iosMobileAppConfiguration } from './mobile-app-configuration';
import { user } from './user';

/** Every entity and assignment type the server models, by name. */
export const ENTITY_TYPES: ReadonlyMap<string, EntityType> = new Map(
  [
    appleUserInitiatedEnrollmentProfile,
    deviceEnrollmentPlatformRestrictionConfiguration,
    deviceEnrollmentPlatformRestrictionsConfiguration,
    deviceEnrollmentLimitConfiguration,
    iosDeviceFeaturesConfiguration,
    iosStoreApp,
    iosVppApp,
    iosiPadOSWebClip,
    webApp,
    iosMobileAppConfiguration,
    depOnboardingSetting,
    enrollmentProfile,
    depIOSEnrollmentProfile,
    importedAppleDeviceIdentity,
    vppToken,
    group,
    user,
    appleEnrollmentProfileAssignment,
    enrollmentConfigurationAssignment,
    deviceConfigurationAssignment,
    mobileAppAssignment,
    managedDeviceMobileAppConfigurationAssignment,
  ].map((type) => [type.name, type]),
);

/** Abstract base types of the modelled types. */
const ABSTRACT_TYPES = new Set(
  [...ENTITY_TYPES.values()].flatMap((type) => type.ancestors).concat(['deviceAndAppManagementAssignmentTarget', 'directoryObject']),
);

/** Whether a type name (without namespace) is an abstract base type of the modelled types. */
export function isAbstractType(name: string): boolean {
  return ABSTRACT_TYPES.has(name);
}

/** Whether a type name (without namespace) is one the server knows, concrete or abstract. */
export function isKnownType(name: string): boolean {
  return ENTITY_TYPES.has(name) || ABSTRACT_TYPES.has(name);
}

/** Whether `typeName` is `ancestor` or derives from it (OData `isof`). */
export function derivesFrom(typeName: string, ancestor: string): boolean {
  if (typeName === ancestor) return true;
  return ENTITY_TYPES.get(typeName)?.ancestors.includes(ancestor) ?? false;
}
