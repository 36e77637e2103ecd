import { z } from 'zod';
import type { GraphEntity, KindDescriptor } from '../descriptor';
import { targetOnlyAssignments } from './target-only-assignments';

/** How a user-initiated iOS/iPadOS enrollment happens (Graph's `appleUserInitiatedEnrollmentType`). */
export const EnrollmentTypeSchema = z.enum(['device', 'user', 'accountDrivenUserEnrollment', 'webDeviceEnrollment']);

/** An enrollment type. */
export type EnrollmentType = z.infer<typeof EnrollmentTypeSchema>;

/** Device ownership as the enrollment flow asks it. */
export const OwnershipSchema = z.enum(['personal', 'corporate']);

/** Ownership of a device. */
export type Ownership = z.infer<typeof OwnershipSchema>;

/** The enrollment type profile's own settings. */
export const EnrollmentTypeProfileSpecSchema = z
  .strictObject({
    /** The enrollment type, or `userChoice` to let the user say who owns the device. */
    enrollmentType: z.union([EnrollmentTypeSchema, z.literal('userChoice')]),
    /** With `userChoice`: the enrollment type for each ownership the user may pick. */
    userChoice: z.strictObject({ personal: EnrollmentTypeSchema, corporate: EnrollmentTypeSchema }).optional(),
  })
  .superRefine((spec, ctx) => {
    if ((spec.enrollmentType === 'userChoice') !== (spec.userChoice !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['userChoice'],
        message:
          spec.enrollmentType === 'userChoice'
            ? 'a userChoice profile needs the enrollment type for each ownership: { personal, corporate }'
            : `userChoice is only for enrollmentType 'userChoice' (got '${spec.enrollmentType}')`,
      });
    }
  });

/** Spec of an enrollment type profile. */
export type EnrollmentTypeProfileSpec = z.infer<typeof EnrollmentTypeProfileSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.appleUserInitiatedEnrollmentProfile';
const OWNER_TYPES = { personal: 'personal', corporate: 'company' } as const;

function readType(value: unknown): EnrollmentType {
  const parsed = EnrollmentTypeSchema.safeParse(value);
  return parsed.success ? parsed.data : 'device';
}

/** Enrollment type profiles (Devices > Enrollment > Apple > Enrollment types). */
export const enrollmentTypeProfile: KindDescriptor<EnrollmentTypeProfileSpec> = {
  kind: 'enrollmentTypeProfile',
  title: 'enrollment type profile',
  specSchema: EnrollmentTypeProfileSpecSchema,
  graph: {
    collection: '/deviceManagement/appleUserInitiatedEnrollmentProfiles',
    odataType: ODATA_TYPE,
    listTypes: [],
    expandAssignments: true,
    assign: { style: 'collection', odataType: '#microsoft.graph.appleEnrollmentProfileAssignment' },
  },
  priorityClass: 'enrollmentTypeProfile',
  priorityBase: 0,
  dependsOn: ['ssoExtensionPolicy', 'iosApp', 'webClip'],
  permissions: {
    read: ['DeviceManagementServiceConfig.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All', 'DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    write: ['DeviceManagementServiceConfig.ReadWrite.All'],
  },
  replaceOn: [],
  matches: () => true,
  isBuiltIn: () => false,
  normalize: (spec) =>
    spec.enrollmentType === 'userChoice' && spec.userChoice
      ? { enrollmentType: 'userChoice', userChoice: { personal: spec.userChoice.personal, corporate: spec.userChoice.corporate } }
      : { enrollmentType: spec.enrollmentType },
  toGraph(spec) {
    const choice = spec.enrollmentType === 'userChoice' ? spec.userChoice : undefined;
    return {
      '@odata.type': ODATA_TYPE,
      platform: 'iOS',
      defaultEnrollmentType: choice ? choice.personal : spec.enrollmentType,
      availableEnrollmentTypeOptions: choice
        ? (['personal', 'corporate'] as const).map((o) => ({
            '@odata.type': '#microsoft.graph.appleOwnerTypeEnrollmentType',
            ownerType: OWNER_TYPES[o],
            enrollmentType: choice[o],
          }))
        : [],
    };
  },
  fromGraph(entity: GraphEntity) {
    const options = Array.isArray(entity.availableEnrollmentTypeOptions)
      ? (entity.availableEnrollmentTypeOptions as Record<string, unknown>[])
      : [];
    const pick = (owner: string) => options.find((o) => o.ownerType === owner)?.enrollmentType;
    if (options.length > 0) {
      return {
        enrollmentType: 'userChoice',
        userChoice: { personal: readType(pick('personal')), corporate: readType(pick('company')) },
      };
    }
    return { enrollmentType: readType(entity.defaultEnrollmentType) };
  },
  ...targetOnlyAssignments('#microsoft.graph.appleEnrollmentProfileAssignment'),
};
