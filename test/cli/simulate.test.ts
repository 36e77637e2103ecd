import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import type { CliIo } from '../../src/cli/io';
import { exec, type CommandFactory } from '../../src/cli/program';
import type { EnrollmentResolution } from '../../src/rules';
import { applyPlan, planStack } from '../../src/engine';
import { webBasedStack } from '../_fixtures/stacks';
import { startReferenceTenant } from '../_helpers/reference-tenant';

const ROOT = path.resolve(__dirname, '../..');
const SCRATCH: string[] = [];

afterAll(() => {
  for (const dir of SCRATCH) fs.rmSync(dir, { recursive: true, force: true });
});
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const BYOD_GROUP = 'iOS BYOD users';

/** A scratch directory whose cdktf.json runs the web-based example. */
function webBasedApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-simulate-'));
  SCRATCH.push(dir);
  const main = path.join(ROOT, 'examples/web-based-enrollment/main.ts');
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ app: `${TSX} --tsconfig ${path.join(ROOT, 'tsconfig.json')} ${main}`, output: 'cdktf.out' }));
  return dir;
}

async function run(
  argv: string[],
  cwd = process.cwd(),
  commands: readonly CommandFactory[] = COMMANDS,
  env: CliIo['env'] = process.env,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, env, cwd };
  const code = await exec(argv, io, commands);
  return { code, out, err };
}

describe('enrollkit simulate', () => {
  const app = webBasedApp();

  it('shows the Company Portal fallback for iOS 14.8 on the web-based example', async () => {
    const { code, out } = await run(['simulate', '--source', 'desired', '--groups', BYOD_GROUP, '--os', '14.8', '--format', 'json'], app);
    expect(code).toBe(0);
    const result = JSON.parse(out) as EnrollmentResolution;
    expect(result.outcome).toBe('enrolled');
    expect(result.enrollmentType).toMatchObject({ chosen: 'webDeviceEnrollment', effective: 'device', fellBack: true });
    expect(result.enrollsIn).toEqual(['Company Portal app', 'Safari', 'Settings']);
    expect(result.warnings.map((w) => w.rule)).toContain('EK001');
  });

  it('shows web-based enrollment for iOS 17.2 on the web-based example, step by step in text', async () => {
    const { code, out } = await run(['simulate', '--groups', BYOD_GROUP, '--os', '17.2'], app);
    expect(code).toBe(0);
    expect(out).toContain('2. Enrollment type profile: "iOS web-based device enrollment" (priority 1, group "iOS BYOD users")');
    expect(out).toContain('3. Enrollment type: web-based device enrollment');
    expect(out).toContain('4. JIT registration: yes');
    expect(out).toContain('   Required apps: Microsoft Authenticator (com.microsoft.azureauthenticator)');
    expect(out).toContain('5. Enrolls in: Safari, Settings');
    expect(out).toContain('Outcome: enrolled');
  });

  it('reports no profile for a user outside the example\'s group, noting that nothing targets the group named', async () => {
    const { out, err } = await run(['simulate', '--groups', 'Sales', '--os', '17.2', '--format', 'json'], app);
    expect((JSON.parse(out) as EnrollmentResolution).outcome).toBe('noProfile');
    expect(err).toContain('Note: no object of the state is assigned to group "Sales". Fix: check the spelling; the groups its objects target are "iOS BYOD users"');
  });

  it("reads the tenant, the user's groups and enrolled devices from a reference server", async () => {
    const tenant = await startReferenceTenant();
    try {
      const { plan } = await planStack(tenant.backend, webBasedStack());
      expect((await applyPlan(tenant.backend, plan)).ok).toBe(true);
      const graph = (method: string, url: string, body?: unknown) =>
        fetch(`${tenant.server.url}${url}`, {
          method,
          headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }).then(async (r) => (r.status === 204 ? {} : ((await r.json()) as Record<string, unknown>)));
      const user = await graph('POST', '/v1.0/users', { accountEnabled: true, displayName: 'Adele', mailNickname: 'adele', userPrincipalName: 'adele@contoso.com', passwordProfile: { password: 'Pa55word!x' } });
      const groups = (await graph('GET', `/v1.0/groups?$filter=displayName eq '${BYOD_GROUP}'`)).value as { id: string }[];
      await graph('POST', `/v1.0/groups/${groups[0]!.id}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${String(user.id)}` });
      await graph('POST', '/_enrollkit/simulate', { user: 'adele@contoso.com', os: '17.2', device: 'iphone', ownership: 'personal', record: true });

      const env = { ...process.env, ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: tenant.server.url, ENROLLKIT_TOKEN: tenant.server.token };
      const { code, out, err } = await run(['simulate', '--source', 'actual', '--user', 'adele@contoso.com', '--os', '16.1', '--format', 'json'], process.cwd(), COMMANDS, env);
      expect(err).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(out) as EnrollmentResolution;
      expect(result.request).toMatchObject({ memberOf: [BYOD_GROUP], enrolledDevices: 1 });
      expect(result.profile?.name).toBe('iOS web-based device enrollment');
      expect(result.outcome).toBe('enrolled');
    } finally {
      await tenant.close();
    }
  });

  it.each([
    [['--groups', 'A', '--os', 'latest'], '--os expects an iOS/iPadOS version such as 17.2 or 14.8 (got "latest")'],
    [['--os', '17.2'], 'give exactly one'],
    [['--groups', 'A', '--user', 'adele@contoso.com', '--os', '17.2'], 'give exactly one'],
    [['--groups', 'A', '--os', '17.2', '--enrolled-devices', 'two'], '--enrolled-devices expects a whole number (got "two")'],
  ])('rejects %j', async (args, message) => {
    const { code, err } = await run(['simulate', ...args]);
    expect(code).toBe(1);
    expect(err).toContain(message);
  });
});
