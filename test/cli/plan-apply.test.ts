import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { PLAN_FORMAT, type Plan } from '../../src/engine';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { exampleCopy, recordingIo, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

async function run(cwd: string, argv: string[], env: Record<string, string> = {}) {
  const io = recordingIo(cwd);
  Object.assign(io.env as Record<string, string>, env);
  const code = await exec(argv, io, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

describe('enrollkit plan and apply on the embedded tenant', () => {
  const dir = exampleCopy('web-based-enrollment');

  it('plans changes with exit code 2, applies them, and then plans none with exit code 0', async () => {
    const before = await run(dir, ['plan', '--detailed-exitcode']);
    expect(before.code).toBe(2);
    expect(before.out).toMatch(/\+ enrollment type profile 'iOS web-based device enrollment'/);
    expect(before.out).toMatch(/against embedded \(\.enrollkit\/reference\.db\)/);

    const refused = await run(dir, ['apply']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/needs --auto-approve/);

    const applied = await run(dir, ['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/Apply complete: 9 writes/);

    const after = await run(dir, ['plan', '--detailed-exitcode']);
    expect(after.code).toBe(0);
    expect(after.out).toMatch(/No changes/);
  });

  it('prints the plan as JSON in the documented format and as Markdown for a pull request', async () => {
    const json = await run(dir, ['plan', '--format', 'json']);
    const [plan] = (JSON.parse(json.out) as { plans: Plan[] }).plans;
    expect(plan!.format).toBe(PLAN_FORMAT);
    expect(plan!.stack).toBe('web-based-enrollment');
    expect(plan!.findings.map((f) => f.code)).toContain('EK001');

    const markdown = await run(dir, ['plan', '--format', 'markdown']);
    expect(markdown.out).toMatch(/^### enrollkit plan: <code>web-based-enrollment<\/code>\n\n/);
    expect(markdown.out).toMatch(/\| warning \| EK001 \|/);
  });
});

describe('enrollkit plan and apply on a reference server named by the environment', () => {
  let server: StartedReferenceServer;
  let env: Record<string, string>;
  beforeEach(async () => {
    server = await startReferenceServer({ data: ':memory:' });
    env = { ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token };
  });
  afterEach(() => server.close());

  it.each(['account-driven-user-enrollment', 'restrictions'])('applies the %s example and then plans no change, never printing the token', async (example) => {
    const dir = exampleCopy(example);
    const applied = await run(dir, ['apply', '--auto-approve'], env);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(`against reference ${server.url}`);
    const after = await run(dir, ['plan', '--detailed-exitcode'], env);
    expect(after.code).toBe(0);
    expect(applied.out + applied.err + after.out + after.err).not.toContain(server.token);
  });

  it('applies a saved plan exactly, and refuses it once the tenant changed since', async () => {
    const dir = exampleCopy('web-based-enrollment');
    expect((await run(dir, ['plan', '--out', 'plan.json'], env)).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Plan;
    expect(saved.steps.length).toBe(9);
    const applied = await run(dir, ['apply', 'plan.json'], env);
    expect(applied.code).toBe(0);

    const profiles = await fetch(`${server.url}/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles`, { headers: { authorization: `Bearer ${server.token}` } });
    const profile = ((await profiles.json()) as { value: { id: string }[] }).value[0]!;
    const patch = (defaultEnrollmentType: string) =>
      fetch(`${server.url}/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles/${profile.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ '@odata.type': '#microsoft.graph.appleUserInitiatedEnrollmentProfile', defaultEnrollmentType }),
      });
    expect((await patch('device')).status).toBe(204);
    expect((await run(dir, ['plan', '--out', 'drift.json'], env)).code).toBe(0);
    expect((await patch('user')).status).toBe(204);
    const stale = await run(dir, ['apply', 'drift.json'], env);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/the tenant changed since the plan was made/);

    expect((await run(dir, ['plan', '--out', 'drift.json'], env)).code).toBe(0);
    expect((await run(dir, ['apply', 'drift.json'], env)).code).toBe(0);
    expect((await run(dir, ['plan', '--detailed-exitcode'], env)).code).toBe(0);
  });

  it('refuses a saved plan once an object with a planned name appeared, or on another tenant, naming both tenants', async () => {
    const dir = exampleCopy('web-based-enrollment');
    expect((await run(dir, ['plan', '--out', 'plan.json'], env)).code).toBe(0);
    const elsewhere = await run(dir, ['apply', 'plan.json']);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain(`the plan in 'plan.json' (stack web-based-enrollment) belongs to tenant '${server.displayName}', but the credentials open tenant 'Reference tenant `);

    const made = await fetch(`${server.url}/beta/deviceAppManagement/mobileApps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Company Portal', appUrl: 'https://portal.manage.microsoft.com' }),
    });
    expect(made.status).toBe(201);
    const stale = await run(dir, ['apply', 'plan.json'], env);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/the tenant changed since the plan was made \(names:webClip\)/);
  });
});

describe('enrollkit destroy on the embedded tenant', () => {
  const dir = exampleCopy('web-based-enrollment');

  it('asks for --auto-approve without a terminal, deletes what the stack owns, and names the groups it created and keeps', async () => {
    expect((await run(dir, ['apply', '--auto-approve'])).code).toBe(0);

    const refused = await run(dir, ['destroy']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('needs --auto-approve when no terminal can confirm it (the plan above lists every deletion; run enrollkit destroy --auto-approve once it is right)');
    expect(refused.err).not.toContain('plan --out');

    const destroyed = await run(dir, ['destroy', '--auto-approve']);
    expect(destroyed.code).toBe(0);
    expect(destroyed.out).toMatch(/Kept 1 Entra group that stack web-based-enrollment created: 'iOS BYOD users' \([0-9a-f-]+\)\. Destroy never deletes groups/);
  });
});
