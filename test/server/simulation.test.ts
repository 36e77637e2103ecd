import { expectGraphError, harness, type Harness } from './harness';

const GROUP = 'iOS BYOD users';
const PROFILES = '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles';
const CONFIGURATIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const DEVICES = '/beta/deviceManagement/managedDevices';
const groupTarget = (groupId: string) => ({ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId });
const iphone = (os: string) => ({ os, device: 'iphone', ownership: 'personal' });

interface Tenant extends Harness {
  readonly userId: string;
  readonly groupId: string;
  /** Simulates as the tenant's user `adele@contoso.com`. */
  simulate(body: Record<string, unknown>, token?: string | null): ReturnType<Harness['call']>;
}

async function newUser(call: Harness['call'], alias: string): Promise<string> {
  const user = await call('POST', '/v1.0/users', {
    body: { accountEnabled: true, displayName: alias, mailNickname: alias, userPrincipalName: `${alias}@contoso.com`, passwordProfile: { password: 'Passw0rd!Passw0rd' } },
  });
  expect(user.status).toBe(201);
  return user.body.id;
}

/** A tenant with a group, a user in it, a web-based profile and a device limit of 1 assigned to the group. */
async function tenant(): Promise<Tenant> {
  const h = harness();
  const group = await h.call('POST', '/v1.0/groups', { body: { displayName: GROUP, mailEnabled: false, mailNickname: 'ios-byod', securityEnabled: true } });
  const userId = await newUser(h.call, 'adele');
  const member = await h.call('POST', `/v1.0/groups/${group.body.id}/members/$ref`, { body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${userId}` } });
  expect(member.status).toBe(204);

  const profile = await h.call('POST', PROFILES, { body: { displayName: 'iOS web-based device enrollment', platform: 'iOS', defaultEnrollmentType: 'webDeviceEnrollment' } });
  expect((await h.call('POST', `${PROFILES}/${profile.body.id}/assignments`, { body: { target: groupTarget(group.body.id) } })).status).toBe(201);

  const limit = await h.call('POST', CONFIGURATIONS, { body: { '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', displayName: 'One device', limit: 1 } });
  const assigned = await h.call('POST', `${CONFIGURATIONS}/${limit.body.id}/assign`, { body: { enrollmentConfigurationAssignments: [{ target: groupTarget(group.body.id) }] } });
  expect(assigned.status).toBe(204);

  const simulate = (body: Record<string, unknown>, token?: string | null) =>
    h.call('POST', '/_enrollkit/simulate', { body: { user: 'adele@contoso.com', ...body }, ...(token === undefined ? {} : { token }) });
  return { ...h, userId, groupId: group.body.id, simulate };
}

describe('POST /_enrollkit/simulate', () => {
  it('resolves web-based enrollment on iOS 17.2 from the stored objects and memberships', async () => {
    const { simulate } = await tenant();
    const reply = await simulate(iphone('17.2'));
    expect(reply.status).toBe(200);
    expect(reply.body.outcome).toBe('enrolled');
    expect(reply.body.request).toEqual({ user: 'adele@contoso.com', ...iphone('17.2'), memberOf: [GROUP], enrolledDevices: 0 });
    expect(reply.body.profile).toMatchObject({ name: 'iOS web-based device enrollment', priority: 0, matchedBy: [`group "${GROUP}"`] });
    expect(reply.body.profile.path).toMatch(/^deviceManagement\/appleUserInitiatedEnrollmentProfiles\/[0-9a-f-]{36}$/);
    expect(reply.body.enrollmentType).toMatchObject({ effective: 'webDeviceEnrollment', fellBack: false });
    expect(reply.body.deviceLimit).toMatchObject({ name: 'One device', limit: 1, enrolledDevices: 0, passed: true, tenantDefault: false });
    expect(reply.body.platformRestriction).toMatchObject({ tenantDefault: true, passed: true });
    expect(reply.body.managedDeviceId).toBeUndefined();
  });

  it('falls back to Company Portal enrollment on iOS 14.8 (EK001)', async () => {
    const { simulate } = await tenant();
    const reply = await simulate(iphone('14.8'));
    expect(reply.body.outcome).toBe('enrolled');
    expect(reply.body.enrollmentType).toMatchObject({ chosen: 'webDeviceEnrollment', effective: 'device', fellBack: true });
    expect(reply.body.enrollsIn).toContain('Company Portal app');
    expect(reply.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'EK001' })]));
  });

  it('finds the user by object id, and answers stated memberships without a user', async () => {
    const { call, userId, simulate } = await tenant();
    expect((await call('POST', '/_enrollkit/simulate', { body: { user: userId, ...iphone('17.2') } })).body.request.user).toBe('adele@contoso.com');

    const stated = await call('POST', '/_enrollkit/simulate', { body: { memberOf: [GROUP.toUpperCase()], enrolledDevices: 1, ...iphone('17.2') } });
    expect(stated.status).toBe(200);
    expect(stated.body.outcome).toBe('blocked');
    expect(stated.body.deviceLimit).toMatchObject({ name: 'One device', passed: false });

    const nobody = await call('POST', '/_enrollkit/simulate', { body: iphone('17.2') });
    expect(nobody.body.outcome).toBe('noProfile');
    expect(nobody.body.deviceLimit).toMatchObject({ tenantDefault: true, limit: 5 });
    expect((await simulate({ ...iphone('17.2'), device: 'ipad', ownership: 'corporate' })).body.outcome).toBe('enrolled');
  });

  it('records an enrollment as a managed device that counts toward the device limit until it is deleted', async () => {
    const { call, userId, simulate } = await tenant();
    const first = await simulate({ ...iphone('17.2'), record: true });
    expect(first.body.outcome).toBe('enrolled');
    const id = first.body.managedDeviceId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const list = await call('GET', DEVICES);
    expect(list.status).toBe(200);
    expect(list.body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDevices');
    expect(list.body.value).toEqual([
      expect.objectContaining({
        '@odata.type': '#microsoft.graph.managedDevice',
        id,
        userId,
        userPrincipalName: 'adele@contoso.com',
        deviceName: "adele's iPhone",
        operatingSystem: 'iOS',
        osVersion: '17.2',
        model: 'iPhone',
        manufacturer: 'Apple',
        managedDeviceOwnerType: 'personal',
        enrolledDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/),
        deviceEnrollmentType: 'userEnrollment',
        managementAgent: 'mdm',
        enrollmentProfileName: 'iOS web-based device enrollment',
      }),
    ]);

    const second = await simulate({ ...iphone('17.2'), record: true });
    expect(second.body.outcome).toBe('blocked');
    expect(second.body.summary).toContain('device limit "One device"');
    expect(second.body.deviceLimit).toMatchObject({ enrolledDevices: 1, passed: false });
    expect(second.body.managedDeviceId).toBeUndefined();
    expect((await call('GET', DEVICES)).body.value).toHaveLength(1);

    expect((await call('DELETE', `${DEVICES}/${id}`)).status).toBe(204);
    expectGraphError(await call('GET', `${DEVICES}/${id}`), 404, 'ResourceNotFound');
    const again = await simulate(iphone('17.2'));
    expect(again.body.outcome).toBe('enrolled');
    expect(again.body.deviceLimit.enrolledDevices).toBe(0);
  });

  it('takes the tenant defaults from the stored default restrictions', async () => {
    const { call, tenant: credentials } = await tenant();
    await newUser(call, 'lee');
    const defaults = `${CONFIGURATIONS}/${credentials.tenantId}_DefaultLimit`;
    expect((await call('PATCH', defaults, { body: { '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', limit: 2 } })).status).toBe(204);
    const lee = (body: Record<string, unknown>) => call('POST', '/_enrollkit/simulate', { body: { user: 'LEE@contoso.com', ...body } });
    expect((await lee(iphone('17.2'))).body.deviceLimit).toMatchObject({ tenantDefault: true, limit: 2 });

    const restrictions = `${CONFIGURATIONS}/${credentials.tenantId}_DefaultPlatformRestrictions`;
    const blocked = { platformBlocked: false, personalDeviceEnrollmentBlocked: true, osMinimumVersion: null, osMaximumVersion: null, blockedManufacturers: [], blockedSkus: [] };
    const { '@odata.context': _context, ...whole } = (await call('GET', restrictions)).body;
    expect((await call('PATCH', restrictions, { body: { ...whole, iosRestriction: blocked } })).status).toBe(204);
    const refused = await lee(iphone('17.2'));
    expect(refused.body.outcome).toBe('blocked');
    expect(refused.body.platformRestriction).toMatchObject({ tenantDefault: true, passed: false, reasons: ['personally owned devices are blocked'] });
  });

  it('records iPads as iPadOS devices owned by the company, and user enrollment as appleUserEnrollment', async () => {
    const { call, simulate } = await tenant();
    const recorded = await simulate({ os: '17.2', device: 'ipad', ownership: 'corporate', record: true });
    const device = (await call('GET', `${DEVICES}/${recorded.body.managedDeviceId}`)).body;
    expect(device).toMatchObject({ operatingSystem: 'iPadOS', model: 'iPad', managedDeviceOwnerType: 'company', deviceEnrollmentType: 'userEnrollment' });
    expect(device['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDevices/$entity');

    const { call: call2, simulate: simulate2, groupId } = await tenant();
    const profile = await call2('POST', PROFILES, { body: { displayName: 'Account-driven', platform: 'iOS', defaultEnrollmentType: 'accountDrivenUserEnrollment' } });
    await call2('POST', `${PROFILES}/${profile.body.id}/assignments`, { body: { target: groupTarget(groupId) } });
    await call2('POST', `${PROFILES}/${profile.body.id}/setPriority`, { body: { priority: 0 } });
    const user = await simulate2({ ...iphone('17.2'), record: true });
    expect(user.body.enrollmentType.effective).toBe('accountDrivenUserEnrollment');
    expect((await call2('GET', `${DEVICES}/${user.body.managedDeviceId}`)).body.deviceEnrollmentType).toBe('appleUserEnrollment');
  });

  it('answers 400 in Graph’s shape for a malformed body and 404 for an unknown user', async () => {
    const { call, simulate } = await tenant();
    const post = (body: unknown) => call('POST', '/_enrollkit/simulate', { body });
    expect(expectGraphError(await post({ device: 'iphone', ownership: 'personal' }), 400, 'BadRequest').message).toContain("'os'");
    expect(expectGraphError(await post({ ...iphone('17.x') }), 400, 'BadRequest').message).toContain("'os'");
    expect(expectGraphError(await post({ ...iphone('17.2'), device: 'mac' }), 400, 'BadRequest').message).toContain("'device'");
    expect(expectGraphError(await post({ ...iphone('17.2'), colour: 'blue' }), 400, 'BadRequest').message).toContain("'colour'");
    expectGraphError(await post({ ...iphone('17.2'), user: 'adele@contoso.com', memberOf: [GROUP] }), 400, 'BadRequest');
    expectGraphError(await post({ ...iphone('17.2'), memberOf: [GROUP], record: true }), 400, 'BadRequest');
    expectGraphError(await post('not json'), 400, 'BadRequest');
    expectGraphError(await simulate({ ...iphone('17.2'), user: 'nobody@contoso.com' }), 404, 'Request_ResourceNotFound');
  });

  it('needs a tenant token: 401 without one, or with the admin token', async () => {
    const { server, simulate } = await tenant();
    expectGraphError(await simulate(iphone('17.2'), null), 401, 'InvalidAuthenticationToken');
    expectGraphError(await simulate(iphone('17.2'), server.adminToken), 401, 'InvalidAuthenticationToken');
    expectGraphError(await simulate(iphone('17.2'), 'ek_unknown'), 401, 'InvalidAuthenticationToken');
  });

  it('keeps tenants apart: another tenant sees neither the devices nor the user', async () => {
    const { server, call, simulate } = await tenant();
    const id = (await simulate({ ...iphone('17.2'), record: true })).body.managedDeviceId;
    const other = server.createTenant();
    expect((await call('GET', DEVICES, { token: other.token })).body.value).toEqual([]);
    expectGraphError(await call('GET', `${DEVICES}/${id}`, { token: other.token }), 404, 'ResourceNotFound');
    expectGraphError(await call('DELETE', `${DEVICES}/${id}`, { token: other.token }), 404, 'ResourceNotFound');
    expectGraphError(await simulate(iphone('17.2'), other.token), 404, 'Request_ResourceNotFound');
    expect((await call('GET', DEVICES)).body.value).toHaveLength(1);
  });
});

describe('/deviceManagement/managedDevices', () => {
  async function withDevices(): Promise<Tenant & { readonly ids: string[] }> {
    const t = await tenant();
    await newUser(t.call, 'lee');
    const everyone = await t.call('POST', PROFILES, { body: { displayName: 'Company Portal for all users', platform: 'iOS', defaultEnrollmentType: 'device' } });
    await t.call('POST', `${PROFILES}/${everyone.body.id}/assignments`, { body: { target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } } });
    const ids: string[] = [];
    for (const user of ['adele@contoso.com', 'lee@contoso.com', 'lee@contoso.com']) {
      ids.push((await t.simulate({ ...iphone('17.2'), user, record: true })).body.managedDeviceId);
    }
    return { ...t, ids };
  }

  it('filters by userPrincipalName and userId, selects and pages', async () => {
    const { call, userId, ids } = await withDevices();
    const byUpn = await call('GET', `${DEVICES}?$filter=${encodeURIComponent("userPrincipalName eq 'lee@contoso.com'")}&$select=id,userPrincipalName`);
    expect(byUpn.body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDevices(id,userPrincipalName)');
    expect(byUpn.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.managedDevice', id: ids[1], userPrincipalName: 'lee@contoso.com' },
      { '@odata.type': '#microsoft.graph.managedDevice', id: ids[2], userPrincipalName: 'lee@contoso.com' },
    ]);
    const byId = await call('GET', `${DEVICES}?$filter=${encodeURIComponent(`userId eq '${userId}'`)}&$select=id`);
    expect(byId.body.value.map((d: { id: string }) => d.id)).toEqual([ids[0]]);

    const first = await call('GET', `${DEVICES}?$top=2&$count=true`);
    expect(first.body['@odata.count']).toBe(3);
    expect(first.body.value).toHaveLength(2);
    const next = await call('GET', new URL(first.body['@odata.nextLink']).pathname + new URL(first.body['@odata.nextLink']).search);
    expect(next.body.value.map((d: { id: string }) => d.id)).toEqual([ids[2]]);
    expect(next.body['@odata.nextLink']).toBeUndefined();

    expect((await call('GET', `/v1.0/deviceManagement/managedDevices/${ids[0]}?$select=osVersion`)).body).toMatchObject({ osVersion: '17.2' });
    expectGraphError(await call('GET', `${DEVICES}?$filter=${encodeURIComponent("serial eq 'x'")}`), 400, 'BadRequest');
    expectGraphError(await call('GET', `${DEVICES}/${ids[0]}?$select=serial`), 400, 'BadRequest');
  });

  it('cannot be created or changed by request (405) and needs a token (401)', async () => {
    const { call, ids } = await withDevices();
    const created = expectGraphError(await call('POST', DEVICES, { body: { deviceName: 'x' } }), 405, 'MethodNotAllowed');
    expect(created.message).toContain('POST');
    expectGraphError(await call('PATCH', `${DEVICES}/${ids[0]}`, { body: { deviceName: 'x' } }), 405, 'MethodNotAllowed');
    expectGraphError(await call('GET', DEVICES, { token: null }), 401, 'InvalidAuthenticationToken');
    expectGraphError(await call('DELETE', `${DEVICES}/${ids[0]}`, { token: null }), 401, 'InvalidAuthenticationToken');
  });
});
