import type { Backend, GraphRequest, GraphResponse, PacingWait } from './backend';
import { graphErrorMessage, isSuccess } from './graph-errors';
import type { Plan, Step } from './plan-types';
import { reconcileDuplicates, type ReconciledDuplicate } from './reconcile-duplicates';
import { sendWrites } from './resolve-unknown-writes';
import { protocolOf, referencedSteps, stepRequest, type SentWrite } from './step-request';

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
  | { readonly type: 'reconciled'; readonly duplicate: ReconciledDuplicate }
  | { readonly type: 'waiting'; readonly wait: PacingWait };

/** Graph's limit of requests in one `$batch`, and so of a chain sent as one sequential batch. */
const CHAIN_LIMIT = 20;

/** A step ready to send, with its request. */
interface Sendable {
  readonly step: Step;
  readonly request: GraphRequest;
  readonly write: SentWrite;
}

/** The steps of a plan with what each waits for, so that every wave costs only the steps it touches. */
class StepGraph {
  readonly dependents = new Map<string, Step[]>();
  private readonly waiting = new Map<string, number>();
  ready: Step[] = [];

  constructor(steps: readonly Step[]) {
    for (const step of steps) {
      this.waiting.set(step.id, step.dependsOn.length);
      if (step.dependsOn.length === 0) this.ready.push(step);
      for (const d of step.dependsOn) {
        const list = this.dependents.get(d);
        if (list) list.push(step);
        else this.dependents.set(d, [step]);
      }
    }
  }

  /** Counts a step as done: the steps waiting for nothing else become ready. */
  done(id: string): void {
    for (const next of this.dependents.get(id) ?? []) {
      const left = this.waiting.get(next.id)! - 1;
      this.waiting.set(next.id, left);
      if (left === 0) this.ready.push(next);
    }
  }

  /** The first dependent that waits for nothing but `id` and passes `test`. */
  follower(id: string, test: (step: Step) => boolean): Step | undefined {
    return (this.dependents.get(id) ?? []).find((next) => this.waiting.get(next.id) === 1 && test(next));
  }
}

/**
 * The chains of a wave: from each ready step, the steps that wait for nothing but the one before
 * and need no ID it creates (the creates of one priority class, `setPriority` moves), up to 20,
 * so that each chain goes out as one sequential `$batch`. What chains nothing goes out in parallel.
 */
function chainsOf(graph: StepGraph, ready: readonly Sendable[], created: ReadonlyMap<string, string>, prepare: (step: Step) => Sendable | undefined): Sendable[][] {
  const claimed = new Set<string>();
  return ready.map((first) => {
    const chain = [first];
    for (let tail = first; chain.length < CHAIN_LIMIT; ) {
      const next = graph.follower(tail.step.id, (step) => !claimed.has(step.id) && referencedSteps(step).every((id) => created.has(id)));
      if (!next) break;
      const sendable = prepare(next);
      if (!sendable || sendable.request.version !== first.request.version) break;
      claimed.add(next.id);
      chain.push(sendable);
      tail = sendable;
    }
    return chain;
  });
}

/**
 * Applies a plan in dependency waves. Each wave sends every step whose dependencies succeeded:
 * steps that must run in order (the creates of one priority class, priority moves) as chains of
 * up to 20 in sequential `$batch`es, the rest in parallel batches, all at once. A failed step
 * stops what depends on it; independent steps still run. A write whose answer is lost is resolved
 * by reading the tenant, never sent blindly again; after such a wave, objects carrying one
 * ownership marker are reconciled (the oldest kept, the extras deleted).
 */
