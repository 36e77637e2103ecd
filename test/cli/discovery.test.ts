import { discoveryCommand } from '../../src/cli/commands/discovery';
import type { CliIo } from '../../src/cli/io';
import { exec } from '../../src/cli/program';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, env: {}, cwd: process.cwd() };
  const code = await exec(argv, io, [discoveryCommand]);
  return { code, out, err };
}

describe('enrollkit discovery', () => {
  it.each([
    ['public', 'https://manage.microsoft.com/'],
    ['usgov', 'https://manage.microsoft.us/'],
    ['china', 'https://manage.microsoft.cn/'],
  ])('prints the service discovery file of the %s cloud with the tenant ID in its BaseURL', async (cloud, host) => {
    const { code, out } = await run(['discovery', '--tenant-id', TENANT, '--cloud', cloud]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ Servers: [{ Version: 'mdm-byod', BaseURL: `${host}EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${TENANT}` }] });
  });

  it('prints the exact compact JSON of EK011 for the public cloud by default', async () => {
    const { out } = await run(['discovery', '--tenant-id', TENANT]);
    expect(out).toBe(`{"Servers":[{"Version":"mdm-byod","BaseURL":"https://manage.microsoft.com/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${TENANT}"}]}\n`);
  });

  it('rejects a tenant ID that is not a GUID, quoting it', async () => {
    const { code, out, err } = await run(['discovery', '--tenant-id', 'contoso.onmicrosoft.com']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('--tenant-id expects the GUID of a Microsoft Entra tenant (got "contoso.onmicrosoft.com")');
  });

  it('rejects an unknown cloud', async () => {
    const { code, err } = await run(['discovery', '--tenant-id', TENANT, '--cloud', 'germany']);
    expect(code).toBe(1);
    expect(err).toContain("Allowed choices are public, usgov, china");
  });
});
