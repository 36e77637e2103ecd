import { z } from 'zod';
import { formatIssue, InvalidPlanError, ManifestSchema, manifestTreeIssues, UsageError } from '../model';
import { planDigestOf } from './plan-digest';
import { PlanSchema, TenantRefSchema } from './plan-schema';
import { PLAN_FORMAT, type Plan, type Step } from './plan-types';
import { referencedSteps } from './step-request';

/** A saved plan: the plan's schema, with the tenant, the digest and the manifest required. */
const PlanFileSchema = PlanSchema.extend({ tenant: TenantRefSchema, digest: z.string().regex(/^[0-9a-f]{64}$/), manifest: ManifestSchema });

/**
 * Checks JSON read from a file before apply trusts any of it: a plan of this format (every field
 * of the schema, the manifest it was made from included and checked as synth checks a stack), whose
 * content matches its digest and whose steps depend only on steps it contains. Says every problem found; the steps are derived
 * again from the manifest against the tenant later (`verifySavedPlan`).
 */
export function parsePlanFile(json: unknown, file: string): Plan {
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format !== PLAN_FORMAT && format.startsWith('enrollkit.plan/')) {
    throw new UsageError(`'${file}' is a plan of format ${format}, which this version does not apply (it applies ${PLAN_FORMAT}). Fix: make it again with 'enrollkit plan --out ${file}'.`);
  }
  const parsed = PlanFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidPlanError(
      file,
      parsed.error.issues.slice(0, 20).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const plan = json as Plan;
  const digest = planDigestOf(plan);
  if (digest !== plan.digest) {
    throw new InvalidPlanError(file, [`its content does not match its digest (the file says ${plan.digest}, its content gives ${digest}): it was edited after 'enrollkit plan --out' wrote it`]);
  }
  const treeIssues = manifestTreeIssues(plan.manifest, 'manifest');
  if (treeIssues.length > 0) throw new InvalidPlanError(file, treeIssues.map(formatIssue));
  const ids = new Set<string>();
  const repeated = new Set<string>();
  for (const s of plan.steps) (ids.has(s.id) ? repeated : ids).add(s.id);
  // A reference to `group:NAME` without its step names a group the tenant lacks: such a plan is blocked anyway.
  const problems = [
    ...[...repeated].map((id) => `step '${id}' appears more than once`),
    ...plan.steps.flatMap((s) => [...s.dependsOn, ...referencedSteps(s as Step)].filter((d) => !ids.has(d) && !d.startsWith('group:')).map((d) => `step '${s.id}' depends on step '${d}', which the plan does not contain`)),
  ];
  if (problems.length > 0) throw new InvalidPlanError(file, problems);
  return plan;
}
