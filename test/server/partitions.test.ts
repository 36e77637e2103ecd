import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReferenceServer } from '../../src/server';
import type { EntityRecord, Store } from '../../src/server/store';

/** Objects are kept per partition, one tenant's collection, numbered in the `partitions` table. */
describe('partitions of the stored objects', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'enrollkit-partitions-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const entity = (tenantId: string, collection: string, id: string, displayName: string): EntityRecord => ({
    tenantId,
    collection,
    id,
    type: 'iosDeviceFeaturesConfiguration',
    data: { id, displayName },
    priorityClass: null,
    priority: null,
    lookupKey: null,
  });
  const names = (store: Store, tenantId: string, collection: string) => store.listEntities(tenantId, collection).map((e) => e.data['displayName']);

  it('forgets a partition made in a transaction that rolled back, so its number never names two collections', () => {
    const server = createReferenceServer({ data: join(dir, 'reference.db') });
    try {
      const { store } = server;
      const tenant = server.createTenant().tenantId;
      expect(() =>
        store.transaction(() => {
          store.putEntity(entity(tenant, 'rolledBack', 'a', 'never stored'));
          throw new Error('abort');
        }),
      ).toThrow('abort');
      // The rolled-back number is free again: the next partition made takes it.
      store.putEntity(entity(tenant, 'other', 'b', 'in other'));
      store.putEntity(entity(tenant, 'rolledBack', 'c', 'in rolledBack'));
      expect(names(store, tenant, 'other')).toEqual(['in other']);
      expect(names(store, tenant, 'rolledBack')).toEqual(['in rolledBack']);
      expect(store.db.prepare('SELECT collection FROM partitions WHERE tenant_id = ? ORDER BY id').pluck().all(tenant)).toEqual(
        expect.arrayContaining(['other', 'rolledBack']),
      );
    } finally {
      server.close();
    }
  });

  it('shares partitions between two servers on one file, each making some of them', () => {
    const data = join(dir, 'reference.db');
    const [one, two] = [createReferenceServer({ data }), createReferenceServer({ data })];
    try {
      const tenant = one.createTenant().tenantId;
      one.store.putEntity(entity(tenant, 'first', 'a', 'one in first'));
      two.store.putEntity(entity(tenant, 'first', 'b', 'two in first'));
      two.store.putEntity(entity(tenant, 'second', 'c', 'two in second'));
      one.store.putEntity(entity(tenant, 'second', 'd', 'one in second'));
      for (const server of [one, two]) {
        expect(names(server.store, tenant, 'first')).toEqual(['one in first', 'two in first']);
        expect(names(server.store, tenant, 'second')).toEqual(['two in second', 'one in second']);
      }
    } finally {
      one.close();
      two.close();
    }
  });

  it('keeps the same id in two tenants and two collections as four objects, and finds them after the file is opened again', () => {
    const data = join(dir, 'reference.db');
    const first = createReferenceServer({ data });
    const tenants = [first.createTenant().tenantId, first.createTenant().tenantId];
    for (const tenant of tenants) {
      for (const collection of ['deviceConfigurations', 'mobileApps']) first.store.putEntity(entity(tenant, collection, 'same-id', `${tenant} ${collection}`));
    }
    first.close();
    const again = createReferenceServer({ data });
    try {
      for (const tenant of tenants) {
        for (const collection of ['deviceConfigurations', 'mobileApps']) {
          expect(again.store.getEntity(tenant, collection, 'same-id')?.data['displayName']).toBe(`${tenant} ${collection}`);
        }
      }
      expect(again.store.getEntity(tenants[0]!, 'neverUsed', 'same-id')).toBeUndefined();
      expect(again.store.listEntities(tenants[0]!, 'neverUsed')).toEqual([]);
    } finally {
      again.close();
    }
  });
});
