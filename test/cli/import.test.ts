import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCommand } from '../../src/cli/commands/apply';
import { importCommand } from '../../src/cli/commands/import';
import { planCommand } from '../../src/cli/commands/plan';
import { referenceCli } from '../_helpers/reference-cli';
import { appDir, CDKTF_JSON, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

const cli = referenceCli([importCommand, planCommand, applyCommand]);
const run = (cwd: string, argv: string[]) => cli.run(cwd, argv);

async function post(path: string, body: Record<string, unknown>, version = 'beta'): Promise<string> {
  const response = await fetch(`${cli.server.url}/${version}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cli.server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${text}`);
  return text ? String((JSON.parse(text) as { id?: unknown }).id) : '';
}

async function profile(displayName: string, groupId?: string): Promise<void> {
  const path = '/deviceManagement/appleUserInitiatedEnrollmentProfiles';
  const id = await post(path, { '@odata.type': '#microsoft.graph.appleUserInitiatedEnrollmentProfile', displayName, platform: 'iOS', defaultEnrollmentType: 'webDeviceEnrollment' });
  if (groupId) {
    await post(`${path}/${id}/assignments`, {
      '@odata.type': '#microsoft.graph.appleEnrollmentProfileAssignment',
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
    });
  }
}

describe('enrollkit import', () => {
  it('writes the app, prints what it imported, what it left out and why, and the next steps', async () => {
    const users = await post('/groups', { displayName: 'iOS BYOD users', mailEnabled: false, mailNickname: 'byod', securityEnabled: true, groupTypes: [] }, 'v1.0');
    await profile('iOS web-based enrollment', users);
    await profile('Nobody');
    const dir = appDir({ 'cdktf.json': CDKTF_JSON });

    const imported = await run(dir, ['import', '--out', 'main.ts']);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out.startsWith(`Wrote ${join(dir, 'main.ts')}: stack 'imported' with 1 object of reference http`)).toBe(true);
    expect(imported.out).toContain('  1 enrollment type profile\n  1 Entra group (referenced by display name)');
    expect(imported.out).toMatch(/Not imported \(1\):\n {2}- enrollment type profile 'Nobody' \(id [^)]+\): it has no assignments.*Fix: /);
    expect(imported.out).toContain('"app":"npx tsx main.ts"');
    expect(imported.out).toMatch(/enrollkit plan --adopt[\s\S]*enrollkit apply --adopt/);
    const code = readFileSync(join(dir, 'main.ts'), 'utf8');
    expect(code).toContain("const stack = new EnrollmentStack(app, 'imported');");
    expect(code).toContain("new EnrollmentTypeProfile(stack, 'IosWebBasedEnrollment', {");

    const plan = await run(dir, ['plan', '--adopt', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain("iOS web-based enrollment");
    expect((await run(dir, ['apply', '--adopt', '--auto-approve'])).code).toBe(0);
    expect((await run(dir, ['plan', '--detailed-exitcode'])).code).toBe(0);
  }, 120_000);

  it('refuses to overwrite a file unless --force is given', async () => {
    const dir = appDir({ 'main.ts': '// mine\n' });
    const refused = await run(dir, ['import', '--out', 'main.ts']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`Error: ${join(dir, 'main.ts')} exists already. Fix: choose another --out, or add --force to overwrite it\n`);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('// mine\n');

    const forced = await run(dir, ['import', '--out', 'main.ts', '--force', '--stack', 'contoso-ios']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toContain("new EnrollmentStack(app, 'contoso-ios')");
  });

  it('names the stack it would empty when that stack already owns objects and --all is not given', async () => {
    const users = await post('/groups', { displayName: 'iOS BYOD users', mailEnabled: false, mailNickname: 'byod', securityEnabled: true, groupTypes: [] }, 'v1.0');
    await profile('iOS web-based enrollment', users);
    const dir = appDir({ 'cdktf.json': CDKTF_JSON });
    await run(dir, ['import', '--out', 'main.ts']);
    await run(dir, ['apply', '--adopt', '--auto-approve']);

    const again = await run(dir, ['import', '--out', 'again.ts']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/stack "imported" already owns 1 object in the tenant \("iOS web-based enrollment"\).*Fix: .*--all/);
    expect(existsSync(join(dir, 'again.ts'))).toBe(false);
    expect((await run(dir, ['import', '--out', 'again.ts', '--all'])).code).toBe(0);
    expect(readFileSync(join(dir, 'again.ts'), 'utf8')).toBe(readFileSync(join(dir, 'main.ts'), 'utf8'));
  }, 120_000);
});
