import { isDeepStrictEqual } from 'node:util';
import { Hono } from 'hono';
import { badRequest, intuneBadRequest, intuneNotFound, intuneUnchangedPatch, modelValidationFailure } from '../graph-error';
import type { IntuneCollection } from '../intune-collections';
import { applyQuery, checkQuery, checkSelect, equalityOn, project, type QueryTarget } from '../odata/apply-query';
import { contextUrl } from '../odata/context-url';
import { nextPageLink, pageBounds, pageOf } from '../odata/paging';
import type { ApiVersion, QueryOptions } from '../odata/query-options';
import { refuseAdminOnlyWrite } from '../middleware/authorize';
import { closeGap, isTenantDefault, movePriority, nextPriority } from '../priorities';
import { readJsonBody } from '../request-body';
import { graphJson, graphJsonText, noContent, queryOptionsOf, requestUrl, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import type { AssignmentRecord, EntityRecord, Store, StoredEntity } from '../store';
import { graphTimestamp } from '../timestamps';
import { applyProperties, type EntityType, newEntityData } from '../wire/entity-type';
import { parseActionBody, parseProperties, resolveEntityType, setPriorityBody, typeNameOf } from '../wire/parse-body';
import { mountAssignmentRoutes } from './intune-assignment-routes';

/** Properties of a collection's types, for checking query options. */
function queryTarget(collection: IntuneCollection): QueryTarget {
  return {
    properties: new Set(collection.types.flatMap((type) => Object.keys(type.fields))),
    typeLabel: `microsoft.graph.${collection.baseType}`,
  };
}

interface Expansion {
  readonly select?: readonly string[];
}

function expansionOf(options: QueryOptions, collection: IntuneCollection): Expansion | undefined {
  if (!options.expand) return undefined;
  let result: Expansion | undefined;
  for (const item of options.expand) {
    if (item.property !== 'assignments') throw badRequest(`Could not find a navigation property named '${item.property}' on type 'microsoft.graph.${collection.baseType}'.`);
    checkSelect(item.select, { properties: new Set(Object.keys(collection.assignmentType.fields)), typeLabel: `microsoft.graph.${collection.assignmentType.name}` });
    result = item.select ? { select: item.select } : {};
  }
  return result;
}

/** An Intune object as Graph returns it: `@odata.type` first, then its properties, then expanded assignments. */
export function renderIntuneEntity(
  entity: Pick<EntityRecord, 'id' | 'type' | 'data'>,
  collection: IntuneCollection,
  version: ApiVersion,
  select?: readonly string[],
  assignments?: { readonly records: readonly Pick<AssignmentRecord, 'data'>[]; readonly select?: readonly string[] },
): Record<string, unknown> {
  const result: Record<string, unknown> = { '@odata.type': `#microsoft.graph.${entity.type}`, ...project(entity.data, select) };
  if (assignments) {
    result['assignments@odata.context'] = contextUrl(version, `${collection.path}('${entity.id}')/assignments`);
    result['assignments'] = assignments.records.map((record) => project(record.data, assignments.select));
  }
  return result;
}

/**
 * {@link renderIntuneEntity} as JSON text. Objects without `$select` and priority are answered
 * with their stored text, unparsed; the JSON is the same.
 */
function renderStoredEntity(
  entity: StoredEntity,
  collection: IntuneCollection,
  version: ApiVersion,
  select?: readonly string[],
  assignments?: { readonly json: readonly string[]; readonly select?: readonly string[] },
): string {
  if (select || entity.priority !== null || assignments?.select) {
    const records = assignments?.json.map((json) => ({ data: JSON.parse(json) as Record<string, unknown> }));
    return JSON.stringify(renderIntuneEntity(entity, collection, version, select, assignments && records ? { records, ...assignments } : undefined));
  }
  if (!assignments) return entity.json;
  const context = JSON.stringify(contextUrl(version, `${collection.path}('${entity.id}')/assignments`));
  return `${entity.json.slice(0, -1)},"assignments@odata.context":${context},"assignments":[${assignments.json.join(',')}]}`;
}

/** The answers of a page of objects, with their assignments when `$expand` asks for them. */
function renderPage(
  c: ServerContextOf,
  store: Store,
  collection: IntuneCollection,
  options: QueryOptions,
  expansion: Expansion | undefined,
  entities: readonly StoredEntity[],
): string[] {
  const version = c.get('version');
  const byParent = expansion ? store.assignmentJsonOf(c.get('tenantId'), collection.name, entities.map((entity) => entity.id)) : undefined;
  return entities.map((entity) =>
    renderStoredEntity(entity, collection, version, options.select, byParent && expansion ? { json: byParent.get(entity.id) ?? [], ...expansion } : undefined),
  );
}

/** The first `size` of the rows read from `start`, with the link of the next page when a row beyond them was read. */
function firstRows<T>(c: ServerContextOf, rows: readonly T[], start: number, size: number): { items: readonly T[]; nextLink?: string } {
  return rows.length > size ? { items: rows.slice(0, size), nextLink: nextPageLink(requestUrl(c), start + size) } : { items: rows };
}

/** Routes of one Intune collection: list, get, create, update, delete, `setPriority`, assignments and `assign`. */
export function intuneRoutes(collection: IntuneCollection, ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const { store } = ctx;
  const target = queryTarget(collection);

  const typeOf = (name: string): EntityType => {
    const type = collection.types.find((candidate) => candidate.name === name);
    if (!type) {
      throw new Error(
        `'${collection.name}' holds an object of type '${name}', which this server does not model: add the type to the collection in src/server/intune-collections.ts, or start with a new database file.`,
      );
    }
    return type;
  };
  const load = (c: ServerContextOf, id: string): EntityRecord => {
    const entity = store.getEntity(c.get('tenantId'), collection.name, id);
    if (!entity) throw intuneNotFound(collection.name, id);
    return entity;
  };
  const check = (type: EntityType, data: Record<string, unknown>): void => {
    const problem = collection.check?.(type.name, data);
    if (problem) throw intuneBadRequest(problem);
  };

  app.get('/', (c) => {
    const version = c.get('version');
    const tenantId = c.get('tenantId');
    const options = queryOptionsOf(c);
    const expansion = expansionOf(options, collection);
    const displayName = equalityOn(options, 'displayName');
    const where = displayName === undefined ? {} : { displayName };
    let page: { items: readonly string[]; nextLink?: string };
    let count: number | undefined;
    if ((options.filter === undefined || displayName !== undefined) && options.orderBy === undefined) {
      // Filtered by the display name index at most: SQLite reads only the page (and one more, to know if another follows),
      // and renders it too when the answer is every property of the objects.
      checkQuery(options, target);
      const { start, size } = pageBounds(options, ctx.pageSizes.intune);
      const range = { offset: start, limit: size + 1 };
      if (options.select || expansion) {
        const entities = firstRows(c, store.listStoredEntities(tenantId, collection.name, where, range), start, size);
        page = { ...entities, items: renderPage(c, store, collection, options, expansion, entities.items) };
      } else {
        page = firstRows(c, store.listWireJson(tenantId, collection.name, where, range), start, size);
      }
      if (options.count) count = store.countEntities(tenantId, collection.name, where);
    } else {
      const records = applyQuery(store.listStoredEntities(tenantId, collection.name, where), options, target);
      const entities = pageOf(records, options, ctx.pageSizes.intune, requestUrl(c));
      page = { ...entities, items: renderPage(c, store, collection, options, expansion, entities.items) };
      count = records.length;
    }
    const head = {
      '@odata.context': contextUrl(version, collection.path, { ...(options.select ? { select: options.select } : {}), expand: expansion ? ['assignments'] : [] }),
      ...(options.count && options.offset === undefined ? { '@odata.count': count } : {}),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    };
    return graphJsonText(c, `${JSON.stringify(head).slice(0, -1)},"value":[${page.items.join(',')}]}`);
  });

  app.get('/:id', (c) => {
    const version = c.get('version');
    const options = queryOptionsOf(c);
    checkSelect(options.select, target);
    const expansion = expansionOf(options, collection);
    const entity = load(c, c.req.param('id'));
    const assignments = expansion ? { records: store.listAssignments(entity.tenantId, collection.name, entity.id), ...expansion } : undefined;
    return graphJson(c, {
      '@odata.context': contextUrl(version, collection.path, { ...(options.select ? { select: options.select } : {}), expand: expansion ? ['assignments'] : [], entity: true }),
      ...renderIntuneEntity(entity, collection, version, options.select, assignments),
    });
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c);
    const requested = typeNameOf(body, modelValidationFailure);
    if (requested !== undefined && collection.types.some((type) => type.name === requested) && !collection.creatable.some((type) => type.name === requested)) {
      throw intuneBadRequest(`Objects of type 'microsoft.graph.${requested}' cannot be created; the tenant has its default one, which can be updated.`);
    }
    const type = resolveEntityType(body, collection.creatable, collection.name, collection.baseType);
    refuseAdminOnlyWrite(c.get('grant'), type.name);
    const properties = parseProperties(type, body, 'create');
    const now = graphTimestamp(ctx.clock());
    const id = collection.newId(type.name);
    const data = newEntityData(type, properties, { id, createdDateTime: now, lastModifiedDateTime: now });
    check(type, data);
    const tenantId = c.get('tenantId');
    const record: EntityRecord = { tenantId, collection: collection.name, id, type: type.name, data, priorityClass: null, priority: null, lookupKey: null };
    const ordering = collection.priority;
    const sequence = ordering?.sequenceOf(type.name);
    // Without a priority to read first, the insert is one statement, committed on its own (the answer waits for its flush).
    const stored =
      ordering && sequence
        ? store.transaction(() => {
            const priority = nextPriority(store, tenantId, collection.name, ordering, sequence);
            return store.putEntity({ ...record, data: { ...data, priority }, priorityClass: sequence, priority });
          })
        : store.putEntity(record);
    // The answer is the object as stored, put in as the text it was stored as.
    const context = JSON.stringify(contextUrl(c.get('version'), collection.path, { entity: true }));
    return graphJsonText(c, `{"@odata.context":${context},${stored.slice(1)}`, 201);
  });

  app.patch('/:id', async (c) => {
    const body = await readJsonBody(c);
    store.transaction(() => {
      const entity = load(c, c.req.param('id'));
      const sent = typeNameOf(body, modelValidationFailure);
      if (sent !== undefined && sent !== entity.type) {
        throw badRequest(`The type of an object cannot be changed: '${entity.id}' is a 'microsoft.graph.${entity.type}', not a 'microsoft.graph.${sent}'.`);
      }
      const type = typeOf(entity.type);
      refuseAdminOnlyWrite(c.get('grant'), type.name);
      // The live service cannot tell which derived type a PATCH without `@odata.type` is for (msgraph-beta-sdk-dotnet#699).
      if (sent === undefined && type.ancestors.length > 0) {
        throw modelValidationFailure(`Cannot create an abstract class. Send '@odata.type': '#microsoft.graph.${type.name}' with the PATCH of '${entity.id}'.`);
      }
      const missing = type.patchRequired.filter((name) => !(name in body));
      if (missing.length > 0) {
        throw modelValidationFailure(
          `A PATCH of a 'microsoft.graph.${type.name}' must send the whole object; missing: ${missing.join(', ')}. Read the object and send it back with the changes.`,
        );
      }
      const properties = parseProperties(type, body, 'update');
      for (const name of type.immutable) {
        if (name in properties && JSON.stringify(properties[name]) !== JSON.stringify(entity.data[name])) {
          throw intuneBadRequest(`The property '${name}' of a 'microsoft.graph.${type.name}' cannot be changed once it is created.`);
        }
      }
      const data = applyProperties(type, entity.data, properties);
      // Server-set properties (`lastModifiedDateTime`, `version`) are ignored in bodies, so they cannot differ here.
      if (isDeepStrictEqual(data, entity.data)) throw intuneUnchangedPatch();
      data['lastModifiedDateTime'] = graphTimestamp(ctx.clock());
      if (typeof data['version'] === 'number') data['version'] = data['version'] + 1;
      check(type, data);
      store.putEntity({ ...entity, data });
    });
    return noContent(c);
  });

  app.delete('/:id', (c) => {
    store.transaction(() => {
      const entity = load(c, c.req.param('id'));
      if (isTenantDefault(entity)) throw intuneBadRequest('The default enrollment configuration cannot be deleted.');
      store.deleteEntity(entity.tenantId, collection.name, entity.id);
      if (collection.priority && entity.priorityClass) closeGap(store, entity.tenantId, collection.name, entity.priorityClass, collection.priority);
    });
    return noContent(c);
  });

  const rules = collection.priority;
  if (rules) {
    app.post('/:id/setPriority', async (c) => {
      const { priority } = parseActionBody(setPriorityBody, await readJsonBody(c), 'setPriority');
      store.transaction(() => {
        const entity = load(c, c.req.param('id'));
        if (isTenantDefault(entity)) throw intuneBadRequest('The priority of a default enrollment configuration cannot be changed.');
        if (priority < rules.first) throw intuneBadRequest(`Priority must be ${rules.first} or greater; got ${priority}.`);
        // The live service answers a move to the current priority with an error (Microsoft365DSC#4295).
        if (entity.priority === priority) throw intuneBadRequest(`The priority of '${entity.id}' is already ${priority}; send setPriority only to change it.`);
        movePriority(store, { ...entity, data: { ...entity.data, lastModifiedDateTime: graphTimestamp(ctx.clock()) } }, priority, rules);
      });
      return noContent(c);
    });
  }

  mountAssignmentRoutes(app, collection, ctx, load);
  return app;
}
