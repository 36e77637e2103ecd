import { z } from 'zod';
import { UsageError } from '../model';
import { StepSchema } from './plan-schema';
import { PLAN_FORMAT, type Plan, type Step } from './plan-types';
import { referencedSteps } from './step-request';

const PlanFileSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  stack: z.string().min(1),
  backend: z.string(),
  groups: z.array(z.unknown()),
  changes: z.array(z.unknown()),
  moves: z.array(z.unknown()),
  findings: z.array(z.unknown()),
  mode: z.enum(['normal', 'destroy']),
  blockers: z.array(z.object({ code: z.string(), path: z.string(), message: z.string(), fix: z.string() })),
  steps: z.array(StepSchema),
  fingerprint: z.record(z.string(), z.string()),
  summary: z.record(z.string(), z.number()),
});

/** Checks that JSON read from a file is a plan this version can apply; says what is wrong otherwise. */
export function parsePlanFile(json: unknown, file: string): Plan {
  const parsed = PlanFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(
      `'${file}' is not an enrollkit plan of format ${PLAN_FORMAT}: ${issue.path.join('.') || '(root)'}: ${issue.message}. Fix: make it again with 'enrollkit plan --out ${file}'.`,
    );
  }
  const ids = new Set(parsed.data.steps.map((s) => s.id));
  const dangling = parsed.data.steps.flatMap((s) => [...s.dependsOn, ...referencedSteps(s as Step)].filter((d) => !ids.has(d) && !d.startsWith('group:')).map((d) => `${s.id} -> ${d}`));
  if (dangling.length > 0) throw new UsageError(`'${file}' has steps that depend on steps it does not contain (${dangling.join(', ')}). Fix: make it again with 'enrollkit plan --out ${file}'.`);
  return json as Plan;
}
