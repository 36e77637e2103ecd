import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphError } from './graph-error';
import { seededRandom } from './seeded-random';

/** Schema of a fault rule as the admin API accepts it. */
export const faultRuleInput = z.strictObject({
  /** HTTP method to match; any when absent. */
  method: z.string().toUpperCase().optional(),
  /** Path glob, with or without the version segment: `*` matches within a segment, `**` across segments. */
  path: z.string().startsWith('/'),
  /** Status to answer; only latency is added when absent. */
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  /** `Retry-After` seconds of the error; no header when absent. */
  retryAfter: z.int().min(0).optional(),
  /** Delay before answering (or before the error), in milliseconds. */
  latencyMs: z.int().min(0).max(60_000).optional(),
  /** Probability that a matching request is hit, drawn from a generator seeded with `seed`. */
  rate: z.number().min(0).max(1).optional(),
  /** Hit only the next N matching requests. */
  count: z.int().min(1).optional(),
  /** Seed of the `rate` generator (default 1). */
  seed: z.int().optional(),
  /** Only requests of this tenant. */
  tenantId: z.string().optional(),
  /**
   * Lose the answer after the request was served (the write is committed): answer `status`
   * instead of the real answer, or, with `reset`, drop the connection without an answer.
   */
  afterCommit: z.boolean().optional(),
  /** With `afterCommit`: drop the connection instead of answering (a `$batch` item drops the whole batch's connection). */
  reset: z.boolean().optional(),
}).refine((rule) => !rule.reset || rule.afterCommit, { message: 'reset needs afterCommit: true', path: ['reset'] });

/** A fault rule as given to {@link FaultInjector.add}. */
export type FaultRuleInput = z.input<typeof faultRuleInput>;

/** A fault rule in force. */
export interface FaultRule {
  /** Id of the rule, for `DELETE /_enrollkit/faults/{id}`. */
  readonly id: string;
  /** HTTP method matched; any when absent. */
  readonly method?: string;
  /** Path glob matched. */
  readonly path: string;
  /** Status answered; only latency is added when absent. */
  readonly status?: number;
  /** `Retry-After` seconds of the error. */
  readonly retryAfter?: number;
  /** Delay before answering, in milliseconds. */
  readonly latencyMs?: number;
  /** Probability that a matching request is hit. */
  readonly rate?: number;
  /** Only requests of this tenant. */
  readonly tenantId?: string;
  /** The answer is lost after the request was served. */
  readonly afterCommit?: boolean;
  /** With `afterCommit`: the connection is dropped. */
  readonly reset?: boolean;
  /** Hits left for a `count` rule. */
  readonly remaining?: number;
  /** Requests hit so far. */
  readonly hits: number;
}

/** What a request suffers from the rules it matches. */
export interface FaultOutcome {
  /** Total delay of the rules hit, in milliseconds. */
  readonly latencyMs: number;
  /** Error of the first rule hit that has a status and answers before serving. */
  readonly error?: GraphError;
  /** How the answer is lost after serving, from the first `afterCommit` rule hit. */
  readonly lost?: { readonly error: GraphError } | { readonly reset: true };
}

interface ActiveRule {
  rule: FaultRule;
  readonly pattern: RegExp;
  readonly random: () => number;
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function faultError(status: number, retryAfter: number | undefined): GraphError {
  const headers = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  switch (status) {
    case 429:
      return new GraphError(429, 'TooManyRequests', 'Too many requests.', { headers });
    case 503:
      return new GraphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.', { headers });
    case 502:
      return new GraphError(502, 'BadGateway', 'Bad gateway.', { headers });
    case 504:
      return new GraphError(504, 'GatewayTimeout', 'Gateway timeout.', { headers });
    default:
      return new GraphError(500, 'InternalError', 'An internal server error occurred.', { headers });
  }
}

/** Injected failures and delays for tests and benches: per path pattern and method, by rate or by count. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Adds a rule (validated; throws a zod error when invalid). */
  add(input: FaultRuleInput): FaultRule {
    const parsed = faultRuleInput.parse(input);
    const { count, seed, ...rest } = parsed;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Omit<FaultRule, 'id' | 'hits' | 'remaining'>;
    const rule: FaultRule = { id: randomUUID(), ...defined, ...(count === undefined ? {} : { remaining: count }), hits: 0 };
    this.rules.push({ rule, pattern: globToRegExp(parsed.path), random: seededRandom(seed ?? 1) });
    return rule;
  }

  /** The rules in force. */
  list(): FaultRule[] {
    return this.rules.map((active) => active.rule);
  }

  /** Removes a rule; false when there is none with this id. */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((active) => active.rule.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** Applies the rules to a request: total latency and the first error, if any rule hits. */
  match(method: string, paths: readonly string[], tenantId: string | undefined): FaultOutcome | undefined {
    let latencyMs = 0;
    let error: GraphError | undefined;
    let lost: FaultOutcome['lost'];
    let hit = false;
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.tenantId !== undefined && rule.tenantId !== tenantId) continue;
      if (!paths.some((path) => active.pattern.test(path))) continue;
      if (rule.remaining === 0) continue;
      if (rule.rate !== undefined && active.random() >= rule.rate) continue;
      hit = true;
      active.rule = { ...rule, hits: rule.hits + 1, ...(rule.remaining === undefined ? {} : { remaining: rule.remaining - 1 }) };
      latencyMs += rule.latencyMs ?? 0;
      if (rule.afterCommit) {
        if (!lost && rule.reset) lost = { reset: true };
        else if (!lost && rule.status !== undefined) lost = { error: faultError(rule.status, rule.retryAfter) };
      } else if (rule.status !== undefined && !error) {
        error = faultError(rule.status, rule.retryAfter);
      }
    }
    this.rules = this.rules.filter((active) => active.rule.remaining !== 0);
    if (!hit) return undefined;
    return { latencyMs, ...(error ? { error } : {}), ...(lost ? { lost } : {}) };
  }
}
