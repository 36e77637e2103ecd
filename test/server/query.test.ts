import { expectGraphError, harness, type Json } from './harness';

const APPS = '/beta/deviceAppManagement/mobileApps';
const CONFIGS = '/beta/deviceManagement/deviceEnrollmentConfigurations';

async function appHarness() {
  const h = harness();
  await h.call('POST', APPS, { body: { '@odata.type': '#microsoft.graph.iosStoreApp', displayName: 'Microsoft Authenticator', bundleId: 'com.microsoft.azureauthenticator' } });
  await h.call('POST', APPS, { body: { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Company Portal', appUrl: 'https://portal.manage.microsoft.com' } });
  await h.call('POST', APPS, { body: { '@odata.type': '#microsoft.graph.webApp', displayName: 'Benefits', appUrl: 'https://benefits.contoso.com' } });
  const names = async (query: string) => (await h.call('GET', `${APPS}?${query}`)).body.value.map((app: Json) => app.displayName);
  return { ...h, names };
}

describe('query options', () => {
  it('filters a polymorphic collection with isof, or, and, not and startswith', async () => {
    const { names } = await appHarness();
    const q = (filter: string) => `$filter=${encodeURIComponent(filter)}`;
    expect(await names(q("isof('microsoft.graph.iosStoreApp')"))).toEqual(['Microsoft Authenticator']);
    expect(await names(q("isof('microsoft.graph.iosStoreApp') or isof('microsoft.graph.webApp')"))).toEqual(['Microsoft Authenticator', 'Benefits']);
    expect(await names(q("isof('microsoft.graph.mobileApp') and startswith(displayName,'comp')"))).toEqual(['Company Portal']);
    // A new tenant holds the Company Portal VPP app its VPP token synced.
    expect(await names(q("not isof('microsoft.graph.webApp') and (isAssigned eq false)"))).toEqual(['Microsoft Intune Company Portal', 'Microsoft Authenticator', 'Company Portal']);
    expect(await names(q("isof('microsoft.graph.windowsStoreApp')"))).toEqual([]);
    expect(await names(q("(microsoft.graph.managedApp/appAvailability eq null or isAssigned eq false) and bundleId eq 'com.microsoft.azureauthenticator'"))).toEqual([
      'Microsoft Authenticator',
    ]);
  });

  it('filters enum values regardless of case, as public Intune scripts send them', async () => {
    const { call } = harness();
    const reply = await call('GET', `${CONFIGS}?$filter=${encodeURIComponent("deviceEnrollmentConfigurationType eq 'Limit'")}`);
    expect(reply.body.value).toHaveLength(1);
  });

  it('orders by displayName ascending and descending', async () => {
    const { names } = await appHarness();
    expect(await names('$orderby=displayName')).toEqual(['Benefits', 'Company Portal', 'Microsoft Authenticator', 'Microsoft Intune Company Portal']);
    expect(await names('$orderby=displayName desc')).toEqual(['Microsoft Intune Company Portal', 'Microsoft Authenticator', 'Company Portal', 'Benefits']);
  });

  it('selects properties and still types every element of a polymorphic collection', async () => {
    const { call } = await appHarness();
    const reply = await call('GET', `${APPS}?$select=id,displayName&$top=2`);
    expect(reply.body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#deviceAppManagement/mobileApps(id,displayName)');
    expect(reply.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.iosVppApp', id: expect.any(String), displayName: 'Microsoft Intune Company Portal' },
      { '@odata.type': '#microsoft.graph.iosStoreApp', id: expect.any(String), displayName: 'Microsoft Authenticator' },
    ]);
  });

  it('accepts query options without the $ prefix on beta only', async () => {
    const { call, names } = await appHarness();
    expect(await names('filter=' + encodeURIComponent("isof('microsoft.graph.webApp')"))).toEqual(['Benefits']);
    const v1 = await call('GET', `/v1.0/deviceAppManagement/mobileApps?filter=${encodeURIComponent("isof('microsoft.graph.webApp')")}`);
    expect(v1.body.value).toHaveLength(4);
  });

  it('counts on the first page and keeps the query in nextLink', async () => {
    const { call } = await appHarness();
    const first = await call('GET', `${APPS}?$count=true&$top=2&$orderby=displayName&$select=displayName`);
    expect(first.body['@odata.count']).toBe(4);
    const next = new URL(first.body['@odata.nextLink']);
    expect(next.searchParams.get('$orderby')).toBe('displayName');
    const second = await call('GET', `${next.pathname}${next.search}`);
    expect(second.body.value.map((app: Json) => app.displayName)).toEqual(['Microsoft Authenticator', 'Microsoft Intune Company Portal']);
    expect(second.body['@odata.count']).toBeUndefined();
  });

  it('expands assignments on list and get, with a nested $select', async () => {
    const { call } = await appHarness();
    const apps = (await call('GET', APPS)).body.value;
    await call('POST', `${APPS}/${apps[0].id}/assign`, {
      body: { mobileAppAssignments: [{ intent: 'required', target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } }] },
    });
    const list = await call('GET', `${APPS}?$expand=assignments($select=id,intent)`);
    expect(list.body.value[0].assignments).toEqual([{ id: expect.any(String), intent: 'required' }]);
    expect(list.body.value[1].assignments).toEqual([]);
    const one = await call('GET', `${APPS}/${apps[0].id}?$expand=assignments`);
    expect(one.body.assignments[0].target['@odata.type']).toBe('#microsoft.graph.allLicensedUsersAssignmentTarget');
  });

  it.each([
    ['an unknown property in $select', '$select=nope'],
    ['an unknown property in $filter', `$filter=${encodeURIComponent("nope eq 'x'")}`],
    ['an unknown property in $orderby', '$orderby=nope'],
    ['a malformed $filter', `$filter=${encodeURIComponent("displayName eq 'open")}`],
    ['an unknown function', `$filter=${encodeURIComponent("frobnicate(displayName)")}`],
    ['a non-numeric $top', '$top=many'],
    ['an invalid $skiptoken', '$skiptoken=garbage'],
    ['an unsupported $search', '$search=x'],
    ['an expand of something other than assignments', '$expand=categories'],
  ])('rejects %s with 400', async (_label, query) => {
    const { call } = await appHarness();
    expectGraphError(await call('GET', `${APPS}?${query}`), 400, 'BadRequest');
  });
});
