import type { Backend, BackendCounters, BackendIdentity, GraphRequest, GraphResponse, PacingWait, SendOptions } from '../../engine';
import { GraphTransport, parseBody } from './graph-transport';
import { NO_PROXY, type ProxySettings } from './proxy-fetch';
import { RequestPacer, type RequestLimit } from './request-pacer';
import { DEFAULT_RETRY, isSendOnce, OUTCOME_UNKNOWN, RETRY_STATUSES, retryDelayMs, sleep, THROTTLED, type RetryPolicy } from './retry-policy';
import { tokenClaims, type TokenSource } from './token-source';

/** Graph's limit of requests in one `$batch`. */
export const BATCH_LIMIT = 20;

/** How many `$batch` requests are in flight at once. */
const PARALLEL_BATCHES = 4;

/** Everything a Graph backend needs: where, who, and how hard to retry. */
export interface GraphBackendOptions {
  /** Root URL without version. */
  readonly baseUrl: string;
  /** Bearer tokens. */
  readonly tokens: TokenSource;
  /** Description for plans and messages; must hold no secret. */
  readonly description: string;
  /** Retry policy. */
  readonly retry?: RetryPolicy;
  /**
   * Proxies for Graph requests (see `proxySettingsFromEnv`).
   * @default - none
   */
  readonly proxy?: ProxySettings;
  /**
   * Request limits to stay within, e.g. {@link INTUNE_LIMITS} for real Graph.
   * @default - none (the reference server)
   */
  readonly limits?: readonly RequestLimit[];
  /** Called by `close()`, e.g. to stop an in-process server. */
  readonly onClose?: () => Promise<void>;
}

interface BatchItem {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** A batch item's body as a direct answer would read: `$batch` sends bodies other than JSON base64-encoded. */
function batchBody(body: unknown, contentType: string | undefined): unknown {
  if (typeof body !== 'string' || contentType === undefined || /^application\/json/i.test(contentType)) return body;
  return parseBody(Buffer.from(body, 'base64').toString('utf8'));
}

/**
 * A backend that speaks Microsoft Graph: real Graph, or the reference server. Requests go out in
 * `$batch` envelopes of 20, four envelopes at a time (a sequential send: one envelope at a time,
 * chained by `dependsOn`); with request limits, an envelope that would not fit them is held back
 * until it does, and those that fit go out side by side. Requests throttled inside a batch are sent again after `Retry-After` or a jittered
 * backoff.
 */
export class GraphBackend implements Backend {
  readonly description: string;
  private readonly transport: GraphTransport;
  private readonly retry: RetryPolicy;
  private readonly pacer: RequestPacer | undefined;
  private requests = 0;
  private batchRetries = 0;

  constructor(private readonly options: GraphBackendOptions) {
    this.description = options.description;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.transport = new GraphTransport({ baseUrl: options.baseUrl, tokens: options.tokens, retry: this.retry, proxy: options.proxy ?? NO_PROXY });
    this.pacer = options.limits ? new RequestPacer(options.limits) : undefined;
  }

