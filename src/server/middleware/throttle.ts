import { GraphError } from '../graph-error';
import { requestPath, type ServerContext, type ServerContextOf } from '../server-context';

const INTUNE_PATH = /^\/(beta|v1\.0)\/(deviceManagement|deviceAppManagement)(\/|$)/;

/** Emulates Intune's throttling on Intune paths (when switched on): 429 with `Retry-After`. */
export function throttleRequest(ctx: ServerContext, c: ServerContextOf): void {
  if (ctx.throttler.enabled && INTUNE_PATH.test(requestPath(c))) {
    const isWrite = !['GET', 'HEAD'].includes(c.req.method);
    const retryAfter = ctx.throttler.admit(c.get('tenantId'), c.get('token'), isWrite);
    if (retryAfter !== undefined) {
      throw new GraphError(429, 'TooManyRequests', 'Too many requests.', { headers: { 'Retry-After': String(retryAfter) }, intune: true });
    }
  }
}
