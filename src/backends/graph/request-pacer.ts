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
 * admitted one at a time, and go out as soon as they are admitted: sends that fit the limits go
 * out side by side, as parallel `$batch`es do without limits. A send holds its place in the
 * windows from its admission until its answer comes back, and is counted from that moment (never
 * before the service saw it); the next send is admitted once the oldest requests in its way have
 * left the window. Requests sent again after a 429 are not counted.
 */
export class RequestPacer {
  /** Per limit, when the requests counted against it were answered, oldest first; `Infinity` while in flight. */
  private readonly sent: number[][];
  private queue: Promise<void> = Promise.resolve();
  /** Admissions waiting for a request in flight to be answered. */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly limits: readonly RequestLimit[],
    private readonly clock: () => number = Date.now,
  ) {
    this.sent = limits.map(() => []);
  }

  /** Runs `send` once the requests fit every limit (telling `onWait` of each wait), counting them from its answer. */
  async paced<T>(requests: readonly GraphRequest[], send: () => Promise<T>, onWait?: (wait: PacingWait) => void): Promise<T> {
    const admitted = this.queue.then(async () => {
      await this.waitFor(requests, onWait);
      this.mark(requests, () => Infinity);
    });
    this.queue = admitted.then(
      () => undefined,
      () => undefined,
    );
    await admitted;
    try {
      return await send();
    } finally {
      this.answered(requests);
    }
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
      if (wait.waitMs === Infinity) {
        // A request in its way is still in flight: its window starts with its answer.
        await new Promise<void>((resolve) => this.waiting.push(resolve));
        continue;
      }
      onWait?.(wait);
      await sleep(wait.waitMs);
    }
  }

  /** Adds a time per request each limit counts, keeping each list in order. */
  private mark(requests: readonly GraphRequest[], time: () => number): void {
    this.limits.forEach((limit, i) => {
      const times = this.sent[i]!;
      for (const request of requests) {
        if (!limit.counts(request)) continue;
        const at = time();
        const after = times.findIndex((t) => t > at);
        times.splice(after < 0 ? times.length : after, 0, at);
      }
    });
  }

  /** Counts answered requests from now instead of in flight, and wakes the admissions waiting for them. */
  private answered(requests: readonly GraphRequest[]): void {
    this.limits.forEach((limit, i) => {
      const count = requests.filter(limit.counts).length;
      this.sent[i]!.splice(this.sent[i]!.length - count, count);
    });
    const now = this.clock();
    this.mark(requests, () => now);
    const woken = this.waiting;
    this.waiting = [];
    for (const wake of woken) wake();
  }
}
