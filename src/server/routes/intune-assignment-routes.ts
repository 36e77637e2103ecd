import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Hono } from 'hono';
import { z } from 'zod';
import { badRequest, GraphError, intuneBadRequest, intuneUnchangedPatch, modelValidationFailure } from '../graph-error';
import type { IntuneCollection } from '../intune-collections';
import { applyQuery, project } from '../odata/apply-query';
import { contextUrl } from '../odata/context-url';
import { pageOf } from '../odata/paging';
import { readQueryOptions } from '../odata/query-options';
import { isTenantDefault } from '../priorities';
import { readJsonBody } from '../request-body';
import { graphJson, noContent, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import type { AssignmentRecord, EntityRecord, Store } from '../store';
import { applyProperties, newEntityData } from '../wire/entity-type';
import { parseActionBody, parseProperties, resolveEntityType, typeNameOf } from '../wire/parse-body';

/** Identity of an assignment target: its type and the group (or collection) it names. */
function targetKey(data: Record<string, unknown>): string {
  const target = (data['target'] ?? {}) as Record<string, unknown>;
  return `${String(target['@odata.type'])}|${String(target['groupId'] ?? target['collectionId'] ?? '')}`;
}

/** Keeps a mobile app's read-only `isAssigned` in step with its assignments. */
function refreshIsAssigned(store: Store, parent: EntityRecord): void {
  if (!('isAssigned' in parent.data)) return;
  const isAssigned = store.listAssignments(parent.tenantId, parent.collection, parent.id).length > 0;
  if (parent.data['isAssigned'] !== isAssigned) store.putEntity({ ...parent, data: { ...parent.data, isAssigned } });
}

/**
 * Adds the `assignments` collection of an Intune collection's objects to `app`, and the `assign`
 * action where Graph has one (it replaces the whole assignment set).
 */
export function mountAssignmentRoutes(
  app: Hono<ServerEnv>,
  collection: IntuneCollection,
  ctx: ServerContext,
  load: (c: ServerContextOf, id: string) => EntityRecord,
): void {
  const { store } = ctx;
  const type = collection.assignmentType;
  const target = { properties: new Set(Object.keys(type.fields)), typeLabel: `microsoft.graph.${type.name}` };
  const setPath = (parentId: string) => `${collection.path}('${parentId}')/assignments`;

  const parseNew = (body: Record<string, unknown>): Record<string, unknown> => {
    resolveEntityType(body, [type], 'assignments', type.name);
    return newEntityData(type, parseProperties(type, body, 'create'), { id: randomUUID() });
  };
  const loadAssignable = (c: ServerContextOf): EntityRecord => {
    const parent = load(c, c.req.param('id') ?? '');
    if (isTenantDefault(parent)) throw intuneBadRequest('The assignments of a default enrollment configuration cannot be changed.');
    return parent;
  };
  const loadAssignment = (c: ServerContextOf): AssignmentRecord => {
    const parent = load(c, c.req.param('id') ?? '');
    const id = c.req.param('assignmentId') ?? '';
    const assignment = store.listAssignments(parent.tenantId, collection.name, parent.id).find((candidate) => candidate.id === id);
    if (!assignment) throw new GraphError(404, 'ResourceNotFound', `Resource not found: assignment '${id}' of '${parent.id}'.`, { intune: true });
    return assignment;
  };

  app.get('/:id/assignments', (c) => {
    const version = c.get('version');
    const url = new URL(c.req.url);
    const options = readQueryOptions(url, version);
    const parent = load(c, c.req.param('id'));
    const records = applyQuery(
      store.listAssignments(parent.tenantId, collection.name, parent.id).map((record) => ({ ...record, type: type.name })),
      options,
      target,
    );
    const page = pageOf(records, options, ctx.pageSizes.intune, url);
    return graphJson(c, {
      '@odata.context': contextUrl(version, setPath(parent.id), options.select ? { select: options.select } : {}),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((record) => project(record.data, options.select)),
    });
  });

  app.get('/:id/assignments/:assignmentId', (c) => {
    const assignment = loadAssignment(c);
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), setPath(assignment.parentId), { entity: true }), ...assignment.data });
  });

  app.post('/:id/assignments', async (c) => {
    const data = parseNew(await readJsonBody(c));
    store.transaction(() => {
      const parent = loadAssignable(c);
      const existing = store.listAssignments(parent.tenantId, collection.name, parent.id);
      if (existing.some((other) => targetKey(other.data) === targetKey(data))) {
        throw new GraphError(409, 'Conflict', `'${parent.id}' already has an assignment to this target.`, { intune: true });
      }
      store.putAssignment({ tenantId: parent.tenantId, collection: collection.name, parentId: parent.id, id: String(data['id']), data });
      refreshIsAssigned(store, parent);
    });
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), setPath(c.req.param('id')), { entity: true }), ...data }, 201);
  });

  app.patch('/:id/assignments/:assignmentId', async (c) => {
    const body = await readJsonBody(c);
    const sent = typeNameOf(body, modelValidationFailure);
    if (sent !== undefined && sent !== type.name) throw badRequest(`The type of an assignment cannot be changed to 'microsoft.graph.${sent}'.`);
    const properties = parseProperties(type, body, 'update');
    store.transaction(() => {
      const assignment = loadAssignment(c);
      const data = applyProperties(type, assignment.data, properties);
      if (isDeepStrictEqual(data, assignment.data)) throw intuneUnchangedPatch();
      store.putAssignment({ ...assignment, data });
    });
    return noContent(c);
  });

  app.delete('/:id/assignments/:assignmentId', (c) => {
    store.transaction(() => {
      const assignment = loadAssignment(c);
      store.deleteAssignments(assignment.tenantId, collection.name, assignment.parentId, assignment.id);
      refreshIsAssigned(store, load(c, assignment.parentId));
    });
    return noContent(c);
  });

  const assign = collection.assign;
  if (!assign) return;
  const schema = z.strictObject({
    [assign.bodyKey]: z.array(z.record(z.string(), z.unknown())),
    ...Object.fromEntries(assign.ignoredKeys.map((key) => [key, z.array(z.unknown()).nullable().optional()])),
  });
  app.post('/:id/assign', async (c) => {
    const body = parseActionBody(schema, await readJsonBody(c), 'assign');
    const items = (body[assign.bodyKey] ?? []) as Record<string, unknown>[];
    const assignments = items.map(parseNew);
    const keys = new Set(assignments.map(targetKey));
    if (keys.size !== assignments.length) throw badRequest('The assignment list names the same target more than once.');
    store.transaction(() => {
      const parent = loadAssignable(c);
      store.deleteAssignments(parent.tenantId, collection.name, parent.id);
      for (const data of assignments) {
        store.putAssignment({ tenantId: parent.tenantId, collection: collection.name, parentId: parent.id, id: String(data['id']), data });
      }
      refreshIsAssigned(store, parent);
    });
    if (assign.status === 204) return noContent(c);
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), `Collection(microsoft.graph.${type.name})`), value: assignments });
  });
}
