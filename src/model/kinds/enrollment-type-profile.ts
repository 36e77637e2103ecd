import { z } from 'zod';
import { namedProps, newConstructCode, targetsProp } from '../codegen';
import type { GraphEntity, KindDescriptor } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import { IMPORT_AGAIN } from './import-again';
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

const ENROLLMENT_TYPE_CODE: Readonly<Record<EnrollmentType, string>> = {
  device: 'EnrollmentType.DEVICE_ENROLLMENT_WITH_COMPANY_PORTAL',
  webDeviceEnrollment: 'EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT',
  accountDrivenUserEnrollment: 'EnrollmentType.ACCOUNT_DRIVEN_USER_ENROLLMENT',
  user: 'EnrollmentType.USER_ENROLLMENT_WITH_COMPANY_PORTAL',
};

function enrollmentTypeCode(spec: EnrollmentTypeProfileSpec): string {
  if (spec.enrollmentType !== 'userChoice') return ENROLLMENT_TYPE_CODE[spec.enrollmentType];
  const choice = spec.userChoice;
  if (!choice) throw new Error('a user-choice profile without its personal and corporate enrollment types cannot be declared');
  return `EnrollmentType.userChoice({ personal: ${ENROLLMENT_TYPE_CODE[choice.personal]}, corporate: ${ENROLLMENT_TYPE_CODE[choice.corporate]} })`;
}
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
  graph: graphProtocol({
    collection: '/deviceManagement/appleUserInitiatedEnrollmentProfiles',
    odataType: ODATA_TYPE,
    listTypes: [],
    expandAssignments: true,
    assign: { style: 'collection', odataType: '#microsoft.graph.appleEnrollmentProfileAssignment' },
    priorityAction: 'setPriority',
  }),
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
  code: {
    className: () => 'EnrollmentTypeProfile',
    referenced: () => false,
    problem(o) {
      if (o.spec.enrollmentType === 'userChoice' && !o.spec.userChoice) {
        return `it lets the user choose the ownership but names no enrollment type for personal and corporate devices. Fix: set both in the tenant, ${IMPORT_AGAIN}`;
      }
      if (o.assignments.length === 0) return `it has no assignments, and a stack's profile needs at least one. Fix: assign it in the tenant (or delete it), ${IMPORT_AGAIN}`;
      return undefined;
    },
    declare: (o, ctx) =>
      newConstructCode(o, ctx, 'EnrollmentTypeProfile', [...namedProps(o), ['enrollmentType', enrollmentTypeCode(o.spec)], targetsProp(o, ctx.groups)], ['EnrollmentType']),
  },
};
