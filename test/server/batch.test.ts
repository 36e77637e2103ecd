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
          { id: '3', method: 'GET', url: 'deviceManagement/deviceConfigurations/missing' },
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
});
