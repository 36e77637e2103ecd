import { Hono } from 'hono';
import { badRequest, intuneNotFound } from '../graph-error';
import { MANAGED_DEVICES } from '../managed-device-record';
import { applyQuery, checkSelect, project } from '../odata/apply-query';
import { contextUrl } from '../odata/context-url';
import { pageOf } from '../odata/paging';
import { type QueryOptions, readQueryOptions } from '../odata/query-options';
import { graphJson, noContent, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import type { EntityRecord } from '../store';
import { odataType } from '../wire/fields';
import { managedDevice } from '../wire/managed-device';

const PATH = 'deviceManagement/managedDevices';
const TARGET = { properties: new Set(Object.keys(managedDevice.fields)), typeLabel: `microsoft.graph.${managedDevice.name}` };

function render(entity: EntityRecord, select: readonly string[] | undefined): Record<string, unknown> {
  return { '@odata.type': odataType(entity.type), ...project(entity.data, select) };
}

function queryOptions(c: ServerContextOf): QueryOptions {
  const options = readQueryOptions(new URL(c.req.url), c.get('version'));
  if (options.expand) throw badRequest(`$expand is not supported on '${MANAGED_DEVICES}' by this server.`);
  return options;
}

/**
 * `/deviceManagement/managedDevices`: list, get and delete (retire). Devices are recorded by
 * simulated enrollments (`POST /_enrollkit/simulate` with `record`), not created by requests.
 */
export function managedDeviceRoutes(ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const { store } = ctx;
  const load = (c: ServerContextOf): EntityRecord => {
    const id = c.req.param('id') ?? '';
    const entity = store.getEntity(c.get('tenantId'), MANAGED_DEVICES, id);
    if (!entity) throw intuneNotFound(MANAGED_DEVICES, id);
    return entity;
  };

  app.get('/', (c) => {
    const url = new URL(c.req.url);
    const options = queryOptions(c);
    const devices = applyQuery(store.listEntities(c.get('tenantId'), MANAGED_DEVICES), options, TARGET);
    const page = pageOf(devices, options, ctx.pageSizes.intune, url);
    return graphJson(c, {
      '@odata.context': contextUrl(c.get('version'), PATH, options.select ? { select: options.select } : {}),
      ...(options.count && options.offset === undefined ? { '@odata.count': devices.length } : {}),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((device) => render(device, options.select)),
    });
  });

  app.get('/:id', (c) => {
    const options = queryOptions(c);
    checkSelect(options.select, TARGET);
    return graphJson(c, {
      '@odata.context': contextUrl(c.get('version'), PATH, { ...(options.select ? { select: options.select } : {}), entity: true }),
      ...render(load(c), options.select),
    });
  });

  app.delete('/:id', (c) => {
    store.transaction(() => {
      const device = load(c);
      store.deleteEntity(device.tenantId, MANAGED_DEVICES, device.id);
    });
    return noContent(c);
  });

  return app;
}
