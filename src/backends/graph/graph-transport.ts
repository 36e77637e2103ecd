import {
  Client,
  HTTPMessageHandler,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { GraphRequest, GraphResponse } from '../../engine';
import { RETRY_STATUSES, retryDelayMs, sleep, type RetryPolicy } from './retry-policy';
import type { TokenSource } from './token-source';

/** Counts of what went over the wire. */
export interface WireCounters {
  roundTrips: number;
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

/** fetch's "fetch failed" (a TypeError, possibly from another realm): no answer came at all. */
function isConnectionFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TypeError';
}

/** Sends a request again when the connection was reset or refused before an answer came. */
class ConnectionRetry extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly counters: WireCounters,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.next!.execute(context);
        return;
      } catch (error) {
        if (attempt > this.policy.maxRetries || !isConnectionFailure(error)) throw error;
        this.counters.retries += 1;
        await sleep(retryDelayMs(this.policy, attempt, null));
      }
    }
  }
}

/** Counts each HTTP exchange, retries included. */
class Counter extends Link {
  constructor(private readonly counters: WireCounters) {
    super();
  }

  async execute(context: Context): Promise<void> {
    this.counters.roundTrips += 1;
    await this.next!.execute(context);
  }
}

function parseBody(text: string): unknown {
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
}

/**
 * The one Graph transport of every backend: `@microsoft/microsoft-graph-client` with its own
 * middleware chain (bearer auth, the SDK's retry handler honouring `Retry-After`, connection
 * retries, counting, the SDK's HTTP handler). Failures come back as responses, never thrown.
 */
export class GraphTransport {
  /** What went over the wire. */
  readonly counters: WireCounters = { roundTrips: 0, retries: 0 };
  private readonly client: Client;

  constructor(options: TransportOptions) {
    const counters = this.counters;
    const retry = new RetryHandler(
      new RetryHandlerOptions(Math.min(options.retry.baseDelayMs / 1000, 180), Math.min(options.retry.maxRetries, 10), (_d, _a, _req, _opts, response) => {
        const again = RETRY_STATUSES.has(response.status);
        if (again) counters.retries += 1;
        return again;
      }),
    );
    const chain: Link[] = [new BearerAuth(options.tokens), new ConnectionRetry(options.retry, counters), new Counter(counters)];
    const first: Middleware = chain[0]!;
    first.setNext!(retry);
    retry.setNext(chain[1]!);
    chain[1]!.setNext(chain[2]!);
    chain[2]!.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({ middleware: first, baseUrl: options.baseUrl.replace(/\/+$/, ''), defaultVersion: 'beta' });
  }

  /** Sends one request and returns Graph's answer, whatever its status. */
  async send(request: GraphRequest): Promise<GraphResponse> {
    let api = this.client.api(request.path).version(request.version).responseType(ResponseType.RAW);
    if (request.body !== undefined) api = api.header('Content-Type', 'application/json');
    const method = { GET: 'get', POST: 'post', PATCH: 'patch', DELETE: 'delete' } as const;
    const raw = (await (request.method === 'GET' || request.method === 'DELETE'
      ? api[method[request.method]]()
      : api[method[request.method]](request.body ?? {}))) as Response;
    const text = await raw.text();
    const requestId = raw.headers.get('request-id');
    return {
      status: raw.status,
      body: parseBody(text),
      ...(requestId ? { requestId } : {}),
    };
  }
}
