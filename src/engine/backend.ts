import type { GraphRequest } from '../model';

export type { GraphRequest } from '../model';

/** Graph's answer to one request. */
export interface GraphResponse {
  /** HTTP status. */
  readonly status: number;
  /** Parsed JSON body (undefined when empty). */
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
}

/** Counters of what a backend sent, for plans and benchmarks. */
export interface BackendCounters {
  /** HTTP round trips (a `$batch` counts once). */
  readonly roundTrips: number;
  /** Graph requests, counting each request inside a batch. */
  readonly requests: number;
  /** Requests answered 429/503/504 and sent again. */
  readonly retries: number;
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
  send(requests: readonly GraphRequest[]): Promise<GraphResponse[]>;
  /** What the credentials may do. */
  identity(): Promise<BackendIdentity>;
  /** What has been sent so far. */
  counters(): BackendCounters;
  /** Releases connections and in-process servers. */
  close(): Promise<void>;
}
