import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import type { CliIo } from '../../src/cli/io';
import { exec, type CommandSource } from '../../src/cli/program';
import type { CorporateEnrollmentResolution, EnrollmentResolution } from '../../src/rules';
import { applyPlan, planStack } from '../../src/engine';
import { webBasedStack } from '../_fixtures/stacks';
import { exampleManifest } from '../_helpers/example-manifests';
import { startReferenceTenant } from '../_helpers/reference-tenant';
import { exampleCopy, removeAppDirs } from '../_helpers/synth-app';

const ROOT = path.resolve(__dirname, '../..');
const SCRATCH: string[] = [];

afterAll(() => {
  for (const dir of SCRATCH) fs.rmSync(dir, { recursive: true, force: true });
  removeAppDirs();
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
  commands: readonly CommandSource[] = COMMANDS,
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

describe('enrollkit simulate for an organization-owned device', () => {
  const ade = exampleCopy('automated-device-enrollment');

  it('gives an assigned serial number its ADE profile of the example: Company Portal through VPP, supervised, locked, step by step', async () => {
    const { code, out } = await run(['simulate', '--serial', 'DMPXK0A1JF8J', '--format', 'json'], ade);
    expect(code).toBe(0);
    const result = JSON.parse(out) as CorporateEnrollmentResolution;
    expect(result).toMatchObject({
      outcome: 'enrolled',
      profile: { name: 'ADE: knowledge workers', kind: 'ade', token: 'Contoso ABM', selectedBy: 'assigned' },
      userAffinity: { enabled: true },
      authentication: { method: 'companyPortal', modern: true },
      companyPortal: { install: 'vpp', vppToken: 'Contoso VPP' },
      supervised: { enabled: true },
      lockedEnrollment: { enabled: true },
      sharedIPad: { enabled: false },
    });
    expect(result.userSteps[0]).toContain('without the panes Siri, Apple Pay, Screen Time, Move from Android');
  }, 120_000);

  it('prints the kiosk profile in text, and the token default for a serial number the example does not assign', async () => {
    const kiosk = await run(['simulate', '--serial', 'F9FXQ1B1HG7K', '--device', 'ipad'], ade);
    expect(kiosk.out).toContain('2. Enrollment profile: "ADE: shared kiosks" (ADE, automated-device-enrollment/SharedKiosks): assigned to F9FXQ1B1HG7K');
    expect(kiosk.out).toContain('3. User affinity: no');
    expect(kiosk.out).toContain('5. Company Portal: not installed');
    expect(kiosk.out).toContain('7. What the user sees:\n   1. The device is turned on and Apple Setup Assistant runs');
    expect(kiosk.out).toContain('Outcome: enrolled: enrolls through "ADE: shared kiosks" (ADE, token "Contoso ABM") without user affinity');
    const unassigned = await run(['simulate', '--device-kind', 'ade'], ade);
    expect(unassigned.out).toContain('the default profile of ADE token "Contoso ABM" applies');
  }, 120_000);

  it('refuses a device enrollment manager account, with the reason, and exits 0', async () => {
    const { code, out } = await run(['simulate', '--serial', 'DMPXK0A2JF8J', '--dem'], ade);
    expect(code).toBe(0);
    expect(out).toContain('Refused:\n  - EK022: the device enrollment manager (DEM) account is not supported with ADE (003)');
    expect(out).toContain('Outcome: refused');
  }, 120_000);

  it("reads a tenant's profiles and synced serial numbers from a reference server: assigned, token default, unknown", async () => {
    const tenant = await startReferenceTenant();
    try {
      const { plan } = await planStack(tenant.backend, await exampleManifest('automated-device-enrollment'));
      expect((await applyPlan(tenant.backend, plan)).ok).toBe(true);
      const env = { ...process.env, ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: tenant.server.url, ENROLLKIT_TOKEN: tenant.server.token };
      const simulate = async (...args: string[]) => {
        const { code, out, err } = await run(['simulate', '--source', 'actual', ...args, '--format', 'json'], process.cwd(), COMMANDS, env);
        expect([code, err]).toEqual([0, '']);
        return JSON.parse(out) as CorporateEnrollmentResolution;
      };
      expect((await simulate('--serial', 'F9FXQ1B1HG7K')).profile).toMatchObject({ name: 'ADE: shared kiosks', selectedBy: 'assigned' });
      const byDefault = await simulate('--serial', 'DMPXK0A5JF8J');
      expect(byDefault.device.reason).toBe('DMPXK0A5JF8J is a device of ADE token "Contoso ABM" in the tenant');
      expect(byDefault.profile).toMatchObject({ name: 'ADE: knowledge workers', selectedBy: 'tokenDefault' });
      expect(await simulate('--serial', 'C02ZZ9ZZZZ99')).toMatchObject({ outcome: 'unknownDevice' });
    } finally {
      await tenant.close();
    }
  }, 120_000);

  it("reads a tenant's Apple Configurator profile and imported serial numbers: assigned, and none for an unassigned one", async () => {
    const tenant = await startReferenceTenant();
    try {
      const graph = async (method: string, url: string, body?: unknown) => {
        const response = await fetch(`${tenant.server.url}/beta${url}`, {
          method,
          headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
      };
      const account = String((await graph('GET', '/deviceManagement')).intuneAccountId);
      const devices = ['C39XQ1A1N72J', 'C39XQ1A2N72J'].map((serialNumber) => ({ '@odata.type': '#microsoft.graph.importedAppleDeviceIdentity', serialNumber, platform: 'ios', discoverySource: 'adminImport' }));
      await graph('POST', `/deviceManagement/depOnboardingSettings/${account}/importedAppleDeviceIdentities/importAppleDeviceIdentityList`, { importedAppleDeviceIdentities: devices, overwriteImportedDeviceIdentities: false });
      const profile = await graph('POST', `/deviceManagement/depOnboardingSettings/${account}/enrollmentProfiles`, {
        '@odata.type': '#microsoft.graph.enrollmentProfile',
        displayName: 'Warehouse iPads',
        requiresUserAuthentication: true,
        enableAuthenticationViaCompanyPortal: false,
        requireCompanyPortalOnSetupAssistantEnrolledDevices: true,
      });
      await graph('POST', `/deviceManagement/depOnboardingSettings/${account}/enrollmentProfiles/${String(profile.id)}/updateDeviceProfileAssignment`, { deviceIds: ['C39XQ1A1N72J'] });
      const env = { ...process.env, ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: tenant.server.url, ENROLLKIT_TOKEN: tenant.server.token };
      const simulate = async (serial: string) => JSON.parse((await run(['simulate', '--source', 'actual', '--serial', serial, '--device', 'ipad', '--format', 'json'], process.cwd(), COMMANDS, env)).out) as CorporateEnrollmentResolution;
      expect(await simulate('C39XQ1A1N72J')).toMatchObject({
        outcome: 'enrolled',
        profile: { name: 'Warehouse iPads', kind: 'configurator', selectedBy: 'assigned' },
        authentication: { method: 'setupAssistant' },
        companyPortal: { install: 'appStore' },
      });
      expect(await simulate('C39XQ1A2N72J')).toMatchObject({ outcome: 'noProfile', device: { kind: 'configurator', reason: 'C39XQ1A2N72J is a device of Apple Configurator in the tenant' } });
    } finally {
      await tenant.close();
    }
  }, 120_000);

  it.each([
    [['--serial', 'DMPXK0A1JF8J', '--os', '17.2'], '--os applies to user-initiated enrollment, not to a corporate device'],
    [['--serial', 'not a serial'], '--serial expects an Apple serial number such as DMPXK0A1JF8J (got "not a serial")'],
    [['--groups', 'A', '--os', '17.2', '--ade-token', 'Contoso ABM'], '--ade-token applies to a corporate device. Fix: add --serial S or --device-kind ade|configurator'],
    [['--device-kind', 'ade', '--groups', 'A', '--user', 'adele@contoso.com'], 'not both'],
  ])('rejects %j', async (args, message) => {
    const { code, err } = await run(['simulate', ...args]);
    expect(code).toBe(1);
    expect(err).toContain(message);
  });
});
