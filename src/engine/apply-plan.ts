import type { Backend, GraphRequest } from './backend';
import { graphErrorMessage, isSuccess } from './graph-errors';
import type { Plan, Step } from './plan-types';
import { stepRequest } from './step-request';

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
}

/** What an apply did, step by step. */
export interface ApplyResult {
  /** Every step of the plan, in the order they finished. */
  readonly results: readonly StepResult[];
  /** True when every step succeeded. */
  readonly ok: boolean;
}

/** Progress of an apply, for a progress bar or a log. */
export type ApplyEvent = { readonly type: 'wave'; readonly steps: number; readonly done: number; readonly total: number } | { readonly type: 'step'; readonly result: StepResult };

/**
 * Applies a plan in dependency waves: every step whose dependencies succeeded goes out in one
 * batched send. A failed step stops what depends on it; independent steps still run.
 */
export async function applyPlan(backend: Backend, plan: Plan, onEvent: (event: ApplyEvent) => void = () => {}): Promise<ApplyResult> {
  const results = new Map<string, StepResult>();
  const ids = new Map<string, string>();
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
    const sendable: { step: Step; request: GraphRequest }[] = [];
    for (const step of ready) {
      const resolved = stepRequest(step, ids);
      if ('request' in resolved) sendable.push({ step, request: resolved.request });
      else finish({ step, status: 'failed', error: `refers to steps that created nothing: ${resolved.missing.join(', ')}` });
    }
    if (sendable.length === 0) continue;
    onEvent({ type: 'wave', steps: sendable.length, done: results.size, total: plan.steps.length });
    const responses = await backend.send(sendable.map((x) => x.request));
    sendable.forEach(({ step }, i) => {
      const response = responses[i]!;
      if (!isSuccess(response)) {
        const id = response.requestId ? ` (request-id ${response.requestId})` : '';
        finish({ step, status: 'failed', error: `${response.status} ${graphErrorMessage(response.body)}${id}` });
        return;
      }
      const created = (response.body as { id?: unknown } | undefined)?.id;
      if (step.operation === 'create' && typeof created === 'string') {
        ids.set(step.id, created);
        finish({ step, status: 'done', createdId: created });
      } else {
        finish({ step, status: 'done' });
      }
    });
    remaining = remaining.filter((s) => !results.has(s.id));
  }
  const ordered = [...results.values()];
  return { results: ordered, ok: ordered.every((r) => r.status === 'done') };
}
