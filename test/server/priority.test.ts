import { expectGraphError, harness, type Json } from './harness';

const RESTRICTIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const PROFILES = '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles';

const restriction = (name: string) => ({
  '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration',
  displayName: name,
  platformType: 'ios',
  platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: false },
});
const limit = (name: string) => ({ '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', displayName: name, limit: 5 });
const profile = (name: string) => ({ displayName: name, defaultEnrollmentType: 'device' });

describe('priorities', () => {
  async function setup() {
    const h = harness();
    const ids: Record<string, string> = {};
    for (const name of ['A', 'B', 'C']) ids[name] = (await h.call('POST', RESTRICTIONS, { body: restriction(name) })).body.id;
    for (const name of ['L1', 'L2']) ids[name] = (await h.call('POST', RESTRICTIONS, { body: limit(name) })).body.id;
    const order = async (type: string) => {
      const list = await h.call('GET', `${RESTRICTIONS}?$filter=isof('microsoft.graph.${type}')&$orderby=priority`);
      return list.body.value.map((item: Json) => `${item.displayName}:${item.priority}`);
    };
    return { ...h, ids, order };
  }

  it('seeds a fresh tenant with the default restrictions at priority 0', async () => {
    const { call, tenant } = harness();
    const list = await call('GET', RESTRICTIONS);
    expect(list.body.value.map((item: Json) => [item.id, item.priority, item.displayName])).toEqual([
      [`${tenant.tenantId}_DefaultPlatformRestrictions`, 0, 'All users and all devices'],
      [`${tenant.tenantId}_DefaultLimit`, 0, 'All users and all devices'],
    ]);
    expect(list.body.value[0]['@odata.type']).toBe('#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration');
    expect(list.body.value[0].createdDateTime).toBe('0001-01-01T00:00:00Z');
  });

  it('numbers new restrictions 1..n per sequence, platform restrictions apart from device limits', async () => {
    const { order } = await setup();
    expect(await order('deviceEnrollmentPlatformRestrictionConfiguration')).toEqual(['A:1', 'B:2', 'C:3']);
    expect(await order('deviceEnrollmentLimitConfiguration')).toEqual(['All users and all devices:0', 'L1:1', 'L2:2']);
  });

  it('moves an object with setPriority and shifts the others', async () => {
    const { call, ids, order } = await setup();
    const reply = await call('POST', `${RESTRICTIONS}/${ids['C']}/setPriority`, { body: { priority: 1 } });
    expect(reply.status).toBe(204);
    expect(await order('deviceEnrollmentPlatformRestrictionConfiguration')).toEqual(['C:1', 'A:2', 'B:3']);
    await call('POST', `${RESTRICTIONS}/${ids['C']}/setPriority`, { body: { priority: 2 } });
    expect(await order('deviceEnrollmentPlatformRestrictionConfiguration')).toEqual(['A:1', 'C:2', 'B:3']);
    expect(await order('deviceEnrollmentLimitConfiguration')).toEqual(['All users and all devices:0', 'L1:1', 'L2:2']);
  });

  it('moves an object asked for a priority past the end to the end', async () => {
    const { call, ids, order } = await setup();
    await call('POST', `${RESTRICTIONS}/${ids['A']}/setPriority`, { body: { priority: 99 } });
    expect(await order('deviceEnrollmentPlatformRestrictionConfiguration')).toEqual(['B:1', 'C:2', 'A:3']);
  });

  it('closes the gap when an object is deleted and appends new ones at the end', async () => {
    const { call, ids, order } = await setup();
    await call('DELETE', `${RESTRICTIONS}/${ids['A']}`);
    expect(await order('deviceEnrollmentPlatformRestrictionConfiguration')).toEqual(['B:1', 'C:2']);
    await call('POST', RESTRICTIONS, { body: restriction('D') });
    expect(await order('deviceEnrollmentPlatformRestrictionConfiguration')).toEqual(['B:1', 'C:2', 'D:3']);
  });

  it('refuses to move or delete the tenant defaults', async () => {
    const { call, tenant } = harness();
    const defaults = [`${tenant.tenantId}_DefaultPlatformRestrictions`, `${tenant.tenantId}_DefaultLimit`];
    for (const id of defaults) {
      expectGraphError(await call('POST', `${RESTRICTIONS}/${id}/setPriority`, { body: { priority: 1 } }), 400, 'BadRequest');
      expectGraphError(await call('DELETE', `${RESTRICTIONS}/${id}`), 400, 'BadRequest');
      expect((await call('GET', `${RESTRICTIONS}/${id}`)).body.priority).toBe(0);
    }
  });

  it('lets the tenant default be updated but not replaced by a new all-platform restriction', async () => {
    const { call, tenant } = harness();
    const id = `${tenant.tenantId}_DefaultPlatformRestrictions`;
    const { '@odata.context': _context, id: _id, priority: _priority, ...whole } = (await call('GET', `${RESTRICTIONS}/${id}`)).body;
    const patched = await call('PATCH', `${RESTRICTIONS}/${id}`, {
      body: { ...whole, iosRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: true } },
    });
    expect(patched.status).toBe(204);
    expect((await call('GET', `${RESTRICTIONS}/${id}`)).body.iosRestriction.personalDeviceEnrollmentBlocked).toBe(true);
    const created = await call('POST', RESTRICTIONS, { body: { '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration', displayName: 'x' } });
    expectGraphError(created, 400);
  });

  it('rejects a priority below the first and a body without an integer priority', async () => {
    const { call, ids } = await setup();
    expectGraphError(await call('POST', `${RESTRICTIONS}/${ids['A']}/setPriority`, { body: { priority: 0 } }), 400);
    expectGraphError(await call('POST', `${RESTRICTIONS}/${ids['A']}/setPriority`, { body: { priority: 'first' } }), 400);
    expectGraphError(await call('POST', `${RESTRICTIONS}/${ids['A']}/setPriority`, { body: { priority: 1, extra: true } }), 400);
  });

  it('numbers enrollment type profiles 0..n-1 and ignores a priority sent on create', async () => {
    const { call } = harness();
    const ids: string[] = [];
    for (const name of ['P0', 'P1', 'P2']) ids.push((await call('POST', PROFILES, { body: { ...profile(name), priority: 7 } })).body.id);
    const read = async () => (await call('GET', `${PROFILES}?$orderby=priority`)).body.value.map((item: Json) => `${item.displayName}:${item.priority}`);
    expect(await read()).toEqual(['P0:0', 'P1:1', 'P2:2']);
    await call('POST', `${PROFILES}/${ids[2]}/setPriority`, { body: { priority: 0 } });
    expect(await read()).toEqual(['P2:0', 'P0:1', 'P1:2']);
    await call('DELETE', `${PROFILES}/${ids[1]}`);
    expect(await read()).toEqual(['P2:0', 'P0:1']);
  });
});
