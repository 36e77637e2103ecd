import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import type { ServerContext, ServerEnv } from '../server-context';

/** Applies the fault rules: delays the request and/or answers it with the injected error. */
export function injectFaults(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const outcome = ctx.faults.match(c.req.method, [path, path.slice(c.get('version').length + 1)], c.get('tenantId'));
    if (outcome && outcome.latencyMs > 0) await sleep(outcome.latencyMs);
    if (outcome?.error) throw outcome.error;
    await next();
  };
}
