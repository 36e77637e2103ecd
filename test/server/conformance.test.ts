import { expectGraphError, expectUnchangedPatch, harness, type Json, type Reply } from './harness';
import { KINDS } from './kinds';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

describe.each(KINDS)('$name', (kind) => {
  const { call } = harness();
  const version = kind.path.split('/')[1];
  const entitySet = kind.path.split('/').slice(2).join('/');

  async function listAll(path: string): Promise<{ pages: Reply[]; items: Json[] }> {
    const pages: Reply[] = [];
    let next: string | undefined = path;
    while (next) {
      const page = await call('GET', next);
      expect(page.status).toBe(200);
      pages.push(page);
      next = page.body['@odata.nextLink'] ? pathOf(page.body['@odata.nextLink']) : undefined;
    }
    return { pages, items: pages.flatMap((page) => page.body.value) };
  }

  it('creates, reads, pages, updates and deletes an object as Graph does', async () => {
    const created = await call('POST', kind.path, { body: kind.create('a') });
    expect(created.status).toBe(201);
    expect(created.body['@odata.context']).toBe(`https://graph.microsoft.com/${version}/$metadata#${entitySet}/$entity`);
    expect(created.body.id).toMatch(GUID);
    expect(created.body['@odata.type']).toBe(kind.odataType);
    if (kind.name !== 'user') expect(created.body.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    const id: string = created.body.id;
    await call('POST', kind.path, { body: kind.create('b') });

    const read = await call('GET', `${kind.path}/${encodeURIComponent(id)}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const { pages, items } = await listAll(`${kind.path}?$top=1`);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.every((page) => page.body.value.length <= 1)).toBe(true);
    expect(pages[0]?.body['@odata.context']).toBe(`https://graph.microsoft.com/${version}/$metadata#${entitySet}`);
    expect(pages[0]?.body['@odata.nextLink']).toMatch(/^http:\/\/localhost\/.*\$skiptoken=/);
    expect(items.map((item: Json) => item.id)).toContain(id);
    if (kind.odataType) expect(items.every((item: Json) => typeof item['@odata.type'] === 'string')).toBe(true);

    const updated = await call('PATCH', `${kind.path}/${encodeURIComponent(id)}`, { body: kind.update });
    expect(updated.status).toBe(204);
    expect(updated.body).toBeUndefined();

    const reread = await call('GET', `${kind.path}/${encodeURIComponent(id)}`);
    const [property, value] = kind.changed;
    expect(reread.body[property]).toEqual(value);
    if (kind.versioned) expect(reread.body.version).toBe(created.body.version + 1);
    if ('lastModifiedDateTime' in created.body) expect(reread.body.lastModifiedDateTime >= created.body.lastModifiedDateTime).toBe(true);

    const deleted = await call('DELETE', `${kind.path}/${encodeURIComponent(id)}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();

    const gone = await call('GET', `${kind.path}/${encodeURIComponent(id)}`);
    expectGraphError(gone, 404);
  });

  it('ignores read-only properties sent in a create body', async () => {
    const created = await call('POST', kind.path, {
      body: { ...kind.create('ro'), id: 'chosen-by-client', createdDateTime: '2001-01-01T00:00:00Z', lastModifiedDateTime: '2001-01-01T00:00:00Z' },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).not.toBe('chosen-by-client');
    expect(created.body.createdDateTime).not.toBe('2001-01-01T00:00:00Z');
  });

  it('answers a PATCH that changes nothing as its service does, and leaves the object alone', async () => {
    const created = await call('POST', kind.path, { body: kind.create('same') });
    const path = `${kind.path}/${encodeURIComponent(created.body.id)}`;
    for (const body of kind.odataType ? [{ '@odata.type': kind.odataType }, kind.create('same')] : [{}]) {
      const patched = await call('PATCH', path, { body });
      if (kind.odataType) expectUnchangedPatch(patched);
      else expect(patched.status).toBe(204);
    }
    // An empty body is refused too: as a no-op, or (derived types) for lacking '@odata.type'.
    if (kind.odataType) expect((await call('PATCH', path, { body: {} })).status).toBe(400);
    const read = await call('GET', path);
    expect(read.body).toEqual(created.body);
  });
});

describe('wire shapes', () => {
  const { call } = harness();

  it('fills complex values and omits @odata.type on non-polymorphic ones while keeping it on derived ones', async () => {
    const sso = KINDS.find((kind) => kind.name.startsWith('device features'));
    const app = KINDS.find((kind) => kind.name === 'iOS store app');
    if (!sso || !app) throw new Error('kinds missing');
    const config = await call('POST', sso.path, { body: sso.create('x') });
    expect(config.body.iosSingleSignOnExtension['@odata.type']).toBe('#microsoft.graph.iosAzureAdSingleSignOnExtension');
    expect(config.body.iosSingleSignOnExtension.configurations[1]).toEqual({ '@odata.type': '#microsoft.graph.keyBooleanValuePair', key: 'example_bool_key', value: true });
    const store = await call('POST', app.path, { body: app.create('x') });
    expect(store.body.applicableDeviceType).toEqual({ iPad: true, iPhoneAndIPod: true });
    expect(store.body.minimumSupportedOperatingSystem.v15_0).toBe(true);
    expect(store.body.minimumSupportedOperatingSystem.v8_0).toBe(false);
    expect(store.body.isAssigned).toBe(false);
    expect(store.body.uploadState).toBe(1);
    expect(store.body.publishingState).toBe('published');
  });

  it('gives admin-created restrictions Intune-style ids and types', async () => {
    const [restriction, limit] = [KINDS[1], KINDS[2]];
    if (!restriction || !limit) throw new Error('kinds missing');
    const single = await call('POST', restriction.path, { body: restriction.create('x') });
    expect(single.body.id).toMatch(/_SinglePlatformRestriction$/);
    expect(single.body.deviceEnrollmentConfigurationType).toBe('singlePlatformRestriction');
    expect(single.body.roleScopeTagIds).toEqual(['0']);
    const devices = await call('POST', limit.path, { body: limit.create('x') });
    expect(devices.body.id).toMatch(/_Limit$/);
    expect(devices.body.deviceEnrollmentConfigurationType).toBe('limit');
  });

  it('returns the default user property set unless $select asks for more', async () => {
    const user = KINDS.find((kind) => kind.name === 'user');
    if (!user) throw new Error('kind missing');
    const created = await call('POST', user.path, { body: user.create('sel') });
    expect(Object.keys(created.body)).not.toContain('accountEnabled');
    expect(Object.keys(created.body)).not.toContain('passwordProfile');
    const selected = await call('GET', `/v1.0/users/${created.body.id}?$select=accountEnabled,mailNickname`);
    expect(selected.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(accountEnabled,mailNickname)/$entity',
      accountEnabled: true,
      mailNickname: 'adelesel',
    });
  });
});
