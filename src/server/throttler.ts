import { createHash } from 'node:crypto';
import type { Clock } from './timestamps';

/** Request budgets per sliding window, as Intune documents them. */
export interface ThrottleLimits {
  /** Length of the sliding window, in milliseconds. */
  readonly windowMs: number;
  /** POST, PUT, PATCH, DELETE per tenant, all apps. */
  readonly tenantWrites: number;
  /** Any request per tenant, all apps. */
  readonly tenantAll: number;
  /** POST, PUT, PATCH, DELETE per app (token) per tenant. */
  readonly tokenWrites: number;
  /** Any request per app (token) per tenant. */
  readonly tokenAll: number;
}

/** Intune's documented limits: writes 200 / 20 s and any 2000 / 20 s per tenant; 100 and 1000 per app. */
export const INTUNE_THROTTLE_LIMITS: ThrottleLimits = { windowMs: 20_000, tenantWrites: 200, tenantAll: 2000, tokenWrites: 100, tokenAll: 1000 };

/** Emulates Intune's throttling with sliding windows per tenant and per token. */
export class Throttler {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    /** Whether requests are throttled at all. */
    public enabled: boolean,
    /** The budgets in force. */
    public limits: ThrottleLimits = INTUNE_THROTTLE_LIMITS,
  ) {}

  /**
   * Counts a request against its budgets; returns the `Retry-After` seconds when a budget is spent
   * (the request is then not counted), `undefined` when it may proceed.
   */
  admit(tenantId: string, token: string, isWrite: boolean): number | undefined {
    if (!this.enabled) return undefined;
    const now = this.clock().getTime();
    const app = createHash('sha256').update(token).digest('hex').slice(0, 16);
    const budgets: [string, number][] = [
      [`tenant:${tenantId}`, this.limits.tenantAll],
      [`app:${tenantId}:${app}`, this.limits.tokenAll],
    ];
    if (isWrite) budgets.push([`tenant-writes:${tenantId}`, this.limits.tenantWrites], [`app-writes:${tenantId}:${app}`, this.limits.tokenWrites]);
    let retryAfterMs = 0;
    for (const [key, limit] of budgets) {
      const window = (this.windows.get(key) ?? []).filter((time) => time > now - this.limits.windowMs);
      this.windows.set(key, window);
      const oldest = window[window.length - limit];
      if (window.length >= limit && oldest !== undefined) retryAfterMs = Math.max(retryAfterMs, oldest + this.limits.windowMs - now);
    }
    if (retryAfterMs > 0) return Math.max(1, Math.ceil(retryAfterMs / 1000));
    for (const [key] of budgets) this.windows.get(key)?.push(now);
    return undefined;
  }

  /** Forgets every counted request. */
  reset(): void {
    this.windows.clear();
  }
}
