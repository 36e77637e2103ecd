import type { Manifest } from '../model';
import { lint, type Finding } from '../rules';
import type { ActualState } from './actual-state';
import type { Backend } from './backend';
import { planImpactOf, withMemberCounts } from './impact';
import { makePlan } from './make-plan';
import type { Plan, PlanFinding, PlanMode } from './plan-types';
import { missingPermissions, refusedWrites } from './preflight';
import { groupNamesOf, readState } from './read-state';
import { tenantFactsOf } from './tenant-facts';

/** Choices for {@link planStack}. */
export interface PlanStackOptions {
  /** Take over unowned objects with a declared display name. */
  readonly adopt?: boolean;
  /** `destroy` plans the deletion of everything the stack owns; `normal` when absent. */
  readonly mode?: PlanMode;
  /**
   * Work out whose enrollment the plan changes (`plan.impact`), with member counts.
   * @default true
   */
  readonly impact?: boolean;
}

function toPlanFinding(f: Finding): PlanFinding {
  return {
    code: f.rule,
    severity: f.severity,
    path: f.path,
    message: f.message,
    fix: f.fix,
    ...(f.suppressed ? { suppressed: f.suppressed.reason } : {}),
  };
}

/**
 * Reads the tenant, checks the rules on the desired state with what the tenant holds, runs the
 * pre-flight checks (permissions, writes the service refuses to the credentials) and plans, with
 * whose enrollment it changes. Returns the state read too, for saved plans.
 */
export async function planStack(backend: Backend, manifest: Manifest, options: PlanStackOptions = {}): Promise<{ plan: Plan; state: ActualState }> {
  const [state, identity] = await Promise.all([readState(backend, groupNamesOf(manifest), { memberCounts: options.impact !== false }), backend.identity()]);
  const findings = options.mode === 'destroy' ? [] : lint(manifest, tenantFactsOf(manifest, state, identity)).findings.map(toPlanFinding);
  const draft = makePlan(manifest, state, {
    backend: backend.description,
    findings,
    ...(options.adopt ? { adopt: true } : {}),
    ...(options.mode ? { mode: options.mode } : {}),
  });
  const missing = [...missingPermissions(draft, identity), ...refusedWrites(draft)];
  const plan = missing.length ? { ...draft, blockers: [...draft.blockers, ...missing] } : draft;
  if (options.impact === false) return { plan, state };
  const impact = await withMemberCounts(planImpactOf(manifest, state, plan), backend, plan, state);
  return { plan: { ...plan, impact }, state };
}
