import { expectGraphError, harness, type Json } from './harness';

const newGroup = (name: string, extra: Record<string, unknown> = {}) => ({
  displayName: name,
  mailEnabled: false,
  mailNickname: name.toLowerCase().replace(/[^a-z0-9]/g, '-'),
  securityEnabled: true,
  ...extra,
});
const newUser = (alias: string) => ({
  accountEnabled: true,
  displayName: alias,
  mailNickname: alias,
  userPrincipalName: `${alias}@contoso.com`,
  passwordProfile: { password: 'Passw0rd!Passw0rd' },
});
const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

describe('groups and users', () => {
  it('finds groups by display name, doubling quotes in literals and ignoring case', async () => {
    const { call } = harness();
    await call('POST', '/v1.0/groups', { body: newGroup("O'Brien devices") });
    await call('POST', '/v1.0/groups', { body: newGroup('Other') });
    const reply = await call('GET', `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'o''brien DEVICES'")}&$select=id,displayName`);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)');
    expect(reply.body.value).toEqual([{ id: expect.any(String), displayName: "O'Brien devices" }]);
  });

  it('answers a group create with Graph’s default property set', async () => {
    const { call } = harness();
    const reply = await call('POST', '/v1.0/groups', { body: newGroup('Intune-iOS-BYOD') });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups/$entity',
      deletedDateTime: null,
      groupTypes: [],
      mail: null,
      mailEnabled: false,
      securityEnabled: true,
      securityIdentifier: expect.stringMatching(/^S-1-12-1-\d+-\d+-\d+-\d+$/),
      proxyAddresses: [],
    });
    expect(reply.body['@odata.type']).toBeUndefined();
  });

  it('finds users by userPrincipalName and mailNickname and reads them by id or UPN', async () => {
    const { call } = harness();
    const adele = await call('POST', '/v1.0/users', { body: newUser('adele') });
    await call('POST', '/v1.0/users', { body: newUser('alex') });
    const byUpn = await call('GET', `/v1.0/users?$filter=${encodeURIComponent("userPrincipalName eq 'ADELE@contoso.com'")}`);
    expect(byUpn.body.value.map((u: Json) => u.id)).toEqual([adele.body.id]);
    const byNick = await call('GET', `/v1.0/users?$filter=${encodeURIComponent("mailNickname eq 'alex'")}&$select=mailNickname`);
    expect(byNick.body.value).toEqual([{ mailNickname: 'alex' }]);
    expect((await call('GET', '/v1.0/users/adele@contoso.com')).body.id).toBe(adele.body.id);
    const starts = await call('GET', `/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'al')")}`);
    expect(starts.body.value.map((u: Json) => u.displayName)).toEqual(['alex']);
  });

  it('rejects a second user with the same userPrincipalName as Entra ID does', async () => {
    const { call } = harness();
    await call('POST', '/v1.0/users', { body: newUser('dup') });
    expectGraphError(await call('POST', '/v1.0/users', { body: newUser('dup') }), 400, 'Request_BadRequest');
  });

  it('adds, lists and removes group members and lists memberOf', async () => {
    const { call } = harness();
    const g = (await call('POST', '/v1.0/groups', { body: newGroup('Members') })).body.id;
    const nested = (await call('POST', '/v1.0/groups', { body: newGroup('Nested') })).body.id;
    const u = (await call('POST', '/v1.0/users', { body: newUser('megan') })).body.id;
    expect((await call('POST', `/v1.0/groups/${g}/members/$ref`, { body: ref(u) })).status).toBe(204);
    expect((await call('POST', `/v1.0/groups/${g}/members/$ref`, { body: ref(nested) })).status).toBe(204);
    expectGraphError(await call('POST', `/v1.0/groups/${g}/members/$ref`, { body: ref(u) }), 400, 'Request_BadRequest');
    expectGraphError(await call('POST', `/v1.0/groups/${g}/members/$ref`, { body: ref('4b1f3a52-0000-0000-0000-000000000000') }), 404, 'Request_ResourceNotFound');

    const members = await call('GET', `/v1.0/groups/${g}/members`);
    expect(members.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#directoryObjects');
    expect(members.body.value.map((m: Json) => [m['@odata.type'], m.id])).toEqual([
      ['#microsoft.graph.user', u],
      ['#microsoft.graph.group', nested],
    ]);
    const memberOf = await call('GET', `/v1.0/users/megan@contoso.com/memberOf`);
    expect(memberOf.body.value.map((m: Json) => [m['@odata.type'], m.id])).toEqual([['#microsoft.graph.group', g]]);

    expect((await call('DELETE', `/v1.0/groups/${g}/members/${u}/$ref`)).status).toBe(204);
    expectGraphError(await call('DELETE', `/v1.0/groups/${g}/members/${u}/$ref`), 404);
    expect((await call('GET', `/v1.0/users/${u}/memberOf`)).body.value).toEqual([]);
  });

  it('binds members at creation with members@odata.bind', async () => {
    const { call } = harness();
    const u = (await call('POST', '/v1.0/users', { body: newUser('bound') })).body.id;
    const g = await call('POST', '/v1.0/groups', { body: newGroup('Bound', { 'members@odata.bind': [`https://graph.microsoft.com/v1.0/users/${u}`] }) });
    expect(g.status).toBe(201);
    expect((await call('GET', `/v1.0/groups/${g.body.id}/members`)).body.value.map((m: Json) => m.id)).toEqual([u]);
  });

  it('stores dynamic groups with their rule and refuses manual members', async () => {
    const { call } = harness();
    const dynamic = await call('POST', '/v1.0/groups', {
      body: newGroup('iPhones', { groupTypes: ['DynamicMembership'], membershipRule: '(device.deviceOSType -eq "iPhone")' }),
    });
    expect(dynamic.status).toBe(201);
    expect(dynamic.body.membershipRuleProcessingState).toBe('On');
    const u = (await call('POST', '/v1.0/users', { body: newUser('dyn') })).body.id;
    expectGraphError(await call('POST', `/v1.0/groups/${dynamic.body.id}/members/$ref`, { body: ref(u) }), 400);
    expectGraphError(await call('POST', '/v1.0/groups', { body: newGroup('No rule', { groupTypes: ['DynamicMembership'] }) }), 400);
    const found = await call('GET', `/v1.0/groups?$filter=${encodeURIComponent("groupTypes/any(c:c eq 'DynamicMembership')")}`);
    expect(found.body.value.map((g: Json) => g.displayName)).toEqual(['iPhones']);
  });

  it('validates mailNickname as Entra ID does', async () => {
    const { call } = harness();
    expectGraphError(await call('POST', '/v1.0/groups', { body: newGroup('Bad', { mailNickname: 'has space' }) }), 400);
    expectGraphError(await call('POST', '/v1.0/groups', { body: newGroup('Bad', { mailNickname: 'a@b' }) }), 400);
  });

  it('pages groups 100 at a time by default', async () => {
    const { call } = harness();
    for (let i = 0; i < 101; i++) await call('POST', '/v1.0/groups', { body: newGroup(`G${i}`) });
    const first = await call('GET', '/v1.0/groups');
    expect(first.body.value).toHaveLength(100);
    expect(first.body['@odata.nextLink']).toBeDefined();
    const url = new URL(first.body['@odata.nextLink']);
    const second = await call('GET', `${url.pathname}${url.search}`);
    expect(second.body.value).toHaveLength(1);
    expect(second.body['@odata.nextLink']).toBeUndefined();
  });

  it('serves groups on beta as well', async () => {
    const { call } = harness();
    const created = await call('POST', '/beta/groups', { body: newGroup('Beta') });
    expect(created.body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#groups/$entity');
  });

  it('counts a group\'s members and all users as text with ConsistencyLevel: eventual, and refuses the count without it', async () => {
    const { call } = harness();
    const adele = await call('POST', '/v1.0/users', { body: newUser('adele') });
    const alex = await call('POST', '/v1.0/users', { body: newUser('alex') });
    await call('POST', '/v1.0/users', { body: newUser('megan') });
    const byod = await call('POST', '/v1.0/groups', { body: newGroup('BYOD', { 'members@odata.bind': [adele, alex].map((u) => `https://graph.microsoft.com/v1.0/users/${u.body.id}`) }) });
    const eventual = { headers: { ConsistencyLevel: 'eventual' } };
    const members = await call('GET', `/v1.0/groups/${byod.body.id}/members/$count`, eventual);
    expect(members.status).toBe(200);
    expect(members.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(members.body).toBe(2);
    expect((await call('GET', '/v1.0/users/$count', eventual)).body).toBe(3);
    const refused = await call('GET', `/v1.0/groups/${byod.body.id}/members/$count`);
    expect(expectGraphError(refused, 400).message).toMatch(/ConsistencyLevel: eventual/);
    expectGraphError(await call('GET', '/v1.0/groups/00000000-0000-0000-0000-000000000000/members/$count', eventual), 404);
  });
});
