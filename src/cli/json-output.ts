import { z } from 'zod';
import type { ApplyResult, DriftReport, Plan } from '../engine';
import { PlanSchema } from '../engine/plan-schema';
import { EnrollkitError, ValidationError } from '../model';
import { VERSION } from './version';

/** The version of the JSON that `plan`, `apply` and `drift` print with `--format json`. */
export const OUTPUT_FORMAT = 'enrollkit.output/v1';

const StepResultSchema = z.strictObject({
  step: z.string().describe('the step ID of the plan'),
  title: z.string(),
  status: z.enum(['done', 'failed', 'skipped']),
  error: z.string().optional().describe('why it failed or was skipped'),
  createdId: z.string().optional().describe('the Graph ID of the object the step created'),
  lostAnswer: z.string().optional().describe("how the step's outcome was found out when its answer was lost"),
});

const ReconciledSchema = z.strictObject({
  step: z.string().describe('the create step whose object was duplicated'),
  displayName: z.string(),
  kept: z.string().describe('the Graph ID kept (the oldest)'),
  deleted: z.array(z.string()).describe('the extra objects deleted'),
  error: z.string().optional().describe('why an extra could not be deleted'),
});

const ApplyReportSchema = z.strictObject({
  stack: z.string(),
  ok: z.boolean().describe('true when every step succeeded'),
  results: z.array(StepResultSchema).describe('every step, in the order they finished'),
  reconciled: z.array(ReconciledSchema).describe('objects a lost answer made twice, and the extras deleted'),
});

const AssignmentsSchema = z.array(z.unknown());

const DriftReportSchema = z.strictObject({
  stack: z.string(),
  edited: z
    .array(
      z.strictObject({
        kind: z.string(),
        logicalId: z.string(),
        path: z.string().optional(),
        displayName: z.string(),
        id: z.string(),
        fields: z.array(z.strictObject({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })).describe('before: as the code states it; after: as the tenant has it'),
        assignments: z.strictObject({ added: AssignmentsSchema, removed: AssignmentsSchema }),
        codeChangedToo: z.boolean(),
      }),
    )
    .describe('owned objects whose state no longer matches what apply recorded in their marker'),
  deleted: z
    .array(z.strictObject({ kind: z.string(), logicalId: z.string(), path: z.string(), displayName: z.string() }))
    .describe("owned objects the stack's inventory lists that the tenant no longer holds"),
  inventoryRecorded: z.boolean().describe('false until an apply records what the stack owns: deletions are then not told apart'),
  untracked: z.array(z.string()).describe('logical IDs of owned objects with no record of what apply wrote'),
  newcomers: z
    .array(z.strictObject({ priorityClass: z.string(), displayName: z.string(), id: z.string(), rank: z.number().int().min(1), above: z.string() }))
    .describe("objects no stack owns ranked above the stack's objects"),
});

const ErrorSchema = z.strictObject({
  code: z.string().describe('a stable code: EK_VALIDATION, EK_BACKEND, EK_APPLY, EK_USAGE, EK_STALE_PLAN, EK_LOCKED, EK_WRONG_TENANT, EK_INVALID_PLAN, or EK_INTERNAL'),
  message: z.string(),
  issues: z
    .array(z.strictObject({ path: z.string(), field: z.string(), value: z.unknown().optional(), message: z.string(), fix: z.string(), rule: z.string().optional() }))
    .optional()
    .describe('every problem of the desired state, for EK_VALIDATION'),
});

/** What `plan`, `apply` and `drift` print with `--format json`: one shape for one stack or many, and for errors. */
export const OutputSchema = z
  .strictObject({
    format: z.literal(OUTPUT_FORMAT),
    command: z.string().describe('the command that printed it'),
    version: z.string().describe('the enrollkit version'),
    ok: z.boolean().describe('false when the command failed (exit code 1)'),
    plans: z.array(PlanSchema).describe('one plan per stack, sorted by stack name'),
    applies: z.array(ApplyReportSchema).optional().describe('apply: what each stack apply did, step by step'),
    drift: z.array(DriftReportSchema).optional().describe('drift: what changed in the tenant outside the code, per stack'),
    error: ErrorSchema.optional().describe('why the command failed, when it failed with an error'),
  })
  .meta({ id: 'Output', title: 'enrollkit JSON output' });

/** The JSON output of a command. */
export type Output = z.infer<typeof OutputSchema>;

/** One stack's apply in the JSON output. */
export type ApplyReport = z.infer<typeof ApplyReportSchema>;

/** The JSON Schema of the output, generated from {@link OutputSchema} (published as docs/output.schema.json). */
export function outputJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(OutputSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** An apply's results as the JSON output reports them. */
export function applyReport(stack: string, result: ApplyResult): ApplyReport {
  return {
    stack,
    ok: result.ok,
    results: result.results.map((r) => ({
      step: r.step.id,
      title: r.step.title,
      status: r.status,
      ...(r.error !== undefined ? { error: r.error } : {}),
      ...(r.createdId !== undefined ? { createdId: r.createdId } : {}),
      ...(r.lostAnswer !== undefined ? { lostAnswer: r.lostAnswer } : {}),
    })),
    reconciled: result.reconciled.map((d) => ({ ...d, deleted: [...d.deleted] })),
  };
}

/** The JSON output of a command that ran to its end (the engine's readonly results, as the schema types them). */
export function outputDocument(command: string, ok: boolean, plans: readonly Plan[], extra: { applies?: readonly ApplyReport[]; drift?: readonly DriftReport[] } = {}): Output {
  return { format: OUTPUT_FORMAT, command, version: VERSION, ok, plans: plans as Output['plans'], ...(extra as Pick<Output, 'applies' | 'drift'>) };
}

/** The JSON output of a command that failed with an error: code, message, and each validation issue. */
export function errorDocument(command: string, error: unknown): Output {
  const base = outputDocument(command, false, []);
  if (error instanceof ValidationError) return { ...base, error: { code: error.code, message: error.message, issues: error.issues.map((i) => ({ ...i })) } };
  if (error instanceof EnrollkitError) return { ...base, error: { code: error.code, message: error.message } };
  return { ...base, error: { code: 'EK_INTERNAL', message: error instanceof Error ? error.message : String(error) } };
}

/** The output as printed: indented JSON and a newline. */
export function printJson(output: Output): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}
