import { Hono } from 'hono';
import { directoryNotFound } from '../graph-error';
import { contextUrl } from '../odata/context-url';
import { graphJson, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import type { TenantRecord } from '../store';
import { organization } from '../wire/organization';

/** A tenant as Graph's `organization` resource shows it: its ID, name and verified domains, every other property unset. */
function organizationOf(tenant: TenantRecord): Record<string, unknown> {
  return {
    ...organization.initial(),
    id: tenant.id,
    displayName: tenant.displayName,
    verifiedDomains: tenant.domains.map((name, i) => ({ capabilities: 'Email, OfficeCommunicationsOnline', isDefault: i === 0, isInitial: false, name, type: 'Managed' })),
  };
}

/**
 * `GET /organization` (a collection of the one organization of the token's tenant) and
 * `GET /organization/{id}`, as Graph answers them: clients learn which tenant a token opens.
 */
export function organizationRoutes(ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const tenantOf = (c: ServerContextOf): TenantRecord => {
    const tenant = ctx.store.getTenant(c.get('tenantId'));
    if (!tenant) throw directoryNotFound(c.get('tenantId'));
    return tenant;
  };
  app.get('/', (c) => graphJson(c, { '@odata.context': contextUrl(c.get('version'), 'organization'), value: [organizationOf(tenantOf(c))] }));
  app.get('/:id', (c) => {
    const tenant = tenantOf(c);
    if (c.req.param('id').toLowerCase() !== tenant.id) throw directoryNotFound(c.req.param('id'));
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), 'organization', { entity: true }), ...organizationOf(tenant) });
  });
  return app;
}
