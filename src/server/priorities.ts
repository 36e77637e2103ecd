import type { PriorityRules } from './intune-collections';
import type { EntityRecord, Store } from './store';

/** Whether an object is one of the tenant's default restrictions (`<tenantId>_Default…`, priority 0, fixed). */
export function isTenantDefault(entity: Pick<EntityRecord, 'id' | 'tenantId'>): boolean {
  return entity.id.startsWith(defaultIdPrefix(entity.tenantId));
}

function defaultIdPrefix(tenantId: string): string {
  return `${tenantId}_Default`;
}

function sequence(store: Store, tenantId: string, collection: string, name: string): EntityRecord[] {
  return store.listByPriority(tenantId, collection, name).filter((entity) => !isTenantDefault(entity));
}

function renumber(store: Store, ordered: readonly EntityRecord[], first: number): void {
  ordered.forEach((entity, index) => {
    if (entity.priority !== first + index) store.putEntity({ ...entity, priority: first + index });
  });
}

/** The priority a new object of a sequence gets: the next one after the last. */
export function nextPriority(store: Store, tenantId: string, collection: string, rules: PriorityRules, sequenceName: string): number {
  return rules.first + store.countByPriority(tenantId, collection, sequenceName, defaultIdPrefix(tenantId));
}

/**
 * Moves an object to a priority (clamped to the end of its sequence) and shifts the others so
 * that priorities stay `first..n` without gaps or ties. `entity` is stored as given.
 */
export function movePriority(store: Store, entity: EntityRecord, requested: number, rules: PriorityRules): void {
  if (entity.priorityClass === null) return;
  const others = sequence(store, entity.tenantId, entity.collection, entity.priorityClass).filter((other) => other.id !== entity.id);
  const index = Math.min(Math.max(requested - rules.first, 0), others.length);
  others.splice(index, 0, { ...entity, priority: null });
  renumber(store, others, rules.first);
}

/** Renumbers a sequence after a deletion. */
export function closeGap(store: Store, tenantId: string, collection: string, sequenceName: string, rules: PriorityRules): void {
  renumber(store, sequence(store, tenantId, collection, sequenceName), rules.first);
}
