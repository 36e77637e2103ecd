import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createReferenceServer, DEFAULT_APP_PERMISSIONS } from '../../src/server';
import { expectGraphError, harness, type Json } from './harness';
import { exited, startChild } from './serve-process';

const RESTRICTIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const restriction = {
  '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration',
  displayName: 'iOS corporate only',
  platformType: 'ios',
  platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: true },
};
const limit = { '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', displayName: 'Three devices', limit: 3 };
const LIVE_REFUSAL = 'Tenant is not Global Admin or Intune Service Admin. Operation is restricted.';

function claims(token: string): Json {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** The serialised Intune message of an error body. */
function intuneMessage(error: Json): string {
  return JSON.parse(error.message).Message;
}

describe('token kinds and permissions', () => {
  // Source: Micke-K/IntuneManagement#259 (POST answered 403 Forbidden with this message), Microsoft365DSC#5530
  // (PATCH of the default restriction) and #5127 (Microsoft support: app-only writes will stay refused).
  it("answers an app-only token's POST and PATCH of platform restrictions with the live 403, and stores nothing", async () => {
    const { server, tenant, call } = harness();
    const appOnly = server.mintToken(tenant.tenantId, { kind: 'appOnly', permissions: [...DEFAULT_APP_PERMISSIONS] });
    const created = expectGraphError(await call('POST', RESTRICTIONS, { token: appOnly, body: restriction }), 403, 'Forbidden');
    expect(intuneMessage(created)).toMatch(new RegExp(`^${LIVE_REFUSAL.replace(/\./g, '\\.')} - Operation ID`));
    const defaultId = `${tenant.tenantId}_DefaultPlatformRestrictions`;
    const patched = expectGraphError(
      await call('PATCH', `${RESTRICTIONS}/${defaultId}`, { token: appOnly, body: { '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration', description: 'x' } }),
      403,
      'Forbidden',
    );
    expect(intuneMessage(patched)).toContain(LIVE_REFUSAL);
    const listed = await call('GET', RESTRICTIONS, { token: appOnly });
    expect(listed.status).toBe(200);
    expect(listed.body.value.map((c: Json) => c.id)).toEqual([defaultId, `${tenant.tenantId}_DefaultLimit`]);
    expect(listed.body.value[0].description).not.toBe('x');
    // Device limits are not refused to application permissions.
    expect((await call('POST', RESTRICTIONS, { token: appOnly, body: limit })).status).toBe(201);
  });

  it('lets a delegated Intune or Global Administrator write platform restrictions, and refuses other roles', async () => {
    const { server, tenant, call } = harness();
    const intuneAdmin = server.mintToken(tenant.tenantId, { kind: 'delegated', roles: ['Intune Administrator'] });
    expect((await call('POST', RESTRICTIONS, { token: intuneAdmin, body: restriction })).status).toBe(201);
    // Tokens stored without a grant (every token before grants existed) are delegated Global Administrators.
    expect((await call('POST', RESTRICTIONS, { body: { ...restriction, displayName: 'second' } })).status).toBe(201);
    const reader = server.mintToken(tenant.tenantId, { kind: 'delegated', roles: ['Global Reader'] });
    expect(intuneMessage(expectGraphError(await call('POST', RESTRICTIONS, { token: reader, body: restriction }), 403, 'Forbidden'))).toContain(LIVE_REFUSAL);
  });

  it("answers requests outside the token's permissions with Graph's 403: Intune's words on Intune paths, Entra's on directory paths", async () => {
    const { server, tenant, call } = harness();
    const appsOnly = server.mintToken(tenant.tenantId, { kind: 'appOnly', permissions: ['DeviceManagementApps.Read.All'] });
    expect((await call('GET', '/beta/deviceAppManagement/mobileApps', { token: appsOnly })).status).toBe(200);
    const write = expectGraphError(
      await call('POST', '/beta/deviceAppManagement/mobileApps', { token: appsOnly, body: { '@odata.type': '#microsoft.graph.webApp', displayName: 'x', appUrl: 'https://x.example' } }),
      403,
      'Forbidden',
    );
    expect(intuneMessage(write)).toMatch(
      /^Application is not authorized to perform this operation\. Application must have one of the following scopes: DeviceManagementApps\.ReadWrite\.All, DeviceManagementConfiguration\.ReadWrite\.All - /,
    );
    expect(intuneMessage(expectGraphError(await call('GET', RESTRICTIONS, { token: appsOnly }), 403, 'Forbidden'))).toContain('DeviceManagementServiceConfig.Read.All');
    const directory = expectGraphError(await call('GET', '/v1.0/groups', { token: appsOnly }), 403, 'Authorization_RequestDenied');
    expect(directory.message).toBe('Insufficient privileges to complete the operation.');
    const groupCreator = server.mintToken(tenant.tenantId, { kind: 'appOnly', permissions: ['Group.Create'] });
    const group = { displayName: 'g', mailEnabled: false, mailNickname: 'g', securityEnabled: true };
    expect((await call('POST', '/v1.0/groups', { token: groupCreator, body: group })).status).toBe(201);
    // A batch item is checked with its own request.
    const batch = await call('POST', '/v1.0/$batch', { token: appsOnly, body: { requests: [{ id: '1', method: 'GET', url: '/groups' }] } });
    expect(batch.body.responses[0].status).toBe(403);
  });

  it('mints tokens in the shape of Entra access tokens: roles for app-only, scp and wids for delegated', () => {
    const { server, tenant } = harness();
    const appOnly = claims(server.mintToken(tenant.tenantId, { kind: 'appOnly', permissions: ['Group.Read.All'] }));
    expect(appOnly).toMatchObject({ tid: tenant.tenantId, idtyp: 'app', roles: ['Group.Read.All'], aud: 'https://graph.microsoft.com' });
    expect(appOnly.scp).toBeUndefined();
    const delegated = claims(server.mintToken(tenant.tenantId, { kind: 'delegated', roles: ['Intune Administrator'], permissions: ['Group.Read.All', 'User.Read.All'] }));
    expect(delegated).toMatchObject({ tid: tenant.tenantId, idtyp: 'user', scp: 'Group.Read.All User.Read.All', wids: ['3a2c62db-5318-420d-8d74-23affee5d9d5'] });
    expect(delegated.roles).toBeUndefined();
  });

  it('adds a token to a tenant once, keeps one it has, and refuses one of another tenant or a tenant it does not have', async () => {
    const { server, tenant, call } = harness();
    const other = server.createTenant();
    server.addToken(tenant.tenantId, 'added-token');
    server.addToken(tenant.tenantId, 'added-token');
    expect(server.store.tenantIdForToken('added-token')).toBe(tenant.tenantId);
    expect((await call('GET', RESTRICTIONS, { token: 'added-token' })).status).toBe(200);
    expect(() => server.addToken(tenant.tenantId, other.token)).toThrow(`A token given for the tenant '${tenant.tenantId}' belongs to another tenant.`);
    expect(() => server.addToken('00000000-0000-4000-8000-000000000000', 'stray-token')).toThrow("The tenant '00000000-0000-4000-8000-000000000000' does not exist.");
    expect(server.store.tenantIdForToken('stray-token')).toBeUndefined();
  });

  it('mints both kinds through the admin API and refuses grants it does not know', async () => {
    const { server, tenant, call } = harness();
    const admin = { token: server.adminToken };
    const minted = await call('POST', `/_enrollkit/tenants/${tenant.tenantId}/tokens`, { ...admin, body: { kind: 'appOnly', permissions: ['DeviceManagementServiceConfig.ReadWrite.All'] } });
    expect(minted.status).toBe(201);
    expect(minted.body).toMatchObject({ tenantId: tenant.tenantId, grant: { kind: 'appOnly' } });
    expectGraphError(await call('POST', RESTRICTIONS, { token: minted.body.token, body: restriction }), 403, 'Forbidden');
    const delegated = await call('POST', `/_enrollkit/tenants/${tenant.tenantId}/tokens`, { ...admin, body: { kind: 'delegated', roles: ['Global Administrator'] } });
    expect((await call('POST', RESTRICTIONS, { token: delegated.body.token, body: restriction })).status).toBe(201);
    expectGraphError(await call('POST', `/_enrollkit/tenants/${tenant.tenantId}/tokens`, { ...admin, body: { kind: 'robot' } }), 400, 'BadRequest');
    expectGraphError(await call('POST', `/_enrollkit/tenants/${tenant.tenantId}/tokens`, { ...admin, body: { kind: 'delegated', roles: ['Janitor'] } }), 400, 'BadRequest');
    expectGraphError(await call('POST', '/_enrollkit/tenants/00000000-0000-0000-0000-000000000000/tokens', { ...admin, body: { kind: 'appOnly', permissions: [] } }), 404);
  });

  it('keeps the tokens of a database written before tokens had kinds, as delegated administrators', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'enrollkit-tokens-'));
    try {
      const data = join(dir, 'old.db');
      const old = new Database(data);
      old.exec("CREATE TABLE tokens (token TEXT PRIMARY KEY, tenant_id TEXT NOT NULL); INSERT INTO tokens VALUES ('old-token-0123456789', '11111111-1111-1111-1111-111111111111');");
      old.close();
      const server = createReferenceServer({ data });
      try {
        const reply = await server.app.request('http://localhost/v1.0/groups', { headers: { Authorization: 'Bearer old-token-0123456789' } });
        expect(reply.status).toBe(200);
        expect(server.store.tokenOwner('old-token-0123456789')?.grant).toEqual({ kind: 'delegated', roles: ['Global Administrator'] });
      } finally {
        server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('mints a delegated and an app-only token when enrollkit serve is asked to, and each behaves as its kind', async () => {
    const child = await startChild(['--data', ':memory:', '--mint', 'app-only', '--mint', 'delegated']);
    try {
      const appOnly = /app-only token (\S+)/.exec(child.output)?.[1] ?? '';
      const delegated = /delegated token (\S+)/.exec(child.output)?.[1] ?? '';
      expect(claims(appOnly).idtyp).toBe('app');
      expect(claims(delegated).idtyp).toBe('user');
      const post = (token: string) =>
        fetch(`${child.url}${RESTRICTIONS}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(restriction) });
      expect((await post(appOnly)).status).toBe(403);
      expect((await post(delegated)).status).toBe(201);
    } finally {
      const done = exited(child.process);
      child.process.kill('SIGTERM');
      await done;
    }
  });
});

