import type { MiddlewareHandler } from 'hono';
import { GraphError } from '../graph-error';
import type { ServerContext, ServerContextOf, ServerEnv } from '../server-context';

function unauthenticated(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, { headers: { 'WWW-Authenticate': 'Bearer realm="", error="invalid_token"' } });
}

/** The token of an `Authorization: Bearer <token>` header; 401 when it is missing or malformed. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw unauthenticated('Access token is empty.');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Access token validation failure. Invalid audience.');
  return match[1];
}

/** Requires a bearer token of a known tenant and binds the request to that tenant and the token's grant. */
export function authenticateRequest(ctx: ServerContext, c: ServerContextOf): void {
  const token = bearerToken(c.req.header('authorization'));
  const owner = ctx.store.tokenOwner(token);
  if (owner === undefined) throw unauthenticated('Access token validation failure. Invalid audience.');
  c.set('tenantId', owner.tenantId);
  c.set('grant', owner.grant);
  c.set('token', token);
}

/** {@link authenticateRequest} as a middleware. */
export function authenticate(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    authenticateRequest(ctx, c);
    await next();
  };
}

/** Requires the admin token (for `/_enrollkit`). */
export function authenticateAdmin(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (bearerToken(c.req.header('authorization')) !== ctx.adminToken) throw unauthenticated('The admin token is required.');
    await next();
  };
}
