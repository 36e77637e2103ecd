import {
  Client,
  GraphClientError,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';
import type { GraphRequest, GraphResponse } from '../../engine';
import { BackendError } from '../../model';
import { proxiedFetch, type ProxiedFetch, type ProxySettings } from './proxy-fetch';
import { OUTCOME_UNKNOWN, RETRY_STATUSES, retryDelayMs, sleep, THROTTLED, type RetryPolicy } from './retry-policy';
import type { TokenSource } from './token-source';

/** Counts of what went over the wire. */
export interface WireCounters {
  roundTrips: number;
  /** Round trips in sequence: exchanges that start while another is on the wire join its wave. */
  waves: number;
  retries: number;
}

abstract class Link implements Middleware {
  protected next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  abstract execute(context: Context): Promise<void>;
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = (options.headers ?? {}) as Record<string, string>;
  options.headers = { ...headers, [name]: value };
}

/** Adds the bearer token to every request, whatever the host (the SDK's own handler skips non-Graph hosts). */
class BearerAuth extends Link {
  constructor(private readonly tokens: TokenSource) {
    super();
  }

  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer ${await this.tokens.token()}`);
    await this.next!.execute(context);
  }
}

/** Socket errors after which the same request may well succeed. */
const TRANSIENT_SOCKET_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN']);

/** Socket errors after which the request may have reached the service: its outcome is unknown. */
const ANSWER_LOST_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET']);

/** Marks a request that must not be sent twice: a failure that may come after the service acted is reported, not retried. */
class SendOnce implements MiddlewareOptions {}

function isSendOnce(context: Context): boolean {
  return context.middlewareControl?.getMiddlewareOptions(SendOnce) !== undefined;
}

/** Errors of send-once requests whose connection failed after they went out: the service may have acted on them. */
const ANSWERS_LOST = new WeakSet<Error>();

function answerLost(message: string): GraphClientError {
  const error = new GraphClientError(message);
  ANSWERS_LOST.add(error);
  return error;
}

/**
 * The socket error code of fetch's "fetch failed" (a TypeError, possibly from another realm),
 * or undefined when the error is not a failure to get any answer.
 */
function connectionFailure(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'TypeError') return undefined;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' && cause.message ? cause.message : 'no answer';
}

/** Sends a request again when the connection was reset before an answer came; names the host when it cannot be reached. */
class ConnectionRetry extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly counters: WireCounters,
    private readonly baseUrl: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.next!.execute(context);
        return;
      } catch (error) {
        const failure = connectionFailure(error);
        if (!failure) throw error;
        if (isSendOnce(context) && ANSWER_LOST_ERRORS.has(failure)) throw answerLost(`the connection to ${this.baseUrl} failed (${failure}) before an answer came`);
        if (attempt > this.policy.maxRetries || !TRANSIENT_SOCKET_ERRORS.has(failure)) {
          const tries = attempt === 1 ? '' : ` after ${attempt} attempts`;
          throw new GraphClientError(`cannot reach ${this.baseUrl} (${failure})${tries}; check that the server is running and the URL is right.`);
        }
        this.counters.retries += 1;
        await sleep(retryDelayMs(this.policy, attempt, null));
      }
    }
  }
}

/** Counts each HTTP exchange, retries included, and the waves they go out in. */
class Counter extends Link {
  private onTheWire = 0;

  constructor(private readonly counters: WireCounters) {
    super();
  }

  async execute(context: Context): Promise<void> {
    this.counters.roundTrips += 1;
    if (this.onTheWire === 0) this.counters.waves += 1;
    this.onTheWire += 1;
    try {
      await this.next!.execute(context);
    } finally {
      this.onTheWire -= 1;
    }
  }
}

/** The last link: sends the request over HTTP, through the proxies the settings name. */
class ProxiedHttp implements Middleware {
  constructor(private readonly http: ProxiedFetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.http.fetch(String(context.request), context.options ?? {});
  }
}

/** A response body: JSON parsed, a plain-text answer (such as a `$count`) as its number or text. */
export function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Where a transport sends and how it authenticates and retries. */
export interface TransportOptions {
  /** Root URL without version, e.g. `https://graph.microsoft.com` or `http://127.0.0.1:4799`. */
  readonly baseUrl: string;
  /** Bearer tokens. */
  readonly tokens: TokenSource;
  /** Retry policy for 429/503/504 and connection resets. */
  readonly retry: RetryPolicy;
  /** The proxies to go through (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`). */
  readonly proxy: ProxySettings;
}

/**
 * The one Graph transport of every backend: `@microsoft/microsoft-graph-client` with its own
 * middleware chain (bearer auth, the SDK's retry handler honouring `Retry-After`, connection
 * retries, counting, HTTP through the proxies of the environment). Failures come back as
 * responses, never thrown.
 */
export class GraphTransport {
  /** What went over the wire. */
  readonly counters: WireCounters = { roundTrips: 0, waves: 0, retries: 0 };
  private readonly client: Client;
  private readonly http: ProxiedFetch;
  private readonly sendOnceOptions: MiddlewareOptions[];

  constructor(options: TransportOptions) {
    const counters = this.counters;
    const retryOptions = (statuses: ReadonlySet<number>) =>
      new RetryHandlerOptions(Math.min(options.retry.baseDelayMs / 1000, 180), Math.min(options.retry.maxRetries, 10), (_d, _a, _req, _opts, response) => {
        const again = statuses.has(response.status);
        if (again) counters.retries += 1;
        return again;
      });
    const retry = new RetryHandler(retryOptions(RETRY_STATUSES));
    this.sendOnceOptions = [retryOptions(THROTTLED), new SendOnce()];
    const chain: Link[] = [new BearerAuth(options.tokens), new ConnectionRetry(options.retry, counters, options.baseUrl), new Counter(counters)];
    const first: Middleware = chain[0]!;
    first.setNext!(retry);
    retry.setNext(chain[1]!);
    chain[1]!.setNext(chain[2]!);
    this.http = proxiedFetch(options.proxy);
    chain[2]!.setNext(new ProxiedHttp(this.http));
    this.client = Client.initWithMiddleware({ middleware: first, baseUrl: options.baseUrl.replace(/\/+$/, ''), defaultVersion: 'beta' });
  }

  /** Closes the pooled connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  /**
   * Sends one request and returns Graph's answer, whatever its status. A `sendOnce` request is
   * retried only when throttled (429: Graph did nothing); a 503, a 504 or a connection dropped
   * after it went out comes back with `unknownOutcome`, for the caller to find out what happened.
   */
  async send(request: GraphRequest, sendOnce = false): Promise<GraphResponse> {
    let api = this.client.api(request.path).version(request.version).responseType(ResponseType.RAW);
    if (request.body !== undefined) api = api.header('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(request.headers ?? {})) api = api.header(name, value);
    if (sendOnce) api = api.middlewareOptions(this.sendOnceOptions);
    const method = { GET: 'get', POST: 'post', PATCH: 'patch', DELETE: 'delete' } as const;
    let raw: Response;
    try {
      raw = (await (request.method === 'GET' || request.method === 'DELETE'
        ? api[method[request.method]]()
        : api[method[request.method]](request.body ?? {}))) as Response;
    } catch (error) {
      if (error instanceof Error && ANSWERS_LOST.has(error)) return { status: 0, body: { error: { code: 'NoAnswer', message: error.message } }, unknownOutcome: true };
      if (error instanceof GraphClientError) throw new BackendError(error.message);
      throw error;
    }
    const text = await raw.text();
    const requestId = raw.headers.get('request-id');
    return {
      status: raw.status,
      body: parseBody(text),
      ...(requestId ? { requestId } : {}),
      ...(sendOnce && OUTCOME_UNKNOWN.has(raw.status) ? { unknownOutcome: true } : {}),
    };
  }
}
