import {
  DESCRIPTORS,
  parseMarker,
  tenantDefaultsOf,
  type Assignment,
  type GraphEntity,
  type GroupResolver,
  type KindDescriptor,
  type Resource,
  type TenantDefaults,
} from '../model';
import type { EnrollmentState } from '../rules';
import { collectionOfKind } from './intune-collections';
import type { EntityRecord, Store } from './store';
import { defaultLimitId, defaultPlatformRestrictionsId } from './tenants';
import { odataType } from './wire/fields';

/** A stored object as Graph returns it, which is what descriptors read. */
function graphEntity(record: EntityRecord): GraphEntity {
  return { '@odata.type': odataType(record.type), ...record.data, id: record.id };
}

function groupResolver(store: Store, tenantId: string): GroupResolver {
  const names = new Map(store.listEntities(tenantId, 'groups').map((group) => [group.id, String(group.data['displayName'] ?? group.id)]));
  return { name: (id) => names.get(id) ?? id, id: (name) => name };
}

function resourcesOfKind(store: Store, tenantId: string, kind: KindDescriptor, groups: GroupResolver): Resource[] {
  const collection = collectionOfKind(kind);
  const assignments = store.assignmentsByParent(tenantId, collection.name);
  return store.listEntities(tenantId, collection.name).flatMap((record) => {
    const entity = graphEntity(record);
    if (!kind.matches(entity) || kind.isBuiltIn(entity)) return [];
    const read = (assignments.get(record.id) ?? []).flatMap((assignment): Assignment[] => {
      const parsed = kind.assignmentFromGraph(assignment.data, groups);
      return parsed ? [parsed] : [];
    });
    const displayName = typeof entity['displayName'] === 'string' && entity['displayName'] !== '' ? entity['displayName'] : record.id;
    const resource = {
      kind: kind.kind,
      logicalId: record.id,
      path: `${collection.path}/${record.id}`,
      displayName,
      description: parseMarker(typeof entity['description'] === 'string' ? entity['description'] : '').text,
      spec: kind.fromGraph(entity),
      assignments: read,
      ...(kind.priorityClass && typeof entity['priority'] === 'number' ? { priority: entity['priority'] } : {}),
      suppressions: [],
    };
    return [resource as Resource];
  });
}

function tenantDefaults(store: Store, tenantId: string): TenantDefaults {
  const ids = [defaultPlatformRestrictionsId(tenantId), defaultLimitId(tenantId)];
  const entities = ids.flatMap((id) => {
    const stored = store.getEntity(tenantId, 'deviceEnrollmentConfigurations', id);
    return stored ? [graphEntity(stored)] : [];
  });
  return tenantDefaultsOf(entities);
}

/**
 * What enrollment of a tenant's users resolves against, read from the store: every object of
 * every managed kind with its assignments (group ids as display names) and priority, and the
 * tenant's default restrictions (the iOS part of the default platform restriction, the default
 * device limit). Objects are identified by their Graph path, e.g.
 * `deviceManagement/deviceEnrollmentConfigurations/<id>`.
 */
export function enrollmentStateOf(store: Store, tenantId: string): EnrollmentState {
  const groups = groupResolver(store, tenantId);
  const resources = DESCRIPTORS.filter((kind) => !kind.parent).flatMap((kind) => resourcesOfKind(store, tenantId, kind, groups));
  return { resources, defaults: tenantDefaults(store, tenantId) };
}
