import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { hasRequestIds, isBatchItem, requestPath, type ServerContext, type ServerEnv } from '../server-context';

/** Methods that never write. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Gives every request a `request-id` (echoed with `client-request-id` on the response, as Graph
 * does), waits until the commits its answer could show are durable, and records Graph requests
 * in the request log. A `$batch` item's commits are made durable with its batch's, once.
 */
export function requestContext(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  /** Requests begun and not yet answered. */
  let pending = 0;
  /**
   * A request flushed the log on the event loop's thread in this turn of the loop: requests that
   * begin in the same turn were waiting meanwhile, so the next flushes go to the thread pool.
   */
  let flushedThisTurn = false;
  const turnEnded = () => (flushedThisTurn = false);
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    const clientRequestId = c.req.header('client-request-id') ?? requestId;
    c.set('requestId', requestId);
    c.set('clientRequestId', clientRequestId);
    const waited = flushedThisTurn;
    pending++;
    try {
      await next();
      if (!isBatchItem(c)) {
        const durable = ctx.store.commits.durable({ write: !READS.has(c.req.method), alone: pending === 1 && !waited });
        if (durable instanceof Promise) await durable;
        else if (durable === 'flushed' && !flushedThisTurn) {
          flushedThisTurn = true;
          setImmediate(turnEnded);
        }
      }
    } finally {
      pending--;
    }
    if (!hasRequestIds(c.res)) {
      c.res.headers.set('request-id', requestId);
      c.res.headers.set('client-request-id', clientRequestId);
    }
    const path = requestPath(c);
    if (path.startsWith('/_enrollkit')) return;
    ctx.requestLog.record({
      answeredAt: Date.now(),
      method: c.req.method,
      path,
      status: c.res.status,
      tenantId: c.get('tenantId') ?? null,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
  };
}
