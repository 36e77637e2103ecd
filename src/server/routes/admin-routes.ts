import { Hono } from 'hono';
import { z } from 'zod';
import { faultRuleInput } from '../fault-injector';
import { GraphError } from '../graph-error';
import { authenticateAdmin } from '../middleware/authenticate';
import { readJsonBody } from '../request-body';
import type { ServerContext, ServerEnv } from '../server-context';
import type { Cloud } from '../store';
import { checkDomains, createTenant, mintTenantToken } from '../tenants';
import { tokenGrant } from '../token-grant';
import { graphTimestamp } from '../timestamps';
import { parseActionBody } from '../wire/parse-body';

const cloud = z.enum(['public', 'usgov', 'china']);
const newTenant = z.strictObject({
  tenantId: z.string().optional(),
  token: z.string().min(16).optional(),
  domains: z.array(z.string()).optional(),
  cloud: cloud.optional(),
  displayName: z.string().trim().min(1).optional(),
});
const tenantChange = z.strictObject({ domains: z.array(z.string()).optional(), cloud: cloud.optional(), displayName: z.string().trim().min(1).optional() });
const apnsChange = z.strictObject({
  expirationDateTime: z.iso.datetime({ offset: true }),
  appleIdentifier: z.string().optional(),
});
const throttleChange = z.strictObject({
  enabled: z.boolean().optional(),
  limits: z
    .strictObject({
      windowMs: z.int().positive().optional(),
      tenantWrites: z.int().positive().optional(),
      tenantAll: z.int().positive().optional(),
      tokenWrites: z.int().positive().optional(),
      tokenAll: z.int().positive().optional(),
    })
    .optional(),
});

function notFound(what: string): GraphError {
  return new GraphError(404, 'ResourceNotFound', `${what} does not exist.`);
}

/**
 * The admin and test surface under `/_enrollkit` (admin token required): tenants, APNs
 * certificates, fault rules, throttling and the request log.
 */
export function adminRoutes(ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const { store } = ctx;
  app.use('*', authenticateAdmin(ctx));

  const tenantView = (id: string) => {
    const tenant = store.getTenant(id);
    if (!tenant) throw notFound(`Tenant '${id}'`);
    return { tenantId: tenant.id, displayName: tenant.displayName, domains: tenant.domains, cloud: tenant.cloud };
  };

  app.get('/tenants', (c) => c.json({ value: store.listTenants().map((tenant) => tenantView(tenant.id)) }));

  app.post('/tenants', async (c) => {
    const { tenantId, token, domains, cloud: tenantCloud, displayName } = parseActionBody(newTenant, await readJsonBody(c), 'tenant');
    const options = {
      ...(tenantId === undefined ? {} : { tenantId }),
      ...(token === undefined ? {} : { token }),
      ...(domains === undefined ? {} : { domains }),
      ...(tenantCloud === undefined ? {} : { cloud: tenantCloud }),
      ...(displayName === undefined ? {} : { displayName }),
    };
    return c.json(createTenant(store, ctx.clock, options), 201);
  });

  app.get('/tenants/:id', (c) => c.json(tenantView(c.req.param('id'))));

  app.patch('/tenants/:id', async (c) => {
    const change = parseActionBody(tenantChange, await readJsonBody(c), 'tenant');
    const id = c.req.param('id');
    store.transaction(() => {
      tenantView(id);
      if (change.domains) {
        checkDomains(store, change.domains, id);
        store.setDomains(id, change.domains);
      }
      if (change.cloud) store.setCloud(id, change.cloud as Cloud);
      if (change.displayName) store.setDisplayName(id, change.displayName);
    });
    return c.json(tenantView(id));
  });

  app.post('/tenants/:id/tokens', async (c) => {
    const grant = parseActionBody(tokenGrant, await readJsonBody(c), 'token');
    const tenantId = c.req.param('id');
    return c.json({ tenantId, token: mintTenantToken(store, tenantId, grant), grant }, 201);
  });

  app.put('/tenants/:id/applePushNotificationCertificate', async (c) => {
    const change = parseActionBody(apnsChange, await readJsonBody(c), 'applePushNotificationCertificate');
    const id = c.req.param('id');
    tenantView(id);
    const current = store.getApns(id) ?? {};
    const apns = {
      ...current,
      ...(change.appleIdentifier === undefined ? {} : { appleIdentifier: change.appleIdentifier }),
      expirationDateTime: graphTimestamp(new Date(change.expirationDateTime)),
      lastModifiedDateTime: graphTimestamp(ctx.clock()),
    };
    store.setApns(id, apns);
    return c.json(apns);
  });

  app.delete('/tenants/:id/applePushNotificationCertificate', (c) => {
    tenantView(c.req.param('id'));
    store.setApns(c.req.param('id'), null);
    return c.body(null, 204);
  });

  app.get('/faults', (c) => c.json({ value: ctx.faults.list() }));

  app.post('/faults', async (c) => c.json(ctx.faults.add(parseActionBody(faultRuleInput, await readJsonBody(c), 'fault')), 201));

  app.delete('/faults', (c) => {
    ctx.faults.clear();
    return c.body(null, 204);
  });

  app.delete('/faults/:id', (c) => {
    if (!ctx.faults.remove(c.req.param('id'))) throw notFound(`Fault rule '${c.req.param('id')}'`);
    return c.body(null, 204);
  });

  app.get('/throttle', (c) => c.json({ enabled: ctx.throttler.enabled, limits: ctx.throttler.limits }));

  app.put('/throttle', async (c) => {
    const change = parseActionBody(throttleChange, await readJsonBody(c), 'throttle');
    if (change.enabled !== undefined) ctx.throttler.enabled = change.enabled;
    if (change.limits) ctx.throttler.limits = { ...ctx.throttler.limits, ...Object.fromEntries(Object.entries(change.limits).filter(([, v]) => v !== undefined)) };
    ctx.throttler.reset();
    return c.json({ enabled: ctx.throttler.enabled, limits: ctx.throttler.limits });
  });

  app.get('/requests', (c) => c.json({ total: ctx.requestLog.total, counts: ctx.requestLog.counts(), entries: ctx.requestLog.entries() }));

  app.delete('/requests', (c) => {
    ctx.requestLog.clear();
    return c.body(null, 204);
  });

  return app;
}
