import { z } from 'zod';
import { namedProps, newConstructCode, targetsProp, tsValue } from '../codegen';
import type { GraphEntity, KindDescriptor } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import { ENROLLMENT_CONFIGURATION_PERMISSIONS, ENROLLMENT_CONFIGURATIONS, isTenantDefault } from './platform-restriction';
import { isOfType, targetOnlyAssignments } from './target-only-assignments';

/** A device limit restriction: how many devices one user may enroll (EK014: 1 to 15). */
export const DeviceLimitRestrictionSpecSchema = z.strictObject({
  limit: z.number().int().min(1).max(15),
});

/** Spec of a device limit restriction. */
export type DeviceLimitRestrictionSpec = z.infer<typeof DeviceLimitRestrictionSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.deviceEnrollmentLimitConfiguration';

/** Device limit restrictions: Devices > Enrollment > Device limit restrictions. */
export const deviceLimitRestriction: KindDescriptor<DeviceLimitRestrictionSpec> = {
  kind: 'deviceLimitRestriction',
  title: 'device limit restriction',
  specSchema: DeviceLimitRestrictionSpecSchema,
  graph: graphProtocol({ ...ENROLLMENT_CONFIGURATIONS, odataType: ODATA_TYPE }),
  priorityClass: 'deviceLimitRestriction',
  priorityBase: 1,
  dependsOn: [],
  permissions: ENROLLMENT_CONFIGURATION_PERMISSIONS,
  replaceOn: [],
  matches: (entity) => isOfType(entity, ODATA_TYPE),
  isBuiltIn: isTenantDefault,
  normalize: (spec) => ({ limit: spec.limit }),
  toGraph: (spec) => ({ '@odata.type': ODATA_TYPE, limit: spec.limit }),
  fromGraph: (entity: GraphEntity) => ({ limit: Number(entity.limit) }),
  ...targetOnlyAssignments('#microsoft.graph.enrollmentConfigurationAssignment'),
  code: {
    className: () => 'DeviceLimitRestriction',
    referenced: () => false,
    problem: () => undefined,
    declare: (o, ctx) => newConstructCode(o, ctx, 'DeviceLimitRestriction', [...namedProps(o), ['limit', tsValue(o.spec.limit)], targetsProp(o, ctx.groups)], []),
  },
};
