import type { GraphRequest } from '../model';

export type { GraphRequest } from '../model';

/** Graph's answer to one request. */
export interface GraphResponse {
  /** HTTP status. */
  readonly status: number;
  /** Parsed JSON body (undefined when empty); a plain-text answer such as a `$count` as its number or text. */
  readonly body: unknown;
  /** Graph's `request-id`, when it sent one. */
  readonly requestId?: string;
  /**
   * True when a write may or may not have happened: no answer came (connection dropped), or the
   * gateway answered 503/504. The write was not sent again; read the tenant to find out.
   */
  readonly unknownOutcome?: boolean;
}

/** What the credentials of a backend may do, as far as it can tell. */
export interface BackendIdentity {
  /** True for app-only (client credentials) tokens. */
  readonly appOnly: boolean;
  /** Permissions the token holds; undefined when the backend cannot tell (the reference server). */
  readonly permissions?: readonly string[];
  /** The Entra tenant the token was issued by (its `tid` claim); undefined for an opaque token. */
  readonly tenantId?: string;
}

/** Counters of what a backend sent, for plans and benchmarks. */
export interface BackendCounters {
  /** HTTP round trips (a `$batch` counts once). */
  readonly roundTrips: number;
  /**
   * Round trips in sequence, the latency a run pays: `$batch` envelopes sent at once (parallel
   * batches of one send, or sends made side by side) count once.
   */
  readonly waves: number;
  /** Graph requests, counting each request inside a batch. */
  readonly requests: number;
  /** Requests answered 429/503/504 and sent again. */
  readonly retries: number;
}

/** A wait before sending, to stay within the service's documented request limits. */
export interface PacingWait {
  /** How long the backend waits, in milliseconds. */
  readonly waitMs: number;
  /** Which limit it waits for, e.g. `Intune writes: 100 per 20 s per app`. */
  readonly limit: string;
}

/** How a send goes out. */
export interface SendOptions {
  /**
   * Send the requests in their order, each once the one before succeeded (a `$batch` chained by
   * `dependsOn`, 20 at a time): a request after one that failed is answered 424 without being run.
   * The requests must share one API version.
   * @default false: the requests are independent and go out in parallel batches
   */
  readonly sequential?: boolean;
  /** Told when the backend holds requests back to stay within the service's request limits. */
  readonly onWait?: (wait: PacingWait) => void;
}

/**
 * The port through which the engine reaches a tenant. The embedded reference server, a running
 * reference server and real Microsoft Graph differ only in base URL and credentials.
 */
export interface Backend {
  /** A human description with no secret in it, e.g. `reference http://127.0.0.1:4799`. */
  readonly description: string;
  /**
   * Sends requests, batching them as the backend allows, and returns the responses in the order
   * of the requests. Throttled requests are retried; Graph's errors come back as responses; a
   * backend that cannot be reached at all throws a `BackendError`. A POST is never sent twice
   * when its outcome is unknown: its response says `unknownOutcome` instead.
   */
  send(requests: readonly GraphRequest[], options?: SendOptions): Promise<GraphResponse[]>;
  /** What the credentials may do. */
  identity(): Promise<BackendIdentity>;
  /** What has been sent so far. */
  counters(): BackendCounters;
  /** Releases connections and in-process servers. */
  close(): Promise<void>;
}
