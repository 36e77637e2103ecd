import { z } from 'zod';
import { AssignmentSchema, DESCRIPTORS } from '../model';
import { PlanImpactSchema } from './impact/impact-schema';
import { PLAN_FORMAT } from './plan-types';

const KindSchema = z.enum(DESCRIPTORS.map((d) => d.kind) as [string, ...string[]]);

const FieldChangeSchema = z.strictObject({
  field: z.string().describe('dotted path of the property'),
  before: z.unknown().optional().describe("the tenant's value (absent when unset)"),
  after: z.unknown().optional().describe('the desired value (absent when it is to be unset)'),
});

const ResourceChangeSchema = z.strictObject({
  action: z.enum(['create', 'update', 'replace', 'delete', 'adopt', 'unchanged', 'conflict']),
  kind: KindSchema,
  logicalId: z.string(),
  path: z.string().optional().describe('construct path, when the stack declares the object'),
  displayName: z.string(),
  id: z.string().optional().describe('Graph ID of the existing object'),
  referenced: z.boolean().describe('true for an object referenced, not owned'),
  fields: z.array(FieldChangeSchema),
  assignments: z.strictObject({ add: z.array(AssignmentSchema), remove: z.array(AssignmentSchema) }),
  reason: z.string().optional(),
});

const GroupChangeSchema = z.strictObject({
  action: z.enum(['create', 'unchanged', 'deduplicate', 'missing', 'ambiguous']),
  displayName: z.string(),
  path: z.string(),
  id: z.string().optional().describe('object ID, when found (the one kept, for deduplicate)'),
  duplicates: z.array(z.string()).optional().describe('IDs of the duplicates deduplicate deletes'),
});

const PlannedMoveSchema = z.strictObject({
  priorityClass: z.string(),
  displayName: z.string(),
  logicalId: z.string().optional(),
  from: z.number().int().min(1).optional().describe('rank before the move, 1 the highest; absent for an object the plan creates'),
  to: z.number().int().min(1).describe('rank after the move, 1 the highest'),
});

const PriorityOrderSchema = z.strictObject({
  priorityClass: z.string(),
  objects: z.array(
    z.strictObject({
      rank: z.number().int().min(1).describe('1 is the highest priority'),
      displayName: z.string(),
      logicalId: z.string().optional(),
      owned: z.boolean(),
    }),
  ),
});

const PlanFindingSchema = z.strictObject({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  message: z.string(),
  suppressed: z.string().optional(),
});

/** One write of a plan. */
export const StepSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  request: z.strictObject({
    method: z.enum(['GET', 'POST', 'PATCH', 'DELETE']),
    version: z.enum(['beta', 'v1.0']),
    path: z.string().startsWith('/'),
    body: z.unknown().optional(),
  }),
  dependsOn: z.array(z.string()),
});

/** The plan of one stack (`enrollkit.plan/v1`, docs/plan-format.md), as `plan --out` saves it. */
export const PlanSchema = z
  .strictObject({
    format: z.literal(PLAN_FORMAT),
    stack: z.string().min(1),
    backend: z.string(),
    groups: z.array(GroupChangeSchema),
    changes: z.array(ResourceChangeSchema),
    moves: z.array(PlannedMoveSchema),
    priorityOrders: z.array(PriorityOrderSchema),
    findings: z.array(PlanFindingSchema),
    blockers: z.array(z.string()),
    steps: z.array(StepSchema),
    fingerprint: z.record(z.string(), z.string()),
    summary: z.strictObject({
      create: z.number().int(),
      update: z.number().int(),
      replace: z.number().int(),
      delete: z.number().int(),
      adopt: z.number().int(),
      move: z.number().int(),
      groups: z.number().int(),
    }),
    impact: PlanImpactSchema.optional().describe('whose enrollment the plan changes, and how; absent with plan --no-impact'),
  })
  .meta({ id: 'Plan', title: 'The plan of one stack' });
