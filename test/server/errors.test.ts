import { expectGraphError, expectUnchangedPatch, harness } from './harness';

const CONFIGS = '/beta/deviceManagement/deviceConfigurations';
const APPS = '/beta/deviceAppManagement/mobileApps';
const RESTRICTIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const webClip = { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Portal', appUrl: 'https://portal.manage.microsoft.com' };

describe('errors in Graph’s shape', () => {
  const { call } = harness({ bodyLimitBytes: 64 * 1024 });

  it('answers 401 without a token and with an unknown token', async () => {
    const missing = expectGraphError(await call('GET', APPS, { token: null }), 401, 'InvalidAuthenticationToken');
    expect(missing.message).toBe('Access token is empty.');
    expectGraphError(await call('GET', APPS, { token: 'not-a-token' }), 401, 'InvalidAuthenticationToken');
    expectGraphError(await call('GET', APPS, { headers: { Authorization: 'Basic abc' } }), 401);
  });

  it('echoes the caller’s client-request-id', async () => {
    const reply = await call('GET', `${APPS}/missing`, { headers: { 'client-request-id': 'caller-chosen' } });
    const error = expectGraphError(reply, 404, 'ResourceNotFound');
    expect(error.innerError['client-request-id']).toBe('caller-chosen');
  });

  it('answers 404 for unknown ids with Intune’s serialised message, and for unknown paths', async () => {
    const error = expectGraphError(await call('GET', `${CONFIGS}/00000000-0000-0000-0000-000000000000`), 404, 'ResourceNotFound');
    expect(JSON.parse(error.message)).toMatchObject({ _version: 3, Message: expect.stringContaining('00000000-0000-0000-0000-000000000000') });
    const path = expectGraphError(await call('GET', '/beta/deviceManagement/nothingHere'), 404, 'ResourceNotFound');
    expect(path.message).toBe("Resource not found for the segment 'nothingHere'.");
    expectGraphError(await call('GET', '/v1.0/deviceManagement/appleUserInitiatedEnrollmentProfiles'), 404);
    expectGraphError(await call('GET', '/v2/groups'), 404);
  });

  it('answers 405 with Allow for a method a path does not support', async () => {
    const reply = await call('PUT', APPS, { body: webClip });
    expectGraphError(reply, 405);
    expect(reply.headers.get('allow')).toContain('POST');
    expectGraphError(await call('DELETE', APPS), 405);
  });

  it('answers 400 for malformed JSON, an empty body and a JSON value that is not an object', async () => {
    expectGraphError(await call('POST', APPS, { body: '{"displayName": ' }), 400, 'BadRequest');
    expectGraphError(await call('POST', APPS, { body: '[]' }), 400, 'BadRequest');
    const empty = await call('POST', APPS, { headers: { 'Content-Type': 'application/json' } });
    expect(expectGraphError(empty, 400).message).toBe('Empty Payload. JSON content expected.');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const reply = await call('POST', APPS, { body: 'displayName=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expectGraphError(reply, 415);
  });

  it('answers 413 for a body over the limit', async () => {
    const reply = await call('POST', APPS, { body: { ...webClip, notes: 'x'.repeat(70 * 1024) } });
    expectGraphError(reply, 413);
  });

  it('answers 400 for an unknown @odata.type, a type of another collection and a missing one on an abstract collection', async () => {
    const unknown = expectGraphError(await call('POST', APPS, { body: { ...webClip, '@odata.type': '#microsoft.graph.nonsense' } }), 400, 'ModelValidationFailure');
    expect(unknown.message).toBe("A type named 'microsoft.graph.nonsense' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.");
    const wrong = expectGraphError(await call('POST', CONFIGS, { body: { '@odata.type': '#microsoft.graph.iosStoreApp', displayName: 'x' } }), 400);
    expect(wrong.message).toContain('microsoft.graph.iosStoreApp');
    const { '@odata.type': _type, ...untyped } = webClip;
    expectGraphError(await call('POST', APPS, { body: untyped }), 400);
  });

  it('answers 400 naming an unknown property, at the top and nested', async () => {
    const top = expectGraphError(await call('POST', APPS, { body: { ...webClip, colour: 'blue' } }), 400);
    expect(top.message).toContain("'colour'");
    const nested = expectGraphError(
      await call('POST', RESTRICTIONS, {
        body: {
          '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration',
          displayName: 'x',
          platformType: 'ios',
          platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: false, blockedEverything: true },
        },
      }),
      400,
    );
    expect(nested.message).toContain("'blockedEverything'");
  });

  it('answers 400 for an invalid enum member and a value of the wrong type', async () => {
    const enumError = expectGraphError(
      await call('POST', '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles', { body: { displayName: 'x', defaultEnrollmentType: 'sideways' } }),
      400,
    );
    expect(enumError.message).toContain('sideways');
    const typeError = expectGraphError(await call('POST', APPS, { body: { ...webClip, useManagedBrowser: 'yes' } }), 400);
    expect(typeError.message).toBe("Cannot convert the literal 'yes' to the expected type 'Edm.Boolean'.");
    const intError = expectGraphError(await call('POST', RESTRICTIONS, { body: { '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', displayName: 'x', limit: 2.5 } }), 400);
    expect(intError.message).toBe("Cannot convert the literal '2.5' to the expected type 'Edm.Int32'.");
  });

  it('answers 400 for a missing required property and a device limit outside 1..15', async () => {
    expectGraphError(await call('POST', APPS, { body: { '@odata.type': '#microsoft.graph.webApp', appUrl: 'https://x.example' } }), 400);
    expectGraphError(await call('POST', RESTRICTIONS, { body: { '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', displayName: 'x', limit: 16 } }), 400);
  });

  it('refuses a PATCH that changes the type or an immutable property', async () => {
    const created = await call('POST', APPS, { body: { '@odata.type': '#microsoft.graph.webApp', displayName: 'Link', appUrl: 'https://a.example' } });
    const path = `${APPS}/${created.body.id}`;
    expectGraphError(await call('PATCH', path, { body: { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'y' } }), 400);
    expectGraphError(await call('PATCH', path, { body: { '@odata.type': '#microsoft.graph.webApp', appUrl: 'https://b.example' } }), 400);
    expect((await call('PATCH', path, { body: { '@odata.type': 'microsoft.graph.webApp', appUrl: 'https://a.example', displayName: 'Link 2' } })).status).toBe(204);
  });

  it('ignores read-only properties on PATCH', async () => {
    const created = await call('POST', APPS, { body: webClip });
    const path = `${APPS}/${created.body.id}`;
    const readOnly = { isAssigned: true, publishingState: 'processing', dependentAppCount: 4 };
    expectUnchangedPatch(await call('PATCH', path, { body: { ...webClip, ...readOnly } }));
    expect((await call('PATCH', path, { body: { ...webClip, ...readOnly, displayName: 'Renamed' } })).status).toBe(204);
    const read = await call('GET', path);
    expect(read.body).toMatchObject({ displayName: 'Renamed', isAssigned: false, publishingState: 'published', dependentAppCount: 0 });
  });
});
