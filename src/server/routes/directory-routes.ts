import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { findUser } from '../find-user';
import { badRequest, directoryNotFound, GraphError } from '../graph-error';
import { applyQuery, checkSelect, equalityOn, project, type QueryTarget } from '../odata/apply-query';
import { contextUrl } from '../odata/context-url';
import { pageOf } from '../odata/paging';
import { type ApiVersion, readQueryOptions } from '../odata/query-options';
import { readJsonBody } from '../request-body';
import { graphJson, noContent, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import type { EntityRecord, Store } from '../store';
import { graphTimestamp } from '../timestamps';
import { applyProperties, defaultSelectOf, type EntityType, newEntityData } from '../wire/entity-type';
import { group } from '../wire/group';
import { parseActionBody, parseProperties, typeNameOf } from '../wire/parse-body';
import { user } from '../wire/user';

function directoryBadRequest(message: string): GraphError {
  return new GraphError(400, 'Request_BadRequest', message);
}

/** Entra ID's security identifier of an object id: `S-1-12-1-` and the GUID's four little-endian words. */
function securityIdentifier(id: string): string {
  const hex = id.replace(/-/g, '');
  const bytes = Buffer.from(hex, 'hex');
  const dotNet = Buffer.concat([Buffer.from(bytes.subarray(0, 4)).reverse(), Buffer.from(bytes.subarray(4, 6)).reverse(), Buffer.from(bytes.subarray(6, 8)).reverse(), bytes.subarray(8)]);
  return `S-1-12-1-${[0, 4, 8, 12].map((offset) => dotNet.readUInt32LE(offset)).join('-')}`;
}

/** The object id at the end of a `directoryObjects/{id}` (or `users/{id}`, `groups/{id}`) URL. */
function idFromReference(reference: string): string {
  const match = /\/(?:directoryObjects|users|groups)\/([^/?#]+)\/?$/.exec(reference);
  if (!match?.[1]) throw badRequest(`Invalid object identifier '${reference}'.`);
  return decodeURIComponent(match[1]);
}

function isDynamic(data: Record<string, unknown>): boolean {
  return Array.isArray(data['groupTypes']) && data['groupTypes'].includes('DynamicMembership');
}

function findDirectoryObject(store: Store, tenantId: string, id: string): EntityRecord | undefined {
  return store.getEntity(tenantId, 'users', id) ?? store.getEntity(tenantId, 'groups', id);
}

function queryTarget(types: readonly EntityType[], label: string): QueryTarget {
  return { properties: new Set(types.flatMap((type) => Object.keys(type.fields))), typeLabel: label };
}

const TYPES: Readonly<Record<string, EntityType>> = { users: user, groups: group };

/** A directory object in a polymorphic (`directoryObjects`) list: with `@odata.type`, default properties of its type. */
function renderMember(entity: EntityRecord, select: readonly string[] | undefined, version: ApiVersion): Record<string, unknown> {
  const type = TYPES[entity.collection];
  return { '@odata.type': `#microsoft.graph.${entity.type}`, ...project(entity.data, select, type && defaultSelectOf(type, version)) };
}

/**
 * A `$count` segment's answer: the number as `text/plain`. Like Graph, directory counts are an
 * advanced query: without `ConsistencyLevel: eventual` the request is refused.
 */
function countResponse(c: ServerContextOf, count: number): Response {
  if (c.req.header('consistencylevel')?.toLowerCase() !== 'eventual') {
    throw badRequest("$count on directory objects needs the request header 'ConsistencyLevel: eventual'.");
  }
  return c.body(String(count), 200, { 'Content-Type': 'text/plain;charset=utf-8' });
}

/** Routes of `/groups` or `/users`: list, get, create, update, delete, plus memberships. */
export function directoryRoutes(collection: 'groups' | 'users', ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const { store } = ctx;
  const type = collection === 'groups' ? group : user;
  const target = queryTarget([type], `microsoft.graph.${type.name}`);

  const load = (c: ServerContextOf, id: string): EntityRecord => {
    const entity = collection === 'users' ? findUser(store, c.get('tenantId'), id) : store.getEntity(c.get('tenantId'), 'groups', id);
    if (!entity) throw directoryNotFound(id);
    return entity;
  };
  const checkUniqueUpn = (tenantId: string, upn: unknown, self?: string): void => {
    if (typeof upn !== 'string') return;
    if (store.listEntities(tenantId, 'users', { lookupKey: upn }).some((other) => other.id !== self)) {
      throw directoryBadRequest('Another object with the same value for property userPrincipalName already exists.');
    }
  };
  const checkGroupRules = (data: Record<string, unknown>): void => {
    if (collection !== 'groups') return;
    if (isDynamic(data) && typeof data['membershipRule'] !== 'string') {
      throw directoryBadRequest("A group with 'DynamicMembership' in groupTypes needs a membershipRule.");
    }
    if (!isDynamic(data) && data['membershipRule'] !== null) {
      throw directoryBadRequest("A membershipRule can only be set on a group with 'DynamicMembership' in groupTypes.");
    }
  };
  const listResponse = (c: ServerContextOf, records: readonly EntityRecord[], path: string, polymorphic: boolean) => {
    const version = c.get('version');
    const url = new URL(c.req.url);
    const options = readQueryOptions(url, version);
    const matched = applyQuery(records, options, polymorphic ? queryTarget([user, group], 'microsoft.graph.directoryObject') : target);
    const page = pageOf(matched, options, ctx.pageSizes.directory, url);
    return graphJson(c, {
      '@odata.context': contextUrl(version, path, options.select ? { select: options.select } : {}),
      ...(options.count && options.offset === undefined ? { '@odata.count': matched.length } : {}),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((entity) => (polymorphic ? renderMember(entity, options.select, version) : project(entity.data, options.select, defaultSelectOf(type, version)))),
    });
  };

  app.get('/', (c) => {
    const options = readQueryOptions(new URL(c.req.url), c.get('version'));
    const displayName = equalityOn(options, 'displayName');
    const upn = collection === 'users' ? equalityOn(options, 'userPrincipalName') : undefined;
    const where = displayName !== undefined ? { displayName } : upn !== undefined ? { lookupKey: upn } : {};
    return listResponse(c, store.listEntities(c.get('tenantId'), collection, where), collection, false);
  });

  // `$count` is answered by the route of an id: Hono's fastest router takes no other route beside one with a parameter.
  app.get('/:id', (c) => {
    if (c.req.param('id') === '$count') return countResponse(c, store.listEntities(c.get('tenantId'), collection).length);
    const version = c.get('version');
    const options = readQueryOptions(new URL(c.req.url), version);
    checkSelect(options.select, target);
    if (options.expand) throw badRequest(`$expand is not supported on '${collection}' by this server.`);
    const entity = load(c, c.req.param('id'));
    return graphJson(c, {
      '@odata.context': contextUrl(version, collection, { ...(options.select ? { select: options.select } : {}), entity: true }),
      ...project(entity.data, options.select, defaultSelectOf(type, version)),
    });
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c);
    const sent = typeNameOf(body);
    if (sent !== undefined && sent !== type.name) throw badRequest(`The type 'microsoft.graph.${sent}' is not compatible with '${collection}'.`);
    const properties = parseProperties(type, body, 'create');
    const tenantId = c.get('tenantId');
    const id = randomUUID();
    const now = graphTimestamp(ctx.clock());
    const data = newEntityData(type, properties, { id, createdDateTime: now });
    if (collection === 'groups') {
      data['securityIdentifier'] = securityIdentifier(id);
      data['renewedDateTime'] = now;
      if (isDynamic(data) && data['membershipRuleProcessingState'] === null) data['membershipRuleProcessingState'] = 'On';
    }
    checkGroupRules(data);
    const bound = [...((properties['members@odata.bind'] as string[] | undefined) ?? []), ...((properties['owners@odata.bind'] as string[] | undefined) ?? [])];
    if (isDynamic(data) && properties['members@odata.bind']) throw directoryBadRequest('Members of a group with dynamic membership cannot be added.');
    store.transaction(() => {
      checkUniqueUpn(tenantId, data['userPrincipalName']);
      for (const reference of bound) {
        if (!findDirectoryObject(store, tenantId, idFromReference(reference))) throw directoryNotFound(idFromReference(reference));
      }
      const lookupKey = typeof data['userPrincipalName'] === 'string' ? data['userPrincipalName'] : null;
      store.putEntity({ tenantId, collection, id, type: type.name, data, priorityClass: null, priority: null, lookupKey });
      for (const reference of (properties['members@odata.bind'] as string[] | undefined) ?? []) store.addMember(tenantId, id, idFromReference(reference));
    });
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), collection, { entity: true }), ...project(data, undefined, defaultSelectOf(type, c.get('version'))) }, 201);
  });

  app.patch('/:id', async (c) => {
    const body = await readJsonBody(c);
    const sent = typeNameOf(body);
    if (sent !== undefined && sent !== type.name) throw badRequest(`The type of an object cannot be changed to 'microsoft.graph.${sent}'.`);
    const properties = parseProperties(type, body, 'update');
    if (properties['members@odata.bind'] || properties['owners@odata.bind']) throw badRequest("Use 'members/$ref' to change a group's members.");
    store.transaction(() => {
      const entity = load(c, c.req.param('id'));
      const data = applyProperties(type, entity.data, properties);
      checkGroupRules(data);
      checkUniqueUpn(entity.tenantId, data['userPrincipalName'], entity.id);
      const lookupKey = typeof data['userPrincipalName'] === 'string' ? data['userPrincipalName'] : null;
      store.putEntity({ ...entity, data, lookupKey });
    });
    return noContent(c);
  });

  app.delete('/:id', (c) => {
    store.transaction(() => {
      const entity = load(c, c.req.param('id'));
      store.deleteEntity(entity.tenantId, collection, entity.id);
    });
    return noContent(c);
  });

  app.get('/:id/memberOf', (c) => {
    const entity = load(c, c.req.param('id'));
    const groups = store.groupIdsOf(entity.tenantId, entity.id).flatMap((id) => store.getEntity(entity.tenantId, 'groups', id) ?? []);
    return listResponse(c, groups, 'directoryObjects', true);
  });

  if (collection === 'groups') {
    app.get('/:id/members/$count', (c) => {
      const entity = load(c, c.req.param('id'));
      return countResponse(c, store.memberIds(entity.tenantId, entity.id).length);
    });

    app.get('/:id/members', (c) => {
      const entity = load(c, c.req.param('id'));
      const members = store.memberIds(entity.tenantId, entity.id).flatMap((id) => findDirectoryObject(store, entity.tenantId, id) ?? []);
      return listResponse(c, members, 'directoryObjects', true);
    });

    app.post('/:id/members/$ref', async (c) => {
      const body = parseActionBody(z.strictObject({ '@odata.id': z.string() }), await readJsonBody(c), '$ref');
      const memberId = idFromReference(body['@odata.id']);
      store.transaction(() => {
        const entity = load(c, c.req.param('id'));
        if (isDynamic(entity.data)) throw directoryBadRequest('Members of a group with dynamic membership cannot be added.');
        if (memberId === entity.id) throw directoryBadRequest('A group cannot be a member of itself.');
        if (!findDirectoryObject(store, entity.tenantId, memberId)) throw directoryNotFound(memberId);
        if (!store.addMember(entity.tenantId, entity.id, memberId)) {
          throw directoryBadRequest("One or more added object references already exist for the following modified properties: 'members'.");
        }
      });
      return noContent(c);
    });

    app.delete('/:id/members/:memberId/$ref', (c) => {
      store.transaction(() => {
        const entity = load(c, c.req.param('id'));
        const memberId = c.req.param('memberId');
        if (!store.removeMember(entity.tenantId, entity.id, memberId)) throw directoryNotFound(memberId);
      });
      return noContent(c);
    });
  }
  return app;
}
