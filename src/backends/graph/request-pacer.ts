import type { GraphRequest, PacingWait } from '../../engine';
import { sleep } from './retry-policy';

/** A documented request limit: at most `requests` of the requests it counts in any `windowMs`. */
export interface RequestLimit {
  /** Named in progress events, e.g. `Intune writes: 100 per 20 s per app`. */
  readonly name: string;
  /** Requests allowed in one window. */
  readonly requests: number;
  /** The window, in milliseconds. */
  readonly windowMs: number;
  /** Whether a request counts against the limit. */
  readonly counts: (request: GraphRequest) => boolean;
}

const INTUNE_PATH = /^\/(deviceManagement|deviceAppManagement)(\/|\?|$)/;

function isIntune(request: GraphRequest): boolean {
  return INTUNE_PATH.test(request.path);
}

/**
 * Intune's limits per app and tenant (Microsoft Graph throttling limits, every Intune section):
 * 100 writes (POST, PUT, PATCH, DELETE) and 1000 requests of any kind per 20 seconds. The limits
 * per tenant for all apps (200 and 2000) are twice these, leaving room for other apps.
 */
export const INTUNE_LIMITS: readonly RequestLimit[] = [
  { name: 'Intune writes: 100 per 20 s per app', requests: 100, windowMs: 20_000, counts: (r) => isIntune(r) && r.method !== 'GET' },
  { name: 'Intune requests: 1000 per 20 s per app', requests: 1000, windowMs: 20_000, counts: isIntune },
];

/**
 * Holds requests back so that no window of any limit holds more than it allows: the sends of
 * one backend are admitted one at a time, each when the oldest requests in the way have left the
 * window. Requests sent again after a 429 are not counted.
 */
export class RequestPacer {
  private readonly sent: number[][];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limits: readonly RequestLimit[],
    private readonly clock: () => number = Date.now,
  ) {
    this.sent = limits.map(() => []);
  }

  /** Waits until the requests fit every limit (telling `onWait`), then counts them as sent. */
  admit(requests: readonly GraphRequest[], onWait?: (wait: PacingWait) => void): Promise<void> {
    const admitted = this.queue.then(() => this.waitFor(requests, onWait));
    this.queue = admitted.catch(() => {});
    return admitted;
  }

  private async waitFor(requests: readonly GraphRequest[], onWait?: (wait: PacingWait) => void): Promise<void> {
    const counted = this.limits.map((limit) => requests.filter(limit.counts).length);
    for (;;) {
      const now = this.clock();
      let wait: PacingWait | undefined;
      this.limits.forEach((limit, i) => {
        const times = this.sent[i]!;
        while (times.length > 0 && times[0]! <= now - limit.windowMs) times.shift();
        const over = times.length + Math.min(counted[i]!, limit.requests) - limit.requests;
        const waitMs = over > 0 ? times[over - 1]! + limit.windowMs - now : 0;
        if (waitMs > (wait?.waitMs ?? 0)) wait = { waitMs, limit: limit.name };
      });
      if (!wait) break;
      onWait?.(wait);
      await sleep(wait.waitMs);
    }
    const now = this.clock();
    this.sent.forEach((times, i) => {
      for (let n = 0; n < counted[i]!; n++) times.push(now);
    });
  }
}
