import { expectGraphError, harness, type Harness, type Json } from './harness';

const TOKENS = '/beta/deviceManagement/depOnboardingSettings';

/** The account's Apple Configurator pseudo-token ID, read as the service is read (`GET /deviceManagement`). */
async function accountId(h: Harness): Promise<string> {
  const singleton = await h.call('GET', '/beta/deviceManagement');
  expect(singleton.status).toBe(200);
  return singleton.body.intuneAccountId as string;
}

describe('Apple Configurator enrollment profiles under the account pseudo-token', () => {
  // Source: the request trace of graph-ade-api.md §7.2 (GET /deviceManagement, POST, GET, PATCH, devices, DELETE).
  it('replays the live trace: composite IDs, a server-filled configuration URL, a bare entity, PATCH 204 with @odata.type and id, DELETE 204', async () => {
    const h = harness();
    const account = await accountId(h);
    const tokens = (await h.call('GET', TOKENS)).body.value as Json[];
    expect(tokens.find((t) => t.id === account)).toMatchObject({ tokenType: 'none' });

    const created = await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles`, {
      body: { '@odata.type': '#microsoft.graph.enrollmentProfile', displayName: 'test', description: 'test', requiresUserAuthentication: true, enableAuthenticationViaCompanyPortal: true, requireCompanyPortalOnSetupAssistantEnrolledDevices: false },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(id).toMatch(new RegExp(`^${account}_[0-9a-f-]{36}$`));

    const read = await h.call('GET', `${TOKENS}/${account}/enrollmentProfiles/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.value).toBeUndefined();
    expect(read.body['@odata.context']).toMatch(/depOnboardingSettings\('[^']+'\)\/enrollmentProfiles\/\$entity$/);
    expect(read.body).toMatchObject({
      '@odata.type': '#microsoft.graph.enrollmentProfile',
      id,
      displayName: 'test',
      requiresUserAuthentication: true,
      enableAuthenticationViaCompanyPortal: true,
      configurationEndpointUrl: `https://appleconfigurator2.manage.microsoft.com/EnrollmentServer/MDMServiceConfig?id=${account}&AADTenantId=${h.tenant.tenantId}`,
    });

    const patched = await h.call('PATCH', `${TOKENS}/${account}/enrollmentProfiles/${id}`, {
      body: { '@odata.type': '#microsoft.graph.enrollmentProfile', id, displayName: 'test', description: 'test', requiresUserAuthentication: true, enableAuthenticationViaCompanyPortal: false, requireCompanyPortalOnSetupAssistantEnrolledDevices: true },
    });
    expect(patched.status).toBe(204);
    expect((await h.call('GET', `${TOKENS}/${account}/enrollmentProfiles/${id}`)).body).toMatchObject({ enableAuthenticationViaCompanyPortal: false, requireCompanyPortalOnSetupAssistantEnrolledDevices: true });

    const guid = id.split('_')[1]!;
    const devices = await h.call('GET', `${TOKENS}/${account}/importedAppleDeviceIdentities?$count=true&$filter=discoverySource%20eq%20%27AdminImport%27%20and%20requestedEnrollmentProfileId%20eq%20%27${guid}%27`);
    expect(devices.status).toBe(200);
    expect(devices.body).toMatchObject({ '@odata.count': 0, value: [] });

    expect((await h.call('DELETE', `${TOKENS}/${account}/enrollmentProfiles/${id}`)).status).toBe(204);
    expectGraphError(await h.call('GET', `${TOKENS}/${account}/enrollmentProfiles/${id}`), 404, 'ResourceNotFound');
  });

  it('finds imported serial numbers assigned to a profile by its bare guid, the enum literal matched in either case', async () => {
    const h = harness();
    const account = await accountId(h);
    const id = (await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles`, { body: { '@odata.type': '#microsoft.graph.enrollmentProfile', displayName: 'Direct' } })).body.id as string;
    const imported = await h.call('POST', `${TOKENS}/${account}/importedAppleDeviceIdentities/importAppleDeviceIdentityList`, {
      body: { importedAppleDeviceIdentities: [{ serialNumber: 'C02XK0A1JF8J', description: 'Front desk' }, { serialNumber: 'C02XK0A2JF8J' }], overwriteImportedDeviceIdentities: false },
    });
    expect(imported.status).toBe(200);
    expect((imported.body.value as Json[]).map((r) => [r.serialNumber, r.status, r.discoverySource])).toEqual([
      ['C02XK0A1JF8J', true, 'adminImport'],
      ['C02XK0A2JF8J', true, 'adminImport'],
    ]);
    expect((await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles/${id}/updateDeviceProfileAssignment`, { body: { deviceIds: ['C02XK0A1JF8J'] } })).status).toBe(204);
    const guid = id.split('_')[1]!;
    for (const literal of ['AdminImport', 'adminImport']) {
      const found = await h.call('GET', `${TOKENS}/${account}/importedAppleDeviceIdentities?$count=true&$filter=${encodeURIComponent(`discoverySource eq '${literal}' and requestedEnrollmentProfileId eq '${guid}'`)}`);
      expect(found.body['@odata.count']).toBe(1);
      expect(found.body.value[0]).toMatchObject({ serialNumber: 'C02XK0A1JF8J', description: 'Front desk', requestedEnrollmentProfileId: guid });
    }
  });

  it('refuses an ADE profile type on the account, a Configurator profile as a default, and a wrong composite ID', async () => {
    const h = harness();
    const account = await accountId(h);
    const ade = await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles`, { body: { '@odata.type': '#microsoft.graph.depIOSEnrollmentProfile', displayName: 'x' } });
    expect(ade.status).toBe(400);
    expect(JSON.stringify(ade.body)).toContain('microsoft.graph.enrollmentProfile');
    const untyped = await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles`, { body: { displayName: 'x' } });
    expect(untyped.status).toBe(400);
    const id = (await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles`, { body: { '@odata.type': '#microsoft.graph.enrollmentProfile', displayName: 'x' } })).body.id as string;
    expect((await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles/${id}/setDefaultProfile`)).status).toBe(400);
    expectGraphError(await h.call('GET', `${TOKENS}/${account}/enrollmentProfiles/${account}_00000000-0000-0000-0000-000000000000`), 404, 'ResourceNotFound');
  });

  it('exports a profile as a base64 mobileconfig plist: an MDM payload at the enrollment URL, valid for two weeks', async () => {
    const h = harness();
    const account = await accountId(h);
    const id = (await h.call('POST', `${TOKENS}/${account}/enrollmentProfiles`, { body: { '@odata.type': '#microsoft.graph.enrollmentProfile', displayName: 'Loaners & spares' } })).body.id as string;
    const exported = await h.call('GET', `${TOKENS}/${account}/enrollmentProfiles/${id}/exportMobileConfig`);
    expect(exported.status).toBe(200);
    const plist = Buffer.from(exported.body.value as string, 'base64').toString('utf8');
    expect(plist).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(plist).toContain('<key>PayloadDisplayName</key><string>Loaners &amp; spares</string>');
    expect(plist).toContain('<key>PayloadType</key><string>com.apple.mdm</string>');
    expect(plist).toContain(`<key>ServerURL</key><string>https://appleconfigurator2.manage.microsoft.com/EnrollmentServer/MDMServiceConfig?id=${account}&amp;AADTenantId=${h.tenant.tenantId}</string>`);
    const expires = /<key>PayloadExpirationDate<\/key><date>([^<]+)<\/date>/.exec(plist)?.[1];
    expect(Date.parse(expires ?? '') - Date.now()).toBeGreaterThan(13 * 24 * 60 * 60 * 1000);
  });
});
