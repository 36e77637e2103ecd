import { createReferenceServer } from '../../src/server';
import { type Json, toReply } from './harness';

describe('service discovery', () => {
  const server = createReferenceServer();
  const commercial = server.createTenant({ domains: ['contoso.com', 'contoso.example'] });
  const government = server.createTenant({ domains: ['agency.example'], cloud: 'usgov' });
  const china = server.createTenant({ domains: ['cn.example'], cloud: 'china' });
  const fetchFor = async (host: string) =>
    server.app.request('http://localhost/.well-known/com.apple.remotemanagement?user-identifier=user%40contoso.com', { headers: { Host: host } });

  it('serves the discovery file of the tenant owning the Host, anonymously, as application/json', async () => {
    const response = await fetchFor('contoso.com');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      Servers: [{ Version: 'mdm-byod', BaseURL: `https://manage.microsoft.com/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${commercial.tenantId}` }],
    });
    expect((await fetchFor('CONTOSO.example:443')).status).toBe(200);
  });

  it('uses the management host of the tenant’s cloud', async () => {
    const gov: Json = await (await fetchFor('agency.example')).json();
    expect(gov.Servers[0].BaseURL).toBe(`https://manage.microsoft.us/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${government.tenantId}`);
    const cn: Json = await (await fetchFor('cn.example')).json();
    expect(cn.Servers[0].BaseURL).toBe(`https://manage.microsoft.cn/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${china.tenantId}`);
  });

  it('answers 404 for a host no tenant registered', async () => {
    const reply = await toReply(await fetchFor('unknown.example'));
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('ResourceNotFound');
  });
});
