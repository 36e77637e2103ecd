import type { Backend, GraphRequest } from './backend';
import { graphErrorMessage, isSuccess } from './graph-errors';
import type { Plan, Step } from './plan-types';
import { reconcileDuplicates, type ReconciledDuplicate } from './reconcile-duplicates';
import { sendWrites } from './resolve-unknown-writes';
import { stepRequest, type SentWrite } from './step-request';

/** How one step of an apply ended. */
export interface StepResult {
  /** The step. */
  readonly step: Step;
  /** `done`, `failed`, or `skipped` because a step it depends on did not succeed. */
  readonly status: 'done' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  readonly error?: string;
  /** The ID Graph gave an object the step created. */
  readonly createdId?: string;
  /** How a lost answer was resolved, when the step's answer was lost. */
  readonly lostAnswer?: string;
}

/** What an apply did, step by step. */
export interface ApplyResult {
  /** Every step of the plan, in the order they finished. */
  readonly results: readonly StepResult[];
  /** Objects found carrying one ownership marker after a wave, and the extras deleted. */
  readonly reconciled: readonly ReconciledDuplicate[];
  /** True when every step succeeded and every duplicate was removed. */
  readonly ok: boolean;
}

/** Progress of an apply, for a progress bar or a log. */
export type ApplyEvent =
  | { readonly type: 'wave'; readonly steps: number; readonly done: number; readonly total: number }
  | { readonly type: 'step'; readonly result: StepResult }
  | { readonly type: 'reconciled'; readonly duplicate: ReconciledDuplicate };

/**
 * Applies a plan in dependency waves: every step whose dependencies succeeded goes out in one
 * batched send. A failed step stops what depends on it; independent steps still run. A write
 * whose answer is lost is resolved by reading the tenant, never sent blindly again; after such a
 * wave, objects carrying one ownership marker are reconciled (the oldest kept, the extras deleted).
 */
export async function applyPlan(backend: Backend, plan: Plan, onEvent: (event: ApplyEvent) => void = () => {}): Promise<ApplyResult> {
  const results = new Map<string, StepResult>();
  const ids = new Map<string, string>();
  const reconciled: ReconciledDuplicate[] = [];
  const finish = (result: StepResult) => {
    results.set(result.step.id, result);
    onEvent({ type: 'step', result });
  };
  let remaining = [...plan.steps];
  while (remaining.length > 0) {
    const blocked = remaining.filter((s) => s.dependsOn.some((d) => results.has(d) && results.get(d)!.status !== 'done'));
    for (const step of blocked) {
      const cause = step.dependsOn.find((d) => results.get(d)?.status !== 'done');
      finish({ step, status: 'skipped', error: `skipped because '${cause}' did not succeed` });
    }
    remaining = remaining.filter((s) => !results.has(s.id));
    const ready = remaining.filter((s) => s.dependsOn.every((d) => results.get(d)?.status === 'done'));
    if (ready.length === 0) break;
    const sendable: { step: Step; request: GraphRequest; write: SentWrite }[] = [];
    for (const step of ready) {
      const resolved = stepRequest(step, ids);
      if ('request' in resolved) sendable.push({ step, ...resolved });
      else finish({ step, status: 'failed', error: `refers to steps that created nothing: ${resolved.missing.join(', ')}` });
    }
    if (sendable.length === 0) continue;
    onEvent({ type: 'wave', steps: sendable.length, done: results.size, total: plan.steps.length });
    const { responses, lost } = await sendWrites(backend, sendable.map((x) => x.write));
    const lostCreates = sendable.filter((x, i) => lost.has(i) && x.step.operation === 'create' && isSuccess(responses[i]!));
    sendable.forEach(({ step }, i) => {
      const response = responses[i]!;
      const lostAnswer = lost.has(i) ? { lostAnswer: lost.get(i)! } : {};
      if (!isSuccess(response)) {
        const id = response.requestId ? ` (request-id ${response.requestId})` : '';
        finish({ step, status: 'failed', error: `${response.status} ${graphErrorMessage(response.body)}${id}`, ...lostAnswer });
        return;
      }
      const created = (response.body as { id?: unknown } | undefined)?.id;
      if (step.operation === 'create' && typeof created === 'string') {
        ids.set(step.id, created);
        finish({ step, status: 'done', createdId: created, ...lostAnswer });
      } else {
        finish({ step, status: 'done', ...lostAnswer });
      }
    });
    for (const duplicate of await reconcileDuplicates(backend, lostCreates.map((x) => ({ step: x.step.id, request: x.request })))) {
      ids.set(duplicate.step, duplicate.kept);
      reconciled.push(duplicate);
      onEvent({ type: 'reconciled', duplicate });
    }
    remaining = remaining.filter((s) => !results.has(s.id));
  }
  const ordered = [...results.values()];
  return { results: ordered, reconciled, ok: ordered.every((r) => r.status === 'done') && reconciled.every((d) => !d.error) };
}
