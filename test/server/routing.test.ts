import { harness } from './harness';

describe('routing', () => {
  it("matches requests with Hono's RegExpRouter, which takes every route of the server", async () => {
    const { server, call } = harness();
    // Hono's SmartRouter settles on the first router that takes every route; a route it refuses falls back to the slower trie router.
    expect((await call('GET', '/v1.0/groups')).status).toBe(200);
    expect(server.app.router.name).toBe('SmartRouter + RegExpRouter');
  });

  it("answers a directory collection's $count and its objects by id on the same path", async () => {
    const { call } = harness();
    const created = await call('POST', '/v1.0/groups', { body: { displayName: 'Counted', mailEnabled: false, mailNickname: 'counted', securityEnabled: true } });
    const count = await call('GET', '/v1.0/groups/$count', { headers: { ConsistencyLevel: 'eventual' } });
    expect({ status: count.status, body: count.body }).toEqual({ status: 200, body: 1 });
    expect((await call('GET', `/v1.0/groups/${created.body.id}`)).body.displayName).toBe('Counted');
  });
});
