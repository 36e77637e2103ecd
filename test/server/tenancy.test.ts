import { createReferenceServer } from '../../src/server';
import { expectGraphError, toReply } from './harness';

describe('tenants', () => {
  const server = createReferenceServer();
  const contoso = server.createTenant({ domains: ['contoso.com'] });
  const fabrikam = server.createTenant();
  const call = async (token: string, method: string, path: string, body?: unknown) =>
    toReply(
      await server.app.request(`http://localhost${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );

  it('keeps each tenant’s objects invisible and untouchable to other tenants', async () => {
    const group = await call(contoso.token, 'POST', '/v1.0/groups', { displayName: 'Secret', mailEnabled: false, mailNickname: 'secret', securityEnabled: true });
    expect(group.status).toBe(201);
    expect((await call(fabrikam.token, 'GET', '/v1.0/groups')).body.value).toEqual([]);
    expectGraphError(await call(fabrikam.token, 'GET', `/v1.0/groups/${group.body.id}`), 404);
    expectGraphError(await call(fabrikam.token, 'PATCH', `/v1.0/groups/${group.body.id}`, { description: 'x' }), 404);
    expectGraphError(await call(fabrikam.token, 'DELETE', `/v1.0/groups/${group.body.id}`), 404);
    expect((await call(contoso.token, 'GET', `/v1.0/groups/${group.body.id}`)).body.description).toBeNull();
  });

  it('gives each tenant its own default restrictions', async () => {
    const ids = async (token: string) =>
      (await call(token, 'GET', '/beta/deviceManagement/deviceEnrollmentConfigurations')).body.value.map((item: { id: string }) => item.id);
    expect(await ids(contoso.token)).toEqual([`${contoso.tenantId}_DefaultPlatformRestrictions`, `${contoso.tenantId}_DefaultLimit`]);
    expect(await ids(fabrikam.token)).toEqual([`${fabrikam.tenantId}_DefaultPlatformRestrictions`, `${fabrikam.tenantId}_DefaultLimit`]);
    expectGraphError(await call(fabrikam.token, 'GET', `/beta/deviceManagement/deviceEnrollmentConfigurations/${contoso.tenantId}_DefaultLimit`), 404);
  });

  it('answers GET /organization with the token’s own tenant: its ID, name and domains, as Graph does', async () => {
    const named = server.createTenant({ displayName: 'Contoso Production', domains: ['prod.contoso.com'] });
    const reply = await call(named.token, 'GET', '/v1.0/organization');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([expect.objectContaining({ id: named.tenantId, displayName: 'Contoso Production', verifiedDomains: [expect.objectContaining({ name: 'prod.contoso.com', isDefault: true })] })]);
    expect((await call(fabrikam.token, 'GET', '/beta/organization')).body.value.map((o: { id: string }) => o.id)).toEqual([fabrikam.tenantId]);
    expect((await call(named.token, 'GET', `/v1.0/organization/${named.tenantId}`)).body.displayName).toBe('Contoso Production');
    expectGraphError(await call(fabrikam.token, 'GET', `/v1.0/organization/${named.tenantId}`), 404);
  });

  it('seeds an active APNs certificate expiring about a year ahead', async () => {
    const reply = await call(contoso.token, 'GET', '/beta/deviceManagement/applePushNotificationCertificate');
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.type']).toBe('#microsoft.graph.applePushNotificationCertificate');
    const days = (Date.parse(reply.body.expirationDateTime) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);
  });
});

describe('admin surface', () => {
  const server = createReferenceServer({ adminToken: 'admin-token-for-tests' });
  const admin = async (method: string, path: string, body?: unknown, token = 'admin-token-for-tests') =>
    toReply(
      await server.app.request(`http://localhost/_enrollkit${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );

  it('requires the admin token, and tenant tokens do not open it', async () => {
    const tenant = server.createTenant();
    expectGraphError(await admin('GET', '/tenants', undefined, tenant.token), 401);
    expect((await admin('GET', '/tenants')).status).toBe(200);
  });

  it('creates a tenant with a token that works on the Graph API, and never lists tokens', async () => {
    const created = await admin('POST', '/tenants', { domains: ['fabrikam.com'], cloud: 'usgov' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ tenantId: expect.stringMatching(/^[0-9a-f-]{36}$/), token: expect.any(String), domains: ['fabrikam.com'], cloud: 'usgov', displayName: expect.stringMatching(/^Reference tenant [0-9a-f]{8}$/) });
    const graph = await server.app.request('http://localhost/v1.0/groups', { headers: { Authorization: `Bearer ${created.body.token}` } });
    expect(graph.status).toBe(200);
    const listed = JSON.stringify((await admin('GET', '/tenants')).body);
    expect(listed).not.toContain(created.body.token);
  });

  it('refuses a tenant id that is not a GUID and a domain another tenant has', async () => {
    expectGraphError(await admin('POST', '/tenants', { tenantId: 'contoso' }), 400);
    await admin('POST', '/tenants', { domains: ['taken.example.com'] });
    expectGraphError(await admin('POST', '/tenants', { domains: ['taken.example.com'] }), 409, 'Conflict');
  });

  it('sets and removes a tenant’s APNs certificate', async () => {
    const tenant = server.createTenant();
    const set = await admin('PUT', `/tenants/${tenant.tenantId}/applePushNotificationCertificate`, { expirationDateTime: '2020-01-01T00:00:00Z' });
    expect(set.status).toBe(200);
    const read = await server.app.request('http://localhost/beta/deviceManagement/applePushNotificationCertificate', { headers: { Authorization: `Bearer ${tenant.token}` } });
    expect((await toReply(read)).body.expirationDateTime).toBe('2020-01-01T00:00:00.0000000Z');
    expect((await admin('DELETE', `/tenants/${tenant.tenantId}/applePushNotificationCertificate`)).status).toBe(204);
    const gone = await server.app.request('http://localhost/beta/deviceManagement/applePushNotificationCertificate', { headers: { Authorization: `Bearer ${tenant.token}` } });
    expectGraphError(await toReply(gone), 404);
  });

  it('counts requests per method and path template', async () => {
    const tenant = server.createTenant();
    await admin('DELETE', '/requests');
    const get = (path: string) => server.app.request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${tenant.token}` } });
    await get('/beta/deviceAppManagement/mobileApps');
    await get('/beta/deviceAppManagement/mobileApps');
    await get('/beta/deviceAppManagement/mobileApps/abc');
    const log = await admin('GET', '/requests');
    expect(log.body.total).toBe(3);
    expect(log.body.counts).toEqual([
      { method: 'GET', template: '/beta/deviceAppManagement/mobileApps', count: 2 },
      { method: 'GET', template: '/beta/deviceAppManagement/mobileApps/{id}', count: 1 },
    ]);
    expect(log.body.entries[2]).toMatchObject({ status: 404, tenantId: tenant.tenantId });
  });
});
