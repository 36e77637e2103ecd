import type { EntityRecord, Store } from './store';

/** A tenant's user by object id or `userPrincipalName` (any case), as `/users/{id or UPN}` finds it. */
export function findUser(store: Store, tenantId: string, idOrUpn: string): EntityRecord | undefined {
  return store.getEntity(tenantId, 'users', idOrUpn) ?? store.listEntities(tenantId, 'users', { lookupKey: idOrUpn })[0];
}
