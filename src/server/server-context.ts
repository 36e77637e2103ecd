import type { Context } from 'hono';
import type { FaultInjector } from './fault-injector';
import { type ApiVersion, NO_OPTIONS, type QueryOptions, readQueryOptions } from './odata/query-options';
import type { RequestLog } from './request-log';
import type { Store } from './store';
import type { Throttler } from './throttler';
import type { TokenGrant } from './token-grant';
import type { Clock } from './timestamps';

/** Page sizes of collections without `$top`. */
export interface PageSizes {
  /** Intune collections (Graph: 1000). */
  readonly intune: number;
  /** Groups, users, members (Graph: 100). */
  readonly directory: number;
}

/** Everything the routes of one server share. */
export interface ServerContext {
  /** Storage of tenants, objects and tokens. */
  readonly store: Store;
  /** Time source of timestamps and throttling windows. */
  readonly clock: Clock;
  /** Page sizes of collections without `$top`. */
  readonly pageSizes: PageSizes;
  /** Fault rules in force. */
  readonly faults: FaultInjector;
  /** Request budgets. */
  readonly throttler: Throttler;
  /** Requests answered. */
  readonly requestLog: RequestLog;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimitBytes: number;
  /** Bearer token of the `/_enrollkit` admin surface. */
  readonly adminToken: string;
  /** Sends a request through the whole app (used by `$batch`), with {@link BATCH_ITEM_ENV} as its Hono `env`. */
  dispatch(request: Request): Promise<Response>;
}

/** The Hono `env` of a request that `$batch` sends through the app. */
export const BATCH_ITEM_ENV: { readonly batchItem: true } = { batchItem: true };

/** Whether a request is one that `$batch` sent through the app (not one a client can send, over HTTP or in-process). */
export function isBatchItem(c: Context): boolean {
  return c.env === BATCH_ITEM_ENV;
}

/** Hono environment of the server: per-request values set by middleware. */
export type ServerEnv = {
  /** Values set by middleware, read with `c.get()`. */
  Variables: {
    /** The `request-id` response header. */
    requestId: string;
    /** The `client-request-id` response header. */
    clientRequestId: string;
    /** The request's URL, parsed once (see {@link requestUrl}). */
    url: URL;
    /** Version segment of the request. */
    version: ApiVersion;
    /** Tenant of the bearer token. */
    tenantId: string;
    /** The bearer token of the request; only used as a throttling key, never written anywhere. */
    token: string;
    /** What the bearer token may do. */
    grant: TokenGrant;
    /** Set by `$batch` when a fault dropped the connection of one of its items: the batch's connection is dropped too. */
    dropConnection: boolean;
  };
};

/** A request context of the server. */
export type ServerContextOf = Context<ServerEnv>;

/** The request's URL, parsed on first use and kept for the rest of the request; not to be changed. */
export function requestUrl(c: ServerContextOf): URL {
  let url = c.get('url');
  if (!url) {
    url = new URL(c.req.url);
    c.set('url', url);
  }
  return url;
}

/**
 * The request's path, as {@link requestUrl} gives it, cut out of the URL text without parsing it:
 * the text is already a serialised URL (the Node adapter and `Request` build it so).
 */
export function requestPath(c: ServerContextOf): string {
  const href = c.req.url;
  const start = href.indexOf('/', href.indexOf('//') + 2);
  if (start < 0) return '/';
  let end = start;
  while (end < href.length && href[end] !== '?' && href[end] !== '#') end++;
  return href.slice(start, end);
}

/** The system query options of the request (see {@link readQueryOptions}); a URL without a query string is not parsed. */
export function queryOptionsOf(c: ServerContextOf): QueryOptions {
  return c.req.url.includes('?') ? readQueryOptions(requestUrl(c), c.get('version')) : NO_OPTIONS;
}

/** The media type Graph answers JSON with. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Responses that already carry the request's `request-id` and `client-request-id` headers. */
const withRequestIds = new WeakSet<Response>();

/** Whether a response was made with the request's ids among its headers (see {@link graphJsonText}). */
export function hasRequestIds(response: Response): boolean {
  return withRequestIds.has(response);
}

/** A JSON response with Graph's content type. */
export function graphJson(c: ServerContextOf, body: unknown, status: 200 | 201 = 200): Response {
  return graphJsonText(c, JSON.stringify(body), status);
}

/**
 * A response of JSON text already serialised, with Graph's content type and the request's ids.
 * Its headers are a plain object, which the Node adapter writes as they are; adding headers to a
 * response afterwards would build a `Headers` object and copy them out again.
 */
export function graphJsonText(c: ServerContextOf, json: string, status: 200 | 201 = 200): Response {
  const response = new Response(json, {
    status,
    headers: { 'content-type': GRAPH_JSON, 'request-id': c.get('requestId'), 'client-request-id': c.get('clientRequestId') },
  });
  withRequestIds.add(response);
  return response;
}

/** A `204 No Content` response. */
export function noContent(c: ServerContextOf): Response {
  return c.body(null, 204);
}
