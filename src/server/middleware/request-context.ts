import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { hasRequestIds, requestPath, type ServerContext, type ServerEnv } from '../server-context';

/**
 * Gives every request a `request-id` (echoed with `client-request-id` on the response, as Graph
 * does) and records Graph requests in the request log.
 */
export function requestContext(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    const clientRequestId = c.req.header('client-request-id') ?? requestId;
    c.set('requestId', requestId);
    c.set('clientRequestId', clientRequestId);
    await next();
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
