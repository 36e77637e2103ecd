/** How throttled and failed requests are retried. */
export interface RetryPolicy {
  /** Attempts after the first. */
  readonly maxRetries: number;
  /** Base delay of the exponential backoff, in milliseconds. */
  readonly baseDelayMs: number;
  /** Longest single wait, in milliseconds (a longer `Retry-After` is capped to it). */
  readonly maxDelayMs: number;
}

/** Defaults fit for Microsoft Graph's throttling. */
export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 6, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** Statuses worth sending again: throttled, unavailable, gateway timeout. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Throttled: Graph refused the request before acting on it, so even a create may be sent again. */
export const THROTTLED: ReadonlySet<number> = new Set([429]);

/** Answers after which a write may or may not have happened (the gateway gave up, not the service). */
export const OUTCOME_UNKNOWN: ReadonlySet<number> = new Set([503, 504]);

/**
 * True for requests that must not be sent twice when their outcome is unknown: POSTs create
 * objects (or run actions), and a second one would create a second object.
 */
export function isSendOnce(request: { readonly method: string }): boolean {
  return request.method === 'POST';
}

/**
 * The wait before retry number `attempt` (1-based): `Retry-After` when the service said it,
 * else exponential backoff with full jitter; never more than the policy's cap.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter: string | null | undefined): number {
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxDelayMs);
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Resolves after the given milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
