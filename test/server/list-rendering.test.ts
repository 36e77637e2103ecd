import { harness, type Json } from './harness';

const APPS = '/beta/deviceAppManagement/mobileApps';
const RESTRICTIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';

/** A GET of one object without its `@odata.context`: what a list answers for that object. */
async function single(call: ReturnType<typeof harness>['call'], collection: string, id: string): Promise<Json> {
  const { '@odata.context': _context, ...entity } = (await call('GET', `${collection}/${id}`)).body;
  return entity;
}

describe('list rendering', () => {
  it('answers each listed object with the properties, values and property order its GET answers, whatever the strings hold', async () => {
    const { call } = harness();
    const names = ['Plain', 'Quote " and backslash \\', 'Line\nbreak\ttab', 'Ünïcödé ✓ 𝄞 emoji 🙂', 'Separators \u2028\u2029', 'Control \u0001'];
    for (const name of names) {
      const reply = await call('POST', APPS, { body: { '@odata.type': '#microsoft.graph.webApp', displayName: name, appUrl: 'https://x.example/?a=1&b="2"' } });
      expect(reply.status).toBe(201);
    }
    const listed: Json[] = (await call('GET', `${APPS}?$filter=${encodeURIComponent("isof('microsoft.graph.webApp')")}`)).body.value;
    const page: Json[] = (await call('GET', APPS)).body.value;
    expect(page.filter((app) => app['@odata.type'] === '#microsoft.graph.webApp').map((app) => app.displayName)).toEqual(names);
    for (const app of page) {
      const expected = await single(call, APPS, app.id);
      expect(app).toEqual(expected);
      expect(Object.keys(app)).toEqual(Object.keys(expected));
    }
    expect(listed).toEqual(page.filter((app) => app['@odata.type'] === '#microsoft.graph.webApp'));
  });

  it('answers the current priority of objects whose sequence was renumbered after they were stored', async () => {
    const { call } = harness();
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      const body = { '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration', displayName: name, platformType: 'ios', platformRestriction: { platformBlocked: false } };
      ids.push((await call('POST', RESTRICTIONS, { body })).body.id);
    }
    expect((await call('POST', `${RESTRICTIONS}/${ids[2]}/setPriority`, { body: { priority: 1 } })).status).toBe(204);
    expect((await call('DELETE', `${RESTRICTIONS}/${ids[0]}`)).status).toBe(204);
    const page: Json[] = (await call('GET', RESTRICTIONS)).body.value;
    expect(page.filter((item) => ids.includes(item.id)).map((item) => `${item.displayName}:${item.priority}`)).toEqual(['B:2', 'C:1']);
    for (const item of page) {
      const expected = await single(call, RESTRICTIONS, item.id);
      expect(item).toEqual(expected);
      expect(Object.keys(item)).toEqual(Object.keys(expected));
    }
  });
});
