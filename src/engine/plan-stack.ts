import type { Manifest, TenantRef } from '../model';
import { lint, type Finding } from '../rules';
import type { ActualState } from './actual-state';
import type { Backend } from './backend';
import { planImpactOf, withMemberCounts } from './impact';
import { makePlan } from './make-plan';
import { sealPlan } from './plan-digest';
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
  /**
   * The tenant the backend opens, when the caller has read (and checked) it already.
   * @default read in the first round of reads (`GET /organization` beside the collection lists)
   */
  readonly tenant?: TenantRef;
  /**
   * Checks the tenant read in the first round of reads (when {@link tenant} is not given) as soon
   * as that round is answered, before anything read is used or anything more is sent; a check that
   * throws (a `WrongTenantError` naming both tenants) stops the plan there, with nothing written.
   * @default any tenant is accepted
   */
  readonly checkTenant?: (tenant: TenantRef) => void;
}

function toPlanFinding(f: Finding): PlanFinding {
  return {
    code: f.rule,
    severity: f.severity,
    path: f.path,
    message: f.message,
    fix: f.fix,
    ...(f.suppressed ? { suppressed: f.suppressed.reason } : {}),
    ...(f.source ? { source: f.source } : {}),
  };
}

/**
 * Reads the tenant (checking which one the backend opens, unless the caller did), checks the rules on the desired state with what the tenant holds, runs the
 * pre-flight checks (permissions, writes the service refuses to the credentials) and plans, with
 * whose enrollment it changes. The plan names the tenant it was made against and carries its
 * digest. Returns the state read too, for saved plans.
 */
export async function planStack(backend: Backend, manifest: Manifest, options: PlanStackOptions = {}): Promise<{ plan: Plan; state: ActualState }> {
  let tenant = options.tenant;
  const checkTenant = (read: TenantRef) => {
    options.checkTenant?.(read);
    tenant = read;
  };
  const [state, identity] = await Promise.all([
    readState(backend, groupNamesOf(manifest), { memberCounts: options.impact !== false, ...(tenant ? {} : { checkTenant }) }),
    backend.identity(),
  ]);
  const findings = options.mode === 'destroy' ? [] : lint(manifest, tenantFactsOf(manifest, state, identity)).findings.map(toPlanFinding);
  const draft = makePlan(manifest, state, {
    backend: backend.description,
    findings,
    ...(options.adopt ? { adopt: true } : {}),
    ...(options.mode ? { mode: options.mode } : {}),
  });
  const missing = [...missingPermissions(draft, identity), ...refusedWrites(draft)];
  // The tenant goes right after the backend, where a reader of the file looks for it.
  const { format, stack, backend: description, ...rest } = draft;
  const plan = { format, stack, backend: description, tenant: tenant!, ...rest, ...(missing.length ? { blockers: [...draft.blockers, ...missing] } : {}) };
  if (options.impact === false) return { plan: sealPlan(plan), state };
  const impact = await withMemberCounts(planImpactOf(manifest, state, plan), backend, plan, state);
  return { plan: sealPlan({ ...plan, impact }), state };
}
