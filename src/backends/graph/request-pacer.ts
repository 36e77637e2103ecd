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
 * Holds requests back so that no window of any limit holds more than it allows. Sends are
 * admitted one at a time; each is counted from the moment its answer came back (never before
 * the service saw it), and the next is admitted once the oldest requests in its way have left the
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

  /** Runs `send` once the requests fit every limit (telling `onWait` of each wait), then counts them. */
  async paced<T>(requests: readonly GraphRequest[], send: () => Promise<T>, onWait?: (wait: PacingWait) => void): Promise<T> {
    const turn = this.queue.then(async () => {
      await this.waitFor(requests, onWait);
      try {
        return await send();
      } finally {
        this.count(requests);
      }
    });
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async waitFor(requests: readonly GraphRequest[], onWait?: (wait: PacingWait) => void): Promise<void> {
    for (;;) {
      const now = this.clock();
      let wait: PacingWait | undefined;
      this.limits.forEach((limit, i) => {
        const times = this.sent[i]!;
        while (times.length > 0 && times[0]! <= now - limit.windowMs) times.shift();
        const over = times.length + Math.min(requests.filter(limit.counts).length, limit.requests) - limit.requests;
        const waitMs = over > 0 ? times[over - 1]! + limit.windowMs - now : 0;
        if (waitMs > (wait?.waitMs ?? 0)) wait = { waitMs, limit: limit.name };
      });
      if (!wait) return;
      onWait?.(wait);
      await sleep(wait.waitMs);
    }
  }

  private count(requests: readonly GraphRequest[]): void {
    const now = this.clock();
    this.limits.forEach((limit, i) => {
      for (const request of requests) if (limit.counts(request)) this.sent[i]!.push(now);
    });
  }
}
