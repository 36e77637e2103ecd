import { descriptorOf, InvalidPlanError, StalePlanError, type TenantRef } from '../model';
import type { ActualGroup, ActualObject, ActualState } from './actual-state';
import type { Backend } from './backend';
import { canonicalJson } from './canonical-json';
import { changedParts } from './fingerprint';
import { planStack } from './plan-stack';
import type { Plan, Step } from './plan-types';

const VERBS: Readonly<Record<Step['operation'], string>> = {
  create: 'creates',
  update: 'updates',
  delete: 'deletes',
  assign: 'assigns',
  unassign: 'removes an assignment of',
  setPriority: 'sets the priority of',
  action: 'calls an action on',
};

function titleOf(kind: Step['kind']): string {
  return kind === 'group' ? 'Entra group' : descriptorOf(kind).title;
}

/** Why the plan may write an object the stack does not own: a reference it declares, an adoption, a priority move the plan lists. */
function mayTouchUnowned(plan: Plan, step: Step, object: ActualObject): boolean {
  const change = plan.changes.find((c) => c.id === object.id && c.kind === object.kind);
  if (change?.referenced && (step.operation === 'assign' || step.operation === 'unassign')) return true;
  if (change?.action === 'adopt' && plan.adopt && step.operation === 'update') return true;
  return step.operation === 'setPriority' && plan.moves.some((m) => m.logicalId === undefined && m.displayName === object.displayName);
}

/**
 * The steps of a saved plan that write an object the stack does not own, that the tenant does not
 * have, or that is of another kind than the step says, read from the tenant now.
 */
export function ownershipProblems(plan: Plan, state: ActualState): string[] {
  const objects = new Map(state.objects.map((o) => [o.id, o]));
  const groups = new Map<string, ActualGroup>([...state.groupsByName.values()].flat().map((g) => [g.id, g]));
  return plan.steps.flatMap((step) => {
    if (!step.object || !('id' in step.object)) return [];
    const id = step.object.id;
    const what = `step '${step.id}' ${VERBS[step.operation]} ${titleOf(step.kind)} ${id}`;
    const object = objects.get(id);
    const group = groups.get(id);
    if (!object && !group) return [`${what}, which the tenant does not have`];
    if (step.kind === 'group' || !object) {
      if (!group) return [`step '${step.id}' says ${id} is an Entra group, but it is ${titleOf(object!.kind)} '${object!.displayName}' (kind ${object!.kind})`];
      if (step.kind !== 'group') return [`step '${step.id}' says ${id} is of kind ${step.kind}, but it is Entra group '${group.displayName}'`];
      return group.marker?.stack === plan.stack ? [] : [`${what} ('${group.displayName}'), which stack ${plan.stack} did not create`];
    }
    const named = `${titleOf(step.kind)} '${object.displayName}' (${id})`;
    if (object.kind !== step.kind) return [`step '${step.id}' says ${id} is of kind ${step.kind}, but it is ${titleOf(object.kind)} '${object.displayName}' (kind ${object.kind})`];
    if (object.builtIn) return [`step '${step.id}' ${VERBS[step.operation]} ${named}, the tenant's default, which no stack owns`];
    if (object.marker?.stack === plan.stack || mayTouchUnowned(plan, step, object)) return [];
    const owner = object.marker ? `it belongs to stack ${object.marker.stack}` : 'it was made outside enrollkit';
    return [`step '${step.id}' ${VERBS[step.operation]} ${named}, which stack ${plan.stack} does not own (${owner})`];
  });
}

/** The differences between a saved plan and the plan derived again from its manifest, one line each. */
export function derivationDifferences(saved: Plan, derived: Plan): string[] {
  const problems: string[] = saved.stack === derived.stack ? [] : [`it names stack ${saved.stack}, but its manifest is stack ${derived.stack}'s`];
  const derivedSteps = new Map(derived.steps.map((s) => [s.id, s]));
  const savedIds = new Set(saved.steps.map((s) => s.id));
  for (const step of saved.steps) {
    const expected = derivedSteps.get(step.id);
    if (!expected) {
      problems.push(`step '${step.id}' (${step.title}) is not one the plan's changes give`);
      continue;
    }
    const fields = [...new Set([...Object.keys(step), ...Object.keys(expected)])].filter(
      (key) => canonicalJson((step as unknown as Record<string, unknown>)[key]) !== canonicalJson((expected as unknown as Record<string, unknown>)[key]),
    );
    if (fields.length > 0) problems.push(`step '${step.id}' differs from the one the plan's changes give, in ${fields.join(', ')}`);
  }
  for (const step of derived.steps) if (!savedIds.has(step.id)) problems.push(`the plan's changes give step '${step.id}' (${step.title}), which the file lacks`);
  if (problems.length === 0 && canonicalJson(saved.steps.map((s) => s.id)) !== canonicalJson(derived.steps.map((s) => s.id))) {
    problems.push("the steps are in another order than the plan's changes give");
  }
  const parts: readonly (keyof Plan)[] = ['groups', 'changes', 'moves', 'blockers'];
  for (const part of parts) {
    if (canonicalJson(saved[part]) !== canonicalJson(derived[part])) problems.push(`its ${part} are not those its manifest gives against the tenant`);
  }
  const keys = (plan: Plan) => Object.keys(plan.fingerprint).sort();
  const missing = keys(derived).filter((k) => !(k in saved.fingerprint));
  const extra = keys(saved).filter((k) => !(k in derived.fingerprint));
  if (missing.length > 0) problems.push(`its fingerprint lacks ${missing.join(', ')}, which the plan reads`);
  if (extra.length > 0) problems.push(`its fingerprint has ${extra.join(', ')}, which the plan does not read`);
  return problems;
}

/**
 * Verifies a saved plan against the tenant (the caller has checked its digest and its tenant):
 * the tenant parts it read are unchanged (else a {@link StalePlanError}); every object a step
 * writes is still the stack's, or one the plan may write (a reference, an adoption, a listed
 * priority move); and its manifest, planned again against the tenant now, gives exactly its
 * changes and steps. Throws an {@link InvalidPlanError} listing every problem.
 */
export async function verifySavedPlan(backend: Backend, plan: Plan, file: string, tenant: TenantRef): Promise<void> {
  const { plan: derived, state } = await planStack(backend, plan.manifest, { mode: plan.mode, adopt: plan.adopt, impact: false, tenant });
  const changed = changedParts(plan.fingerprint, state);
  if (changed.length > 0) throw new StalePlanError(`the tenant changed since the plan was made (${changed.join(', ')}); make a new plan with 'enrollkit plan --out ${file}'.`);
  const problems = [...ownershipProblems(plan, state), ...derivationDifferences(plan, derived)];
  if (problems.length > 0) throw new InvalidPlanError(file, problems);
}
