import { expectGraphError, harness, type Json } from './harness';

const group = (name: string) => ({ displayName: name, mailEnabled: false, mailNickname: name, securityEnabled: true });
const json = { 'Content-Type': 'application/json' };

describe('$batch', () => {
  it('runs 20 requests and answers each with its own status, headers and body', async () => {
    const { call } = harness();
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'POST', url: '/groups', headers: json, body: group(`g${i}`) }));
    const reply = await call('POST', '/v1.0/$batch', { body: { requests } });
    expect(reply.status).toBe(200);
    expect(reply.body.responses).toHaveLength(20);
    for (const response of reply.body.responses) {
      expect(response.status).toBe(201);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#groups/$entity');
    }
    expect((await call('GET', '/v1.0/groups')).body.value).toHaveLength(20);
  });

  it('checks the body limit on the batch as a whole: a batch over it gets 413 and nothing runs, the items of one within it are served', async () => {
    const { call } = harness({ bodyLimitBytes: 4096 });
    const big = { id: '1', method: 'POST', url: '/groups', headers: json, body: { ...group('big'), description: 'x'.repeat(4096) } };
    expectGraphError(await call('POST', '/v1.0/$batch', { body: { requests: [big] } }), 413);
    const requests = Array.from({ length: 3 }, (_, i) => ({ id: String(i + 1), method: 'POST', url: '/groups', headers: json, body: { ...group(`g${i}`), description: 'x'.repeat(1000) } }));
    const reply = await call('POST', '/v1.0/$batch', { body: { requests } });
    expect(reply.body.responses.map((response: Json) => response.status)).toEqual([201, 201, 201]);
    expect((await call('GET', '/v1.0/groups')).body.value.map((g: Json) => g.displayName)).toEqual(['g0', 'g1', 'g2']);
  });

  it('rejects 21 requests and duplicate ids as a whole with 400', async () => {
    const { call } = harness();
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/groups' }));
    expectGraphError(await call('POST', '/v1.0/$batch', { body: { requests } }), 400, 'BadRequest');
    const duplicate = [
      { id: 'a', method: 'GET', url: '/groups' },
      { id: 'A', method: 'GET', url: '/users' },
    ];
    expectGraphError(await call('POST', '/beta/$batch', { body: { requests: duplicate } }), 400);
    expectGraphError(await call('POST', '/beta/$batch', { body: { requests: [{ id: '1', method: 'GET', url: '/groups', dependsOn: ['9'] }] } }), 400);
    expectGraphError(await call('POST', '/beta/$batch', { body: { requests: [{ id: '1', method: 'POST', url: '/groups', body: group('x') }] } }), 400);
    expectGraphError(await call('POST', '/beta/$batch', { body: { requests: [{ id: '1', method: 'GET' }] } }), 400);
  });

  it('runs dependent requests after their dependencies and fails them with 424 when one failed', async () => {
    const { call } = harness();
    const reply = await call('POST', '/beta/$batch', {
      body: {
        requests: [
          { id: '1', method: 'POST', url: '/groups', headers: json, body: group('first') },
          { id: '2', method: 'GET', url: `/groups?$filter=${encodeURIComponent("displayName eq 'first'")}`, dependsOn: ['1'] },
          { id: '3', method: 'GET', url: 'deviceManagement/deviceConfigurations/missing', dependsOn: ['2'] },
          { id: '4', method: 'DELETE', url: '/groups/whatever', dependsOn: ['3'] },
          { id: '5', method: 'GET', url: '/groups', dependsOn: ['4'] },
        ],
      },
    });
    const byId = Object.fromEntries(reply.body.responses.map((r: Json) => [r.id, r]));
    expect(byId['1'].status).toBe(201);
    expect(byId['2'].status).toBe(200);
    expect(byId['2'].body.value).toHaveLength(1);
    expect(byId['3'].status).toBe(404);
    expect(byId['4'].status).toBe(424);
    expect(byId['4'].body.error.code).toBe('FailedDependency');
    expect(byId['5'].status).toBe(424);
    expect(byId['1'].body['@odata.context']).toContain('/beta/');
  });

  it('authenticates every inner request with the batch’s token', async () => {
    const { call } = harness();
    expectGraphError(await call('POST', '/v1.0/$batch', { token: null, body: { requests: [{ id: '1', method: 'GET', url: '/groups' }] } }), 401);
    const reply = await call('POST', '/v1.0/$batch', {
      body: { requests: [{ id: '1', method: 'GET', url: '/groups', headers: { Authorization: 'Bearer wrong' } }] },
    });
    expect(reply.body.responses[0].status).toBe(401);
  });

  it('answers an inner 204 without a body and a nested batch with 400', async () => {
    const { call } = harness();
    const created = await call('POST', '/v1.0/groups', { body: group('gone') });
    const reply = await call('POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: '1', method: 'DELETE', url: `/groups/${created.body.id}` },
          { id: '2', method: 'POST', url: '/$batch', headers: json, body: { requests: [] } },
        ],
      },
    });
    expect(reply.body.responses[0]).toEqual({ id: '1', status: 204, headers: expect.any(Object) });
    expect(reply.body.responses[1].status).toBe(400);
  });

  it.each(['/$batch', '$batch', '/./$batch', '/../beta/$batch', '/../v1.0/$batch', '/beta/$batch', '/%24batch', '/%2e/$batch', '/groups/../$batch', '/$batch?x=1', '/$BATCH'])(
    'refuses a nested batch spelt %s with its own 400 and runs the others',
    async (url) => {
      const { call } = harness();
      const reply = await call('POST', '/beta/$batch', {
        body: {
          requests: [
            { id: '1', method: 'POST', url, headers: json, body: { requests: [{ id: 'x', method: 'POST', url: '/groups', headers: json, body: group('inner') }] } },
            { id: '2', method: 'POST', url: '/groups', headers: json, body: group('outer') },
          ],
        },
      });
      expect(reply.status).toBe(200);
      const [nested, outer] = reply.body.responses;
      expect(nested.status).toBeGreaterThanOrEqual(400);
      expect(nested.status).toBeLessThan(500);
      expect(outer.status).toBe(201);
      const names = (await call('GET', '/v1.0/groups')).body.value.map((g: Json) => g.displayName);
      expect(names).toEqual(['outer']);
      expect(reply.body.responses).toHaveLength(2);
    },
  );

  it('answers each malformed item with its own 400 and runs the well-formed ones exactly once', async () => {
    const { call } = harness();
    const reply = await call('POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: 'get-with-body', method: 'GET', url: '/groups', headers: json, body: { a: 1 } },
          { id: 'bad-header', method: 'POST', url: '/groups', headers: { ...json, 'bad header': 'x' }, body: group('never') },
          { id: 'header-with-newline', method: 'POST', url: '/groups', headers: { 'Content-Type': 'application/json\r\nX-Injected: 1' }, body: group('never2') },
          { id: 'escape', method: 'GET', url: '/../_enrollkit/tenants' },
          { id: 'good', method: 'POST', url: '/groups', headers: json, body: group('kept') },
        ],
      },
    });
    expect(reply.status).toBe(200);
    const byId = Object.fromEntries(reply.body.responses.map((r: Json) => [r.id, r]));
    for (const id of ['get-with-body', 'bad-header', 'header-with-newline', 'escape']) {
      expect(byId[id].status).toBe(400);
      expect(byId[id].body.error.code).toBe('BadRequest');
    }
    expect(byId['get-with-body'].body.error.message).toContain('GET with a body');
    expect(byId['escape'].body.error.message).toContain("leaves the 'v1.0' API");
    expect(byId['good'].status).toBe(201);
    expect((await call('GET', '/v1.0/groups')).body.value.map((g: Json) => g.displayName)).toEqual(['kept']);
  });

  // Source: microsoft-graph-docs concepts/json-batching.md and microsoft-graph-docs#16280 (live service).
  it('refuses a batch that is neither fully sequential nor fully parallel, before running any request', async () => {
    const { call } = harness();
    const error = expectGraphError(
      await call('POST', '/v1.0/$batch', {
        body: {
          requests: [
            { id: '1', method: 'POST', url: '/groups', headers: json, body: group('a') },
            { id: '2', method: 'POST', url: '/groups', headers: json, body: group('b'), dependsOn: ['1'] },
            { id: '3', method: 'POST', url: '/groups', headers: json, body: group('c') },
          ],
        },
      }),
      400,
      'BadRequest',
    );
    expect(error.message).toBe('Batch should be either fully sequential or fully parallel');
    expect((await call('GET', '/v1.0/groups')).body.value).toEqual([]);
    const sequential = await call('POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: '1', method: 'POST', url: '/groups', headers: json, body: group('a') },
          { id: '2', method: 'POST', url: '/groups', headers: json, body: group('b'), dependsOn: ['1'] },
          { id: '3', method: 'POST', url: '/groups', headers: json, body: group('c'), dependsOn: ['2'] },
        ],
      },
    });
    expect(sequential.body.responses.map((r: Json) => r.status)).toEqual([201, 201, 201]);
  });
});
