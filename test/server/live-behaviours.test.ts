import { expectGraphError, expectUnchangedPatch, harness, type Json } from './harness';

const APPS = '/beta/deviceAppManagement/mobileApps';
const CONFIGURATIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const PROFILES = '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles';
const webClip = { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Company Portal', appUrl: 'https://portal.manage.microsoft.com' };
const restriction = (name: string) => ({
  '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration',
  displayName: name,
  platformType: 'ios',
  platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: true },
});

describe('behaviours of the live service', () => {
  // Source: graph-enrollment-api.md errata 3 (Intune's model errors: code, wording, innerError.message).
  it('answers model errors with ModelValidationFailure in Intune’s words, at the top and nested, the message repeated in innerError', async () => {
    const { call } = harness();
    const cases: [string, Json, string][] = [
      [APPS, { ...webClip, colour: 'blue' }, "The property 'colour' does not exist on type 'microsoft.management.services.api.iosiPadOSWebClip'. Make sure to only use property names that are defined by the type."],
      [
        CONFIGURATIONS,
        { ...restriction('x'), platformRestriction: { platformBlocked: false, blockedEverything: true } },
        "The property 'blockedEverything' does not exist on type 'microsoft.management.services.api.deviceEnrollmentPlatformRestriction'. Make sure to only use property names that are defined by the type.",
      ],
      [PROFILES, { displayName: 'x', defaultEnrollmentType: 'equals' }, "Requested value 'equals' was not found."],
      [APPS, { ...webClip, appUrl: 0 }, "Cannot convert the literal '0' to the expected type 'Edm.String'."],
      [APPS, { ...webClip, '@odata.type': '#microsoft.graph.iosLobAppX' }, "A type named 'microsoft.graph.iosLobAppX' could not be resolved by the model. When a model is available, each type name must resolve to a valid type."],
    ];
    for (const [path, body, message] of cases) {
      const reply = await call('POST', path, { body });
      const error = expectGraphError(reply, 400, 'ModelValidationFailure');
      expect(error.message).toBe(message);
      expect(reply.body.error.innerError.message).toBe(message);
    }
  });

  // Source: msgraph-beta-sdk-dotnet#699 ("Cannot create an abstract class." for a PATCH without '@odata.type'); errata 6.
  it('refuses a PATCH of a derived entity that does not name its @odata.type', async () => {
    const { call } = harness();
    const created = await call('POST', APPS, { body: webClip });
    const untyped = expectGraphError(await call('PATCH', `${APPS}/${created.body.id}`, { body: { displayName: 'Renamed' } }), 400, 'ModelValidationFailure');
    expect(untyped.message).toMatch(/^Cannot create an abstract class\. Send '@odata\.type': '#microsoft\.graph\.iosiPadOSWebClip'/);
    expect((await call('GET', `${APPS}/${created.body.id}`)).body.displayName).toBe('Company Portal');
    expect((await call('PATCH', `${APPS}/${created.body.id}`, { body: { '@odata.type': webClip['@odata.type'], displayName: 'Renamed' } })).status).toBe(204);
    // Enrollment type profiles are not derived: their PATCH needs no type.
    const profile = await call('POST', PROFILES, { body: { displayName: 'p', defaultEnrollmentType: 'device' } });
    expect((await call('PATCH', `${PROFILES}/${profile.body.id}`, { body: { displayName: 'q' } })).status).toBe(204);
  });

  // Source: Microsoft365DSC#4295 ("if we try to set to exactly the same priority then Graph will complain"); errata 7.
  it('answers setPriority to the priority an object already has with an error, and moves it otherwise', async () => {
    const { call } = harness();
    const first = await call('POST', CONFIGURATIONS, { body: restriction('first') });
    const second = await call('POST', CONFIGURATIONS, { body: restriction('second') });
    expect(second.body.priority).toBe(2);
    const same = expectGraphError(await call('POST', `${CONFIGURATIONS}/${second.body.id}/setPriority`, { body: { priority: 2 } }), 400, 'BadRequest');
    expect(JSON.parse(same.message).Message).toMatch(/is already 2; send setPriority only to change it/);
    expect((await call('POST', `${CONFIGURATIONS}/${second.body.id}/setPriority`, { body: { priority: 1 } })).status).toBe(204);
    expect((await call('GET', `${CONFIGURATIONS}/${first.body.id}`)).body.priority).toBe(2);
  });

  // Source: microsoft-graph-docs#18255 and #18268 (a PATCH with only iosRestriction answered 400 ModelValidationFailure); errata 5.
  it('refuses a partial PATCH of the tenant-default all-platform restriction and takes the whole object', async () => {
    const { call, tenant } = harness();
    const path = `${CONFIGURATIONS}/${tenant.tenantId}_DefaultPlatformRestrictions`;
    const blocked = { platformBlocked: false, personalDeviceEnrollmentBlocked: true };
    const partial = expectGraphError(
      await call('PATCH', path, { body: { '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration', iosRestriction: blocked } }),
      400,
      'ModelValidationFailure',
    );
    expect(partial.message).toMatch(/must send the whole object; missing: displayName, description, roleScopeTagIds, windowsRestriction,/);
    const { '@odata.context': _context, ...whole } = (await call('GET', path)).body;
    expect((await call('PATCH', path, { body: { ...whole, iosRestriction: blocked } })).status).toBe(204);
    expect((await call('GET', path)).body.iosRestriction.personalDeviceEnrollmentBlocked).toBe(true);
    expectUnchangedPatch(await call('PATCH', path, { body: { ...whole, iosRestriction: { ...whole.iosRestriction, ...blocked } } }));
  });

  // Source: graph-enrollment-api.md section 0.2 (beta-only types) and 2.3 (v1.0 declares five platform restrictions):
  // Intune serves its collections on v1.0 from the same service as beta, so v1.0 answers carry beta types and properties.
  it('answers Intune collections on /v1.0 with beta shapes and beta-only types', async () => {
    const { call, tenant } = harness();
    const created = await call('POST', '/v1.0/deviceManagement/deviceEnrollmentConfigurations', { body: restriction('on v1.0') });
    expect(created.status).toBe(201);
    expect(created.body['@odata.type']).toBe('#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration');
    const listed = (await call('GET', '/v1.0/deviceManagement/deviceEnrollmentConfigurations')).body.value;
    const defaults = listed.find((c: Json) => c.id === `${tenant.tenantId}_DefaultPlatformRestrictions`);
    expect(defaults).toHaveProperty('visionOSRestriction');
    expect(defaults).toHaveProperty('tvosRestriction');
    expect(defaults).toHaveProperty('deviceEnrollmentConfigurationType', 'platformRestrictions');
    expect(listed.find((c: Json) => c.id === created.body.id)).toMatchObject({ platformType: 'ios', roleScopeTagIds: ['0'] });
  });
});