export async function applyPlan(backend: Backend, plan: Plan, onEvent: (event: ApplyEvent) => void = () => {}): Promise<ApplyResult> {
  const results = new Map<string, StepResult>();
  const ids = new Map<string, string>();
  const reconciled: ReconciledDuplicate[] = [];
  const graph = new StepGraph(plan.steps);
  const finish = (first: StepResult) => {
    // A step that did not succeed skips what depends on it, and so on down.
    const pending = [first];
    for (let result = pending.pop(); result; result = pending.pop()) {
      results.set(result.step.id, result);
      onEvent({ type: 'step', result });
      if (result.status === 'done') {
        graph.done(result.step.id);
        continue;
      }
      const cause = result.step.id;
      for (const next of graph.dependents.get(cause) ?? []) {
        if (!results.has(next.id)) pending.push({ step: next, status: 'skipped', error: `skipped because '${cause}' did not succeed` });
      }
    }
  };
  const prepare = (step: Step): Sendable | undefined => {
    const resolved = stepRequest(step, ids);
    if ('request' in resolved) return { step, ...resolved };
    finish({ step, status: 'failed', error: `refers to steps that created nothing: ${resolved.missing.join(', ')}` });
    return undefined;
  };
  const onWait = (wait: PacingWait) => onEvent({ type: 'waiting', wait });
  while (graph.ready.length > 0) {
    const ready = graph.ready.filter((step) => !results.has(step.id));
    graph.ready = [];
    const chains = chainsOf(graph, ready.flatMap((step) => prepare(step) ?? []), ids, prepare);
    const sequences = chains.filter((chain) => chain.length > 1);
    const parallel = chains.filter((chain) => chain.length === 1).flat();
    const total = chains.reduce((n, chain) => n + chain.length, 0);
    if (total === 0) continue;
    onEvent({ type: 'wave', steps: total, done: results.size, total: plan.steps.length });
    const groups = [...(parallel.length > 0 ? [{ sendables: parallel, sequential: false }] : []), ...sequences.map((chain) => ({ sendables: chain, sequential: true }))];
    const answers = await Promise.all(groups.map((g) => sendWrites(backend, g.sendables.map((x) => x.write), { sequential: g.sequential, onWait })));
    const lostCreates: Sendable[] = [];
    groups.forEach(({ sendables, sequential }, g) => {
      const { responses, lost } = answers[g]!;
      sendables.forEach((sendable, i) => {
        if (lost.has(i) && sendable.step.operation === 'create' && isSuccess(responses[i]!)) lostCreates.push(sendable);
        const before = sequential && i > 0 ? sendables[i - 1]!.step.id : undefined;
        if (before !== undefined && results.get(before)?.status !== 'done') {
          if (!results.has(sendable.step.id)) finish({ step: sendable.step, status: 'skipped', error: `skipped because '${before}' did not succeed` });
          return;
        }
        record(sendable.step, responses[i]!, lost.get(i));
      });
    });
    for (const duplicate of await reconcileDuplicates(backend, lostCreates.flatMap((x) => (x.write.created ? [{ step: x.step.id, created: x.write.created }] : [])))) {
      ids.set(duplicate.step, duplicate.kept);
      reconciled.push(duplicate);
      onEvent({ type: 'reconciled', duplicate });
    }
  }
  const ordered = [...results.values()];
  return { results: ordered, reconciled, ok: ordered.length === plan.steps.length && ordered.every((r) => r.status === 'done') && reconciled.every((d) => !d.error) };

  function record(step: Step, response: GraphResponse, lostHow: string | undefined): void {
    const lostAnswer = lostHow ? { lostAnswer: lostHow } : {};
    if (!isSuccess(response)) {
      const id = response.requestId ? ` (request-id ${response.requestId})` : '';
      finish({ step, status: 'failed', error: `${response.status} ${graphErrorMessage(response.body)}${id}`, ...lostAnswer });
      return;
    }
    const created = step.operation === 'create' ? protocolOf(step.kind).createdId(response.body) : undefined;
    if (created !== undefined) {
      ids.set(step.id, created);
      finish({ step, status: 'done', createdId: created, ...lostAnswer });
    } else if (step.operation === 'create' && protocolOf(step.kind).createAction) {
      finish({ step, status: 'failed', error: `the service answered without creating it: ${JSON.stringify(response.body)}`, ...lostAnswer });
    } else {
      finish({ step, status: 'done', ...lostAnswer });
    }
  }
}
