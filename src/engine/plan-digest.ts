import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { Plan } from './plan-types';

/** SHA-256 (hex) of a plan's canonical JSON without its `digest`: what `plan.digest` records. */
export function planDigestOf(plan: Plan): string {
  const { digest: _digest, ...content } = plan;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The plan with its digest, as `plan --out` saves it. */
export function sealPlan(plan: Plan): Plan {
  return { ...plan, digest: planDigestOf(plan) };
}