  async send(requests: readonly GraphRequest[], options: SendOptions = {}): Promise<GraphResponse[]> {
    this.requests += requests.length;
    if (options.sequential) return this.sendSequence(requests, options.onWait);
    if (requests.length === 1) return [await this.sendOne(requests[0]!, options.onWait)];
    const responses: GraphResponse[] = new Array<GraphResponse>(requests.length);
    const chunks: number[][] = [];
    for (const version of ['beta', 'v1.0'] as const) {
      const indexes = requests.map((r, i) => (r.version === version ? i : -1)).filter((i) => i >= 0);
      for (let i = 0; i < indexes.length; i += BATCH_LIMIT) chunks.push(indexes.slice(i, i + BATCH_LIMIT));
    }
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        const answers = await this.sendBatch(chunk.map((i) => requests[i]!), false, options.onWait);
        chunk.forEach((requestIndex, j) => {
          responses[requestIndex] = answers[j]!;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, chunks.length) }, worker));
    return responses;
  }

  private sendOne(request: GraphRequest, onWait?: (wait: PacingWait) => void): Promise<GraphResponse> {
    const send = () => this.transport.send(request, isSendOnce(request));
    return this.pacer ? this.pacer.paced([request], send, onWait) : send();
  }

  /** Sends requests in order, 20 to a `$batch` chained by `dependsOn`; once one fails, the rest are answered 424 unsent. */
  private async sendSequence(requests: readonly GraphRequest[], onWait?: (wait: PacingWait) => void): Promise<GraphResponse[]> {
    const responses: GraphResponse[] = [];
    for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
      const chunk = requests.slice(start, start + BATCH_LIMIT);
      const previous = responses.at(-1);
      if (previous && (previous.status < 200 || previous.status >= 300)) {
        responses.push(...chunk.map(() => failedDependency()));
        continue;
      }
      responses.push(...(chunk.length === 1 ? [await this.sendOne(chunk[0]!, onWait)] : await this.sendBatch(chunk, true, onWait)));
    }
    return responses;
  }

  /**
   * One `$batch` of at most 20 requests of one version, parallel or chained by `dependsOn`.
   * Throttled requests are sent again (in a chain, with everything after them).
   */
  private sendBatch(requests: readonly GraphRequest[], sequential: boolean, onWait?: (wait: PacingWait) => void): Promise<GraphResponse[]> {
    const send = () => this.sendBatchNow(requests, sequential);
    return this.pacer ? this.pacer.paced(requests, send, onWait) : send();
  }

  private async sendBatchNow(requests: readonly GraphRequest[], sequential: boolean): Promise<GraphResponse[]> {
    const results: (GraphResponse | undefined)[] = requests.map(() => undefined);
    let pending = requests.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const version = requests[pending[0]!]!.version;
      const sendOnce = pending.some((i) => isSendOnce(requests[i]!));
      const envelope = await this.transport.send({
        method: 'POST',
        version,
        path: '/$batch',
        body: {
          requests: pending.map((i, j) => {
            const r = requests[i]!;
            return {
              id: String(i),
              method: r.method,
              url: r.path,
              ...(r.body !== undefined || r.headers ? { headers: { ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...r.headers } } : {}),
              ...(r.body !== undefined ? { body: r.body } : {}),
              ...(sequential && j > 0 ? { dependsOn: [String(pending[j - 1])] } : {}),
            };
          }),
        },
      }, sendOnce);
      if (envelope.status !== 200) {
        for (const i of pending) results[i] = envelope;
        break;
      }
      const items = ((envelope.body as { responses?: BatchItem[] } | undefined)?.responses ?? []) as BatchItem[];
      const retry: number[] = [];
      let retryAfter: string | undefined;
      for (const item of items) {
        const i = Number(item.id);
        const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const once = isSendOnce(requests[i]!);
        if ((once ? THROTTLED : RETRY_STATUSES).has(item.status) && attempt < this.retry.maxRetries) {
          retry.push(i);
          retryAfter = headers['retry-after'] ?? retryAfter;
          continue;
        }
        results[i] = {
          status: item.status,
          body: batchBody(item.body, headers['content-type']),
          ...(headers['request-id'] ? { requestId: headers['request-id'] } : {}),
          ...(once && OUTCOME_UNKNOWN.has(item.status) ? { unknownOutcome: true } : {}),
        };
      }
      // In a chain, what follows a throttled request was answered 424 without running: it goes again too.
      pending = sequential && retry.length > 0 ? pending.filter((i) => i >= Math.min(...retry)) : retry;
      if (retry.length > 0) {
        this.batchRetries += retry.length;
        await sleep(retryDelayMs(this.retry, attempt + 1, retryAfter));
      }
    }
    return results.map((r) => r ?? { status: 502, body: { error: { code: 'MissingBatchResponse', message: 'the batch response had no entry for this request' } } });
  }

  async identity(): Promise<BackendIdentity> {
    const claims = tokenClaims(await this.options.tokens.token());
    const scopes = claims.scp ? claims.scp.split(' ') : undefined;
    const permissions = claims.roles ?? scopes;
    const tenant = typeof claims.tid === 'string' ? { tenantId: claims.tid } : {};
    return { appOnly: Array.isArray(claims.roles) && !claims.scp, ...(permissions ? { permissions } : {}), ...tenant };
  }

  counters(): BackendCounters {
    return {
      roundTrips: this.transport.counters.roundTrips,
      waves: this.transport.counters.waves,
      requests: this.requests,
      retries: this.transport.counters.retries + this.batchRetries,
    };
  }

  async close(): Promise<void> {
    await this.transport.close();
    await this.options.onClose?.();
  }
}

function failedDependency(): GraphResponse {
  return { status: 424, body: { error: { code: 'FailedDependency', message: 'not sent: a request before it in the sequence failed' } } };
}
