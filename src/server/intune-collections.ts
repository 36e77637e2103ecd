import { randomUUID } from 'node:crypto';
import type { KindDescriptor } from '../model';
import {
  appleEnrollmentProfileAssignment,
  deviceConfigurationAssignment,
  enrollmentConfigurationAssignment,
  managedDeviceMobileAppConfigurationAssignment,
  mobileAppAssignment,
} from './wire/assignment-types';
import { iosDeviceFeaturesConfiguration } from './wire/device-configuration';
import {
  deviceEnrollmentLimitConfiguration,
  deviceEnrollmentPlatformRestrictionConfiguration,
  deviceEnrollmentPlatformRestrictionsConfiguration,
} from './wire/enrollment-configuration';
import { appleUserInitiatedEnrollmentProfile } from './wire/enrollment-profile';
import type { EntityType } from './wire/entity-type';
import { iosiPadOSWebClip, iosStoreApp, iosVppApp, webApp } from './wire/mobile-app';
import { iosMobileAppConfiguration } from './wire/mobile-app-configuration';

/** The priority rules of a collection whose objects are ordered. */
export interface PriorityRules {
  /** Priority of the first object an admin creates (tenant defaults sit at 0, below it). */
  readonly first: 0 | 1;
  /** The sequence a type's objects are numbered in. */
  sequenceOf(type: string): string;
}

/** An Intune collection: its path, types, assignments, actions and rules. */
export interface IntuneCollection {
  /** Entity set name, e.g. `deviceEnrollmentConfigurations`. */
  readonly name: string;
  /** Path under the version segment, e.g. `deviceManagement/deviceEnrollmentConfigurations`. */
  readonly path: string;
  /** The collection's declared (usually abstract) type. */
  readonly baseType: string;
  /** Types that may be read and updated. */
  readonly types: readonly EntityType[];
  /** Types that may be created. */
  readonly creatable: readonly EntityType[];
  /** Type of the objects' assignments, e.g. `mobileAppAssignment`. */
  readonly assignmentType: EntityType;
  /** The `assign` action: the body property holding the assignments and the success status. */
  readonly assign?: { readonly bodyKey: string; readonly ignoredKeys: readonly string[]; readonly status: 200 | 204 };
  /** Priority rules, when the objects are ordered. */
  readonly priority?: PriorityRules;
  /** Only beta has this collection. */
  readonly betaOnly: boolean;
  /** Id of a new object of a type. */
  newId(type: string): string;
  /** Extra rules of the service for an object about to be stored; returns an error message. */
  check?(type: string, data: Readonly<Record<string, unknown>>): string | undefined;
}

/** Enrollment type profiles: one priority sequence from 0, no `assign` action. */
export const enrollmentProfiles: IntuneCollection = {
  name: 'appleUserInitiatedEnrollmentProfiles',
  path: 'deviceManagement/appleUserInitiatedEnrollmentProfiles',
  baseType: 'appleUserInitiatedEnrollmentProfile',
  types: [appleUserInitiatedEnrollmentProfile],
  creatable: [appleUserInitiatedEnrollmentProfile],
  assignmentType: appleEnrollmentProfileAssignment,
  priority: { first: 0, sequenceOf: () => 'profiles' },
  betaOnly: true,
  newId: () => randomUUID(),
};

/** Enrollment restrictions: platform restrictions and device limits, each its own priority sequence from 1. */
export const enrollmentConfigurations: IntuneCollection = {
  name: 'deviceEnrollmentConfigurations',
  path: 'deviceManagement/deviceEnrollmentConfigurations',
  baseType: 'deviceEnrollmentConfiguration',
  types: [deviceEnrollmentPlatformRestrictionConfiguration, deviceEnrollmentPlatformRestrictionsConfiguration, deviceEnrollmentLimitConfiguration],
  creatable: [deviceEnrollmentPlatformRestrictionConfiguration, deviceEnrollmentLimitConfiguration],
  assignmentType: enrollmentConfigurationAssignment,
  assign: { bodyKey: 'enrollmentConfigurationAssignments', ignoredKeys: [], status: 204 },
  priority: { first: 1, sequenceOf: (type) => (type === deviceEnrollmentLimitConfiguration.name ? 'limit' : 'platformRestrictions') },
  betaOnly: false,
  newId: (type) => `${randomUUID()}_${type === deviceEnrollmentLimitConfiguration.name ? 'Limit' : 'SinglePlatformRestriction'}`,
  check: (type, data) => {
    const limit = data['limit'];
    if (type === deviceEnrollmentLimitConfiguration.name && (typeof limit !== 'number' || limit < 1 || limit > 15)) {
      return `The device limit must be between 1 and 15; got ${String(limit)}.`;
    }
    return undefined;
  },
};

/** Device configuration profiles (the SSO app extension policy); `assign` answers 200 with the new set. */
export const deviceConfigurations: IntuneCollection = {
  name: 'deviceConfigurations',
  path: 'deviceManagement/deviceConfigurations',
  baseType: 'deviceConfiguration',
  types: [iosDeviceFeaturesConfiguration],
  creatable: [iosDeviceFeaturesConfiguration],
  assignmentType: deviceConfigurationAssignment,
  assign: { bodyKey: 'assignments', ignoredKeys: ['deviceConfigurationGroupAssignments'], status: 200 },
  betaOnly: false,
  newId: () => randomUUID(),
};

/** Apps: store apps, VPP apps, web clips and web links. */
export const mobileApps: IntuneCollection = {
  name: 'mobileApps',
  path: 'deviceAppManagement/mobileApps',
  baseType: 'mobileApp',
  types: [iosStoreApp, iosVppApp, iosiPadOSWebClip, webApp],
  creatable: [iosStoreApp, iosVppApp, iosiPadOSWebClip, webApp],
  assignmentType: mobileAppAssignment,
  assign: { bodyKey: 'mobileAppAssignments', ignoredKeys: [], status: 204 },
  betaOnly: false,
  newId: () => randomUUID(),
};

/** App configuration policies for managed devices (the Company Portal's ADE configuration); `assign` answers 204. */
export const mobileAppConfigurations: IntuneCollection = {
  name: 'mobileAppConfigurations',
  path: 'deviceAppManagement/mobileAppConfigurations',
  baseType: 'managedDeviceMobileAppConfiguration',
  types: [iosMobileAppConfiguration],
  creatable: [iosMobileAppConfiguration],
  assignmentType: managedDeviceMobileAppConfigurationAssignment,
  assign: { bodyKey: 'assignments', ignoredKeys: [], status: 204 },
  betaOnly: false,
  newId: () => randomUUID(),
};

/** Every Intune collection the server serves. */
export const INTUNE_COLLECTIONS: readonly IntuneCollection[] = [enrollmentProfiles, enrollmentConfigurations, deviceConfigurations, mobileApps, mobileAppConfigurations];

/**
 * The served collection that holds a kind, found from the kind's own protocol (its collection path
 * and entity type); throws, naming what to add, for a kind of the registry this server does not serve.
 */
export function collectionOfKind(kind: KindDescriptor): IntuneCollection {
  const collection = INTUNE_COLLECTIONS.find((candidate) => `/${candidate.path}` === kind.graph.collection);
  const typeName = kind.graph.odataType.replace(/^#microsoft\.graph\./, '');
  if (!collection || !collection.creatable.some((type) => type.name === typeName)) {
    throw new Error(
      `The reference server does not serve '${kind.graph.collection}' with type '${typeName}' (kind '${kind.kind}'): add the collection or type to INTUNE_COLLECTIONS in src/server/intune-collections.ts.`,
    );
  }
  return collection;
}
