import { createReferenceServer } from '../../src/server';
import { expectGraphError, harness, toReply } from './harness';

const APPS = '/beta/deviceAppManagement/mobileApps';

describe('fault injection', () => {
  function setup() {
    const h = harness({ adminToken: 'admin-token-for-tests' });
    const admin = async (method: string, path: string, body?: unknown) =>
      h.call(method, `/_enrollkit${path}`, { token: 'admin-token-for-tests', ...(body === undefined ? {} : { body }) });
    return { ...h, admin };
  }

  it('answers the next N matching requests with 429 and Retry-After, then recovers', async () => {
    const { call, admin } = setup();
    const rule = await admin('POST', '/faults', { path: '/deviceAppManagement/**', method: 'GET', status: 429, retryAfter: 7, count: 2 });
    expect(rule.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const reply = await call('GET', APPS);
      expectGraphError(reply, 429, 'TooManyRequests');
      expect(reply.headers.get('retry-after')).toBe('7');
    }
    expect((await call('GET', APPS)).status).toBe(200);
    expect((await admin('GET', '/faults')).body.value).toEqual([]);
  });

  it('answers 429 without Retry-After when the rule has none', async () => {
    const { call, admin } = setup();
    await admin('POST', '/faults', { path: '/beta/deviceAppManagement/mobileApps', status: 429, count: 1 });
    const reply = await call('GET', APPS);
    expectGraphError(reply, 429);
    expect(reply.headers.get('retry-after')).toBeNull();
  });

  it('only hits the method and path the rule names', async () => {
    const { call, admin } = setup();
    await admin('POST', '/faults', { path: '/groups', method: 'POST', status: 503 });
    expect((await call('GET', '/v1.0/groups')).status).toBe(200);
    expect((await call('GET', APPS)).status).toBe(200);
    expectGraphError(await call('POST', '/v1.0/groups', { body: { displayName: 'x', mailEnabled: false, mailNickname: 'x', securityEnabled: true } }), 503);
  });

  it('hits the same requests for the same seed and rate', async () => {
    const run = async () => {
      const server = createReferenceServer({ faults: [{ path: '/**', status: 503, rate: 0.3, seed: 42 }] });
      const tenant = server.createTenant();
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        statuses.push((await server.app.request(`http://localhost${APPS}`, { headers: { Authorization: `Bearer ${tenant.token}` } })).status);
      }
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failures = first.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(20);
  });

  it('adds latency to matching requests and answers them normally', async () => {
    const { call, admin } = setup();
    const rule = await admin('POST', '/faults', { path: '/deviceAppManagement/mobileApps', latencyMs: 20 });
    expect((await call('GET', APPS)).status).toBe(200);
    expect((await call('GET', '/v1.0/groups')).status).toBe(200);
    expect((await admin('GET', '/faults')).body.value).toEqual([{ ...rule.body, hits: 1 }]);
  });

  it('applies to each request inside a batch', async () => {
    const { call, admin } = setup();
    await admin('POST', '/faults', { path: '/deviceAppManagement/mobileApps', status: 429, retryAfter: 1, count: 1 });
    const reply = await call('POST', '/beta/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/deviceAppManagement/mobileApps' },
          { id: '2', method: 'GET', url: '/deviceAppManagement/mobileApps', dependsOn: ['1'] },
        ],
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((r: { status: number }) => r.status)).toEqual([429, 424]);
    expect(reply.body.responses[0].headers['retry-after']).toBe('1');
  });

  it('rejects an invalid rule and removes rules by id or all at once', async () => {
    const { admin } = setup();
    expectGraphError(await admin('POST', '/faults', { path: 'no-slash', status: 429 }), 400);
    expectGraphError(await admin('POST', '/faults', { path: '/x', status: 418 }), 400);
    const rule = await admin('POST', '/faults', { path: '/x', status: 503 });
    expect((await admin('DELETE', `/faults/${rule.body.id}`)).status).toBe(204);
    expectGraphError(await admin('DELETE', `/faults/${rule.body.id}`), 404);
    await admin('POST', '/faults', { path: '/y', status: 503 });
    expect((await admin('DELETE', '/faults')).status).toBe(204);
    expect((await admin('GET', '/faults')).body.value).toEqual([]);
  });
});

describe('throttling', () => {
  it('enforces the per-app write budget of Intune with Retry-After, and forgets it after the window', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const server = createReferenceServer({ throttle: true, clock: () => new Date(now) });
    const tenant = server.createTenant();
    const other = server.createTenant();
    const post = async (token: string) =>
      toReply(
        await server.app.request(`http://localhost${APPS}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ '@odata.type': '#microsoft.graph.webApp', displayName: 'x', appUrl: 'https://x.example' }),
        }),
      );
    for (let i = 0; i < 100; i++) {
      expect((await post(tenant.token)).status).toBe(201);
      now += 10;
    }
    const throttled = await post(tenant.token);
    const error = expectGraphError(throttled, 429, 'TooManyRequests');
    expect(Number(throttled.headers.get('retry-after'))).toBe(19);
    expect(JSON.parse(error.message)._version).toBe(3);
    expect((await post(other.token)).status).toBe(201);
    const read = await server.app.request('http://localhost/v1.0/groups', { headers: { Authorization: `Bearer ${tenant.token}` } });
    expect(read.status).toBe(200);
    now += 20_000;
    expect((await post(tenant.token)).status).toBe(201);
  });

  it('enforces the per-tenant budget across tokens of the same tenant', async () => {
    const server = createReferenceServer({ throttle: { tenantAll: 5, tokenAll: 4 } });
    const tenant = server.createTenant();
    server.store.insertToken(tenant.tenantId, 'second-app-token-0000');
    const get = async (token: string) => (await server.app.request(`http://localhost${APPS}`, { headers: { Authorization: `Bearer ${token}` } })).status;
    expect([await get(tenant.token), await get(tenant.token), await get(tenant.token), await get(tenant.token), await get(tenant.token)]).toEqual([200, 200, 200, 200, 429]);
    expect(await get('second-app-token-0000')).toBe(200);
    expect(await get('second-app-token-0000')).toBe(429);
  });

  it('is off unless switched on, and can be switched through the admin surface', async () => {
    const server = createReferenceServer({ adminToken: 'admin-token-for-tests' });
    const tenant = server.createTenant();
    const get = async () => (await server.app.request(`http://localhost${APPS}`, { headers: { Authorization: `Bearer ${tenant.token}` } })).status;
    for (let i = 0; i < 10; i++) expect(await get()).toBe(200);
    const switched = await server.app.request('http://localhost/_enrollkit/throttle', {
      method: 'PUT',
      headers: { Authorization: 'Bearer admin-token-for-tests', 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: true, limits: { tokenAll: 2 } }),
    });
    expect(switched.status).toBe(200);
    expect([await get(), await get(), await get()]).toEqual([200, 200, 429]);
  });
});
