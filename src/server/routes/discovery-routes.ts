import { Hono } from 'hono';
import { GraphError } from '../graph-error';
import { SERVICE_DISCOVERY_CONTENT_TYPE, serviceDiscovery } from '../../rules';
import type { ServerContext, ServerEnv } from '../server-context';

/**
 * `GET /.well-known/com.apple.remotemanagement`, anonymous: the service discovery file of the
 * tenant that registered the requested host (`Host` header); 404 for other hosts.
 */
export function discoveryRoutes(ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/com.apple.remotemanagement', (c) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).replace(/:\d+$/, '').toLowerCase();
    const tenantId = ctx.store.tenantIdForDomain(host);
    const tenant = tenantId === undefined ? undefined : ctx.store.getTenant(tenantId);
    if (!tenant) throw new GraphError(404, 'ResourceNotFound', `No tenant serves service discovery for '${host}'.`);
    return c.body(JSON.stringify(serviceDiscovery(tenant.id, tenant.cloud)), 200, { 'Content-Type': SERVICE_DISCOVERY_CONTENT_TYPE });
  });
  return app;
}
