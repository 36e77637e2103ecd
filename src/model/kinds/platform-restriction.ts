import { z } from 'zod';
import { namedProps, newConstructCode, optionalProp, targetsProp, tsString } from '../codegen';
import type { GraphEntity, KindDescriptor } from '../descriptor';
import { graphProtocol, type GraphProtocolSpec } from '../graph-protocol';
import { compareOsVersions, OsVersionSchema } from '../os-version';
import { IMPORT_AGAIN } from './import-again';
import { isOfType, targetOnlyAssignments } from './target-only-assignments';

/** An iOS/iPadOS device platform restriction. */
export const PlatformRestrictionSpecSchema = z.strictObject({
  /** Block iOS/iPadOS enrollment altogether. */
  platformBlocked: z.boolean(),
  /** Block enrollment of personally owned devices. */
  personalDeviceEnrollmentBlocked: z.boolean(),
  /** Lowest OS version allowed to enroll. */
  osMinimumVersion: OsVersionSchema.optional(),
  /** Highest OS version allowed to enroll. */
  osMaximumVersion: OsVersionSchema.optional(),
});

/** Spec of a platform restriction. */
export type PlatformRestrictionSpec = z.infer<typeof PlatformRestrictionSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration';

const ENROLLMENT_CONFIG_PERMISSIONS = {
  read: ['DeviceManagementServiceConfig.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All', 'DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
  write: ['DeviceManagementServiceConfig.ReadWrite.All', 'DeviceManagementConfiguration.ReadWrite.All'],
};

/** Where enrollment configurations live, shared by restrictions of every type. */
export const ENROLLMENT_CONFIGURATIONS = {
  collection: '/deviceManagement/deviceEnrollmentConfigurations',
  listTypes: [],
  expandAssignments: true,
  assign: { style: 'action', bodyKey: 'enrollmentConfigurationAssignments', odataType: '#microsoft.graph.enrollmentConfigurationAssignment' },
  priorityAction: 'setPriority',
} as const satisfies Omit<GraphProtocolSpec, 'odataType'>;

/** Permissions of every enrollment configuration kind. */
export const ENROLLMENT_CONFIGURATION_PERMISSIONS = ENROLLMENT_CONFIG_PERMISSIONS;

/** The tenant's default enrollment configurations: priority 0, ids `<tenantId>_Default…`. */
export function isTenantDefault(entity: GraphEntity): boolean {
  return entity.priority === 0 || /_Default[A-Za-z]*$/.test(entity.id);
}

function optionalVersion(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Single-platform (iOS) enrollment restrictions: Devices > Enrollment > Device platform restriction. */
export const platformRestriction: KindDescriptor<PlatformRestrictionSpec> = {
  kind: 'platformRestriction',
  title: 'platform restriction',
  specSchema: PlatformRestrictionSpecSchema,
  graph: graphProtocol({ ...ENROLLMENT_CONFIGURATIONS, odataType: ODATA_TYPE }),
  priorityClass: 'platformRestriction',
  priorityBase: 1,
  dependsOn: [],
  permissions: ENROLLMENT_CONFIG_PERMISSIONS,
  replaceOn: [],
  matches: (entity) => isOfType(entity, ODATA_TYPE) && entity.platformType === 'ios',
  isBuiltIn: isTenantDefault,
  normalize: (spec) => ({
    platformBlocked: spec.platformBlocked,
    personalDeviceEnrollmentBlocked: spec.personalDeviceEnrollmentBlocked,
    ...(spec.osMinimumVersion ? { osMinimumVersion: spec.osMinimumVersion } : {}),
    ...(spec.osMaximumVersion ? { osMaximumVersion: spec.osMaximumVersion } : {}),
  }),
  toGraph: (spec) => ({
    '@odata.type': ODATA_TYPE,
    platformType: 'ios',
    platformRestriction: {
      platformBlocked: spec.platformBlocked,
      personalDeviceEnrollmentBlocked: spec.personalDeviceEnrollmentBlocked,
      osMinimumVersion: spec.osMinimumVersion ?? '',
      osMaximumVersion: spec.osMaximumVersion ?? '',
      blockedManufacturers: [],
      blockedSkus: [],
    },
  }),
  fromGraph(entity: GraphEntity) {
    const r = (entity.platformRestriction ?? {}) as Record<string, unknown>;
    const min = optionalVersion(r.osMinimumVersion);
    const max = optionalVersion(r.osMaximumVersion);
    return {
      platformBlocked: r.platformBlocked === true,
      personalDeviceEnrollmentBlocked: r.personalDeviceEnrollmentBlocked === true,
      ...(min ? { osMinimumVersion: min } : {}),
      ...(max ? { osMaximumVersion: max } : {}),
    };
  },
  ...targetOnlyAssignments('#microsoft.graph.enrollmentConfigurationAssignment'),
  code: {
    className: () => 'PlatformRestriction',
    referenced: () => false,
    problem({ spec: { osMinimumVersion: min, osMaximumVersion: max } }) {
      if (min !== undefined && max !== undefined && compareOsVersions(min, max) > 0) {
        return `its minimum OS version ${tsString(min)} is above its maximum ${tsString(max)}, so no device can enroll. Fix: correct them in the tenant, ${IMPORT_AGAIN}`;
      }
      return undefined;
    },
    declare: (o, ctx) =>
      newConstructCode(
        o,
        ctx,
        'PlatformRestriction',
        [
          ...namedProps(o),
          ['platformBlocked', String(o.spec.platformBlocked)],
          ['personalDeviceEnrollmentBlocked', String(o.spec.personalDeviceEnrollmentBlocked)],
          ...optionalProp('osMinimumVersion', o.spec.osMinimumVersion),
          ...optionalProp('osMaximumVersion', o.spec.osMaximumVersion),
          targetsProp(o, ctx.groups),
        ],
        [],
      ),
  },
};
