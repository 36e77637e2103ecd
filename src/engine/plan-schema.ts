import { z } from 'zod';
import { AssignmentSchema, KindNameSchema } from '../model';
import { PlanImpactSchema } from './impact/impact-schema';
import { PLAN_FORMAT } from './plan-types';

const FieldChangeSchema = z.strictObject({
  field: z.string().describe('dotted path of the property'),
  before: z.unknown().optional().describe("the tenant's value (absent when unset)"),
  after: z.unknown().optional().describe('the desired value (absent when it is to be unset)'),
});

const ResourceChangeSchema = z.strictObject({
  action: z.enum(['create', 'update', 'replace', 'delete', 'adopt', 'unchanged', 'conflict']),
  kind: KindNameSchema,
  logicalId: z.string(),
  path: z.string().optional().describe('construct path, when the stack declares the object'),
  displayName: z.string(),
  id: z.string().optional().describe('Graph ID of the existing object'),
  referenced: z.boolean().describe('true for an object referenced, not owned'),
  fields: z.array(FieldChangeSchema),
  replaceFields: z.array(z.string()).optional().describe('for replace: the changed fields Graph cannot change in place'),
  actions: z.array(z.string()).optional().describe('actions called on the object beyond its properties (make it the default, assign devices)'),
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
  code: z.string().describe('the rule ID, e.g. EK009'),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string().describe('construct path'),
  message: z.string(),
  fix: z.string(),
  suppressed: z.string().optional().describe('the written reason, when the stack suppresses the rule there'),
  source: z.string().optional().describe("where the app declares the construct, file:line relative to the app's directory"),
});

const BlockerSchema = z.strictObject({
  code: z.string().describe('a rule ID, or group-missing, group-ambiguous, name-owned, name-unowned, reference-missing, reference-ambiguous, reference-owned, permission-missing'),
  path: z.string().describe('construct path'),
  message: z.string(),
  fix: z.string(),
});

const ObjectRefSchema = z.union([
  z.strictObject({ id: z.string().min(1).describe('Graph ID of an existing object') }),
  z.strictObject({ step: z.string().min(1).describe('the step that creates the object') }),
]);

/** One typed write of a plan; the kind's protocol turns it into its Graph request at apply time. */
export const StepSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  kind: z.union([z.literal('group').describe('an Entra group'), KindNameSchema]),
  operation: z.enum(['create', 'update', 'delete', 'assign', 'unassign', 'setPriority', 'action']),
  object: ObjectRefSchema.optional().describe('the object written; absent for create'),
  parent: ObjectRefSchema.optional().describe('the parent object of a kind nested under one'),
  assignmentId: z.string().optional().describe('for unassign: the assignment removed'),
  action: z.string().optional().describe('for action: the Graph action called'),
  body: z.unknown().optional().describe('the request body; {{ref:STEP}} in it stands for the ID that step creates'),
  dependsOn: z.array(z.string()),
});

/** A tenant: its Entra tenant ID and organization name. */
export const TenantRefSchema = z.strictObject({
  id: z.string().min(1).describe('Entra tenant ID'),
  displayName: z.string().optional().describe("the organization's display name (GET /organization)"),
});

/** The plan of one stack (`enrollkit.plan/v3`, docs/plan-format.md), as `plan --out` saves it. */
export const PlanSchema = z
  .strictObject({
    format: z.literal(PLAN_FORMAT),
    stack: z.string().min(1),
    backend: z.string(),
    tenant: TenantRefSchema.optional().describe('the tenant the plan was made against; apply refuses the plan on any other'),
    mode: z.enum(['normal', 'destroy']),
    adopt: z.boolean().describe('true when the plan was made with --adopt'),
    manifest: z.unknown().describe('the desired state the plan was made from (enrollkit.manifest/v1, as synth writes it); apply derives the steps from it again'),
    groups: z.array(GroupChangeSchema),
    changes: z.array(ResourceChangeSchema),
    moves: z.array(PlannedMoveSchema),
    priorityOrders: z.array(PriorityOrderSchema),
    findings: z.array(PlanFindingSchema),
    blockers: z.array(BlockerSchema),
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
    digest: z.string().optional().describe("SHA-256 (hex) of the plan's canonical JSON without this field; apply refuses a file that no longer matches it"),
  })
  .meta({ id: 'Plan', title: 'The plan of one stack' });
