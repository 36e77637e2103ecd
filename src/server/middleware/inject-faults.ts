import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import { requestPath, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import { renderError } from './render-error';

/** Set on the answer of a `$batch` item whose connection a fault drops: the batch drops its own connection. */
export const DROP_CONNECTION_HEADER = 'x-enrollkit-drop-connection';

/**
 * Drops the request's connection without an answer. A request with no socket of its own (a `$batch`
 * item, or one served in-process) is marked instead, so that the batch around it drops its connection.
 */
function dropConnection(c: ServerContextOf): void {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (socket) socket.destroy();
  else c.res.headers.set(DROP_CONNECTION_HEADER, '1');
}

/**
 * Applies the fault rules: delays the request and/or answers it with the injected error; rules
 * with `afterCommit` let the request be served and then lose its answer (another status, or a
 * dropped connection), as a gateway timing out after the service committed a write does.
 */
export function injectFaults(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const path = requestPath(c);
    const outcome = ctx.faults.match(c.req.method, [path, path.slice(c.get('version').length + 1)], c.get('tenantId'));
    if (outcome && outcome.latencyMs > 0) await sleep(outcome.latencyMs);
    if (outcome?.error) throw outcome.error;
    await next();
    const lost = outcome?.lost;
    if (lost && 'error' in lost) c.res = renderError(c, lost.error);
    if ((lost && 'reset' in lost) || c.get('dropConnection')) dropConnection(c);
  };
}
