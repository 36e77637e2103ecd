import { ValidationError } from '../../src/model';
import { SERVICE_DISCOVERY_PATH, serviceDiscovery, serviceDiscoveryProblems } from '../../src/rules';

const TENANT = '3f0e5c4a-9d61-4c3b-8a55-0c1b2d3e4f50';

describe('serviceDiscovery', () => {
  it('is served from /.well-known/com.apple.remotemanagement', () => {
    expect(SERVICE_DISCOVERY_PATH).toBe('/.well-known/com.apple.remotemanagement');
  });

  it('puts the tenant ID in the BaseURL of the cloud (004)', () => {
    expect(serviceDiscovery(TENANT, 'usgov').Servers[0].BaseURL).toBe(`https://manage.microsoft.us/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${TENANT}`);
  });

  it('throws a ValidationError citing EK011 for a tenant ID that is not a GUID', () => {
    expect(() => serviceDiscovery('contoso.com')).toThrow(ValidationError);
    try {
      serviceDiscovery('contoso.com');
    } catch (error) {
      expect((error as ValidationError).issues[0]).toMatchObject({ rule: 'EK011', field: 'tenantId', value: 'contoso.com' });
    }
  });
});

describe('serviceDiscoveryProblems', () => {
  it('accepts what serviceDiscovery generates, for each cloud', () => {
    for (const cloud of ['public', 'usgov', 'china'] as const) {
      expect(serviceDiscoveryProblems(JSON.stringify(serviceDiscovery(TENANT, cloud)), TENANT)).toEqual([]);
    }
  });

  it.each([
    ['not JSON', '<html>', 'the file is not JSON'],
    ['no servers', '{}', 'the file has no "Servers" array'],
    ['a wrong version', `{"Servers":[{"Version":"mdm","BaseURL":"https://manage.microsoft.com/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${TENANT}"}]}`, 'Servers[0].Version is "mdm", not "mdm-byod"'],
    ['another MDM', '{"Servers":[{"Version":"mdm-byod","BaseURL":"https://mdm.example.com/enroll"}]}', 'is not an Intune enrollment URL'],
    ['a placeholder tenant', '{"Servers":[{"Version":"mdm-byod","BaseURL":"https://manage.microsoft.com/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=YourAADTenantID"}]}', 'is not a GUID'],
  ])('reports %s', (_name, body, problem) => {
    expect(serviceDiscoveryProblems(body).join('; ')).toContain(problem);
  });

  it('reports another tenant when the tenant ID is given', () => {
    const other = JSON.stringify(serviceDiscovery('00000000-0000-0000-0000-000000000001'));
    expect(serviceDiscoveryProblems(other, TENANT)).toEqual([`BaseURL names tenant 00000000-0000-0000-0000-000000000001, not ${TENANT}`]);
  });
});
