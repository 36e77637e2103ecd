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
