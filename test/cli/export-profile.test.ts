import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCommand } from '../../src/cli/commands/apply';
import { exportProfileCommand } from '../../src/cli/commands/export-profile';
import { exec } from '../../src/cli/program';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { appDir, CDKTF_JSON, recordingIo, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

let server: StartedReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ data: ':memory:' });
});
afterAll(() => server.close());

const MAIN = `import { AdeAuthentication, App, AppleConfiguratorProfile, EnrollmentStack } from 'enrollkit';

const app = new App();
const stack = new EnrollmentStack(app, 'configurator');
new AppleConfiguratorProfile(stack, 'Warehouse', { displayName: 'Warehouse scanners', userAffinity: false });
new AppleConfiguratorProfile(stack, 'Loaners', { displayName: 'Loaner iPads', userAffinity: true, authentication: AdeAuthentication.COMPANY_PORTAL });
app.synth();
`;

async function run(cwd: string, argv: string[]) {
  const io = recordingIo(cwd);
  Object.assign(io.env as Record<string, string>, { ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token });
  const code = await exec(argv, io, [applyCommand, exportProfileCommand]);
  return { code, out: io.out(), err: io.err() };
}

describe('enrollkit export-profile', () => {
  let dir: string;
  beforeAll(() => {
    dir = appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': MAIN });
  });

  it('refuses a profile the tenant does not have yet, saying to apply first', async () => {
    const result = await run(dir, ['export-profile', '--profile', 'Warehouse', '--out', 'early.mobileconfig']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('configurator/Warehouse ("Warehouse scanners") is not in the tenant yet');
    expect(result.err).toContain('Fix: run enrollkit apply --stack configurator first');
  }, 120_000);

  it("writes the applied profile's mobileconfig from exportMobileConfig and reports the resolved path", async () => {
    expect((await run(dir, ['apply', '--auto-approve'])).code).toBe(0);
    const result = await run(dir, ['export-profile', '--profile', 'configurator/Warehouse', '--out', 'warehouse.mobileconfig']);
    expect(result.code).toBe(0);
    const written = join(dir, 'warehouse.mobileconfig');
    expect(result.out).toMatch(new RegExp(`^Wrote ${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the enrollment profile for Apple Configurator direct enrollment of configurator/Warehouse \\("Warehouse scanners"\\), \\d+ bytes\\.\\n$`));
    const plist = readFileSync(written, 'utf8');
    expect(plist).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist/);
    expect(plist).toContain('<key>PayloadDisplayName</key><string>Warehouse scanners</string>');
    expect(plist).toMatch(/<key>ServerURL<\/key><string>https:\/\/appleconfigurator2\.manage\.microsoft\.com\/EnrollmentServer\/MDMServiceConfig\?id=[0-9a-f-]{36}&amp;AADTenantId=/);
  }, 120_000);

  it('refuses to overwrite a file without --force, and overwrites it with --force', async () => {
    const target = join(dir, 'existing.mobileconfig');
    writeFileSync(target, 'keep me');
    const refused = await run(dir, ['export-profile', '--profile', 'Warehouse scanners', '--out', 'existing.mobileconfig']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${target} exists already. Fix: choose another --out, or pass --force to overwrite it`);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const forced = await run(dir, ['export-profile', '--profile', 'Warehouse scanners', '--out', 'existing.mobileconfig', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('<plist version="1.0">');
  }, 120_000);

  it('refuses a profile with user affinity and a name the stack does not declare, each with the fix', async () => {
    const affinity = await run(dir, ['export-profile', '--profile', 'Loaners', '--out', 'loaners.mobileconfig']);
    expect(affinity.code).toBe(1);
    expect(affinity.err).toContain('configurator/Loaners ("Loaner iPads") has no enrollment profile for Apple Configurator direct enrollment: it enrolls with user affinity');
    expect(affinity.err).toContain('Fix: export a profile declared with userAffinity: false');
    const unknown = await run(dir, ['export-profile', '--profile', 'Kiosks', '--out', 'kiosks.mobileconfig']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("stack 'configurator' has no profile 'Kiosks'. Fix: name it by construct path, logical ID or display name; exportable: configurator/Warehouse (\"Warehouse scanners\"), configurator/Loaners (\"Loaner iPads\")");
  }, 120_000);
});
