import { expectGraphError, expectUnchangedPatch, harness } from './harness';
import { KINDS } from './kinds';

const group = (groupId: string) => ({ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId });
const allUsers = { '@odata.type': 'microsoft.graph.allLicensedUsersAssignmentTarget' };

function kind(name: string) {
  const found = KINDS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no kind ${name}`);
  return found;
}

describe('assignments collections', () => {
  const { call } = harness();

  it.each([
    ['enrollment type profile', '#microsoft.graph.appleEnrollmentProfileAssignment', {}],
    ['platform restriction', '#microsoft.graph.enrollmentConfigurationAssignment', {}],
    ['device features configuration with an SSO app extension', '#microsoft.graph.deviceConfigurationAssignment', { intent: 'apply' }],
    ['iOS store app', '#microsoft.graph.mobileAppAssignment', { intent: 'required' }],
  ])('adds, lists, reads, updates and removes assignments of a %s', async (name, assignmentType, extra) => {
    const owner = kind(name);
    const created = await call('POST', owner.path, { body: owner.create('assign') });
    const base = `${owner.path}/${created.body.id}/assignments`;

    const added = await call('POST', base, { body: { '@odata.type': assignmentType, target: group('g-1'), ...extra } });
    expect(added.status).toBe(201);
    expect(added.body['@odata.context']).toMatch(/\('.+'\)\/assignments\/\$entity$/);
    expect(added.body.target).toEqual({
      '@odata.type': '#microsoft.graph.groupAssignmentTarget',
      deviceAndAppManagementAssignmentFilterId: null,
      deviceAndAppManagementAssignmentFilterType: 'none',
      groupId: 'g-1',
    });

    const list = await call('GET', base);
    expect(list.status).toBe(200);
    expect(list.body.value).toHaveLength(1);

    const one = await call('GET', `${base}/${added.body.id}`);
    expect(one.body.id).toBe(added.body.id);

    const patched = await call('PATCH', `${base}/${added.body.id}`, { body: { target: group('g-2') } });
    expect(patched.status).toBe(204);
    expect((await call('GET', `${base}/${added.body.id}`)).body.target.groupId).toBe('g-2');
    expectUnchangedPatch(await call('PATCH', `${base}/${added.body.id}`, { body: { target: group('g-2') } }));
    expectUnchangedPatch(await call('PATCH', `${base}/${added.body.id}`, { body: { '@odata.type': assignmentType } }));

    const duplicate = await call('POST', base, { body: { target: group('g-2'), ...extra } });
    expectGraphError(duplicate, 409, 'Conflict');

    const expanded = await call('GET', `${owner.path}/${created.body.id}?$expand=assignments`);
    expect(expanded.body.assignments).toHaveLength(1);
    expect(expanded.body['@odata.context']).toMatch(/\(assignments\(\)\)\/\$entity$/);

    expect((await call('DELETE', `${base}/${added.body.id}`)).status).toBe(204);
    expect((await call('GET', base)).body.value).toEqual([]);
    expectGraphError(await call('GET', `${base}/${added.body.id}`), 404, 'ResourceNotFound');
  });

  it('rejects an assignment target of an unknown type', async () => {
    const owner = kind('platform restriction');
    const created = await call('POST', owner.path, { body: owner.create('bad') });
    const reply = await call('POST', `${owner.path}/${created.body.id}/assignments`, {
      body: { target: { '@odata.type': '#microsoft.graph.deviceAndAppManagementAssignmentTarget' } },
    });
    const error = expectGraphError(reply, 400, 'ModelValidationFailure');
    expect(error.message).toBe('Cannot create an abstract class.');
  });

  it('keeps isAssigned of a mobile app in step with its assignments', async () => {
    const app = kind('iOS store app');
    const created = await call('POST', app.path, { body: app.create('flag') });
    await call('POST', `${app.path}/${created.body.id}/assignments`, { body: { intent: 'required', target: allUsers } });
    expect((await call('GET', `${app.path}/${created.body.id}`)).body.isAssigned).toBe(true);
    await call('POST', `${app.path}/${created.body.id}/assign`, { body: { mobileAppAssignments: [] } });
    expect((await call('GET', `${app.path}/${created.body.id}`)).body.isAssigned).toBe(false);
  });
});

describe('assign actions', () => {
  const { call } = harness();

  it('replaces the assignments of an enrollment restriction and answers 204', async () => {
    const owner = kind('platform restriction');
    const created = await call('POST', owner.path, { body: owner.create('r') });
    const assign = `${owner.path}/${created.body.id}/assign`;
    const first = await call('POST', assign, {
      body: { enrollmentConfigurationAssignments: [{ '@odata.type': '#microsoft.graph.enrollmentConfigurationAssignment', target: group('a') }, { target: group('b') }] },
    });
    expect(first.status).toBe(204);
    expect(first.body).toBeUndefined();
    await call('POST', assign, { body: { enrollmentConfigurationAssignments: [{ target: group('c') }] } });
    const list = await call('GET', `${owner.path}/${created.body.id}/assignments`);
    expect(list.body.value.map((a: { target: { groupId: string } }) => a.target.groupId)).toEqual(['c']);
    await call('POST', assign, { body: { enrollmentConfigurationAssignments: [] } });
    expect((await call('GET', `${owner.path}/${created.body.id}/assignments`)).body.value).toEqual([]);
  });

  it('answers a device configuration assign with 200 and the new assignment set', async () => {
    const owner = kind('device features configuration with an SSO app extension');
    const created = await call('POST', owner.path, { body: owner.create('d') });
    const reply = await call('POST', `${owner.path}/${created.body.id}/assign`, {
      body: { deviceConfigurationGroupAssignments: [], assignments: [{ '@odata.type': '#microsoft.graph.deviceConfigurationAssignment', target: allUsers }] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#Collection(microsoft.graph.deviceConfigurationAssignment)');
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body.value[0].target['@odata.type']).toBe('#microsoft.graph.allLicensedUsersAssignmentTarget');
    expect(reply.body.value[0].intent).toBe('apply');
  });

  it('answers a mobile app assign with 204 and stores assignment settings', async () => {
    const owner = kind('iOS VPP app');
    const created = await call('POST', owner.path, { body: owner.create('v') });
    const reply = await call('POST', `${owner.path}/${created.body.id}/assign`, {
      body: {
        mobileAppAssignments: [
          {
            '@odata.type': '#microsoft.graph.mobileAppAssignment',
            intent: 'required',
            target: group('users'),
            settings: { '@odata.type': '#microsoft.graph.iosVppAppAssignmentSettings', useDeviceLicensing: true, vpnConfigurationId: null },
          },
        ],
      },
    });
    expect(reply.status).toBe(204);
    const list = await call('GET', `${owner.path}/${created.body.id}/assignments`);
    expect(list.body.value[0].settings).toMatchObject({ '@odata.type': '#microsoft.graph.iosVppAppAssignmentSettings', useDeviceLicensing: true });
  });

  it('has no assign action on enrollment type profiles', async () => {
    const owner = kind('enrollment type profile');
    const created = await call('POST', owner.path, { body: owner.create('p') });
    const reply = await call('POST', `${owner.path}/${created.body.id}/assign`, { body: { assignments: [] } });
    expectGraphError(reply, 404);
  });

  it('rejects an assign body naming the same target twice, or with the wrong property', async () => {
    const owner = kind('web app');
    const created = await call('POST', owner.path, { body: owner.create('w') });
    const assign = `${owner.path}/${created.body.id}/assign`;
    const twice = { intent: 'available', target: group('x') };
    expectGraphError(await call('POST', assign, { body: { mobileAppAssignments: [twice, twice] } }), 400);
    const wrong = expectGraphError(await call('POST', assign, { body: { assignments: [] } }), 400);
    expect(wrong.message).toMatch(/assignments/i);
  });

  it('refuses to change the assignments of the tenant default restriction', async () => {
    const { call: callTenant, tenant } = harness();
    const reply = await callTenant('POST', `/beta/deviceManagement/deviceEnrollmentConfigurations/${tenant.tenantId}_DefaultLimit/assign`, {
      body: { enrollmentConfigurationAssignments: [{ target: allUsers }] },
    });
    expectGraphError(reply, 400, 'BadRequest');
  });
});
