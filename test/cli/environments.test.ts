import { existsSync, readFileSync } from 'node:fs';
import { GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { join } from 'node:path';
import { environmentVariables } from '../../src/cli/environments';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { acquireStackLock, readStackLocks, type Plan } from '../../src/engine';
import { App, EnrollmentStack, ValidationError } from '../../src';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { exampleCopy, recordingIo, removeAppDirs } from '../_helpers/synth-app';
import { census } from '../_helpers/tenant-census';

/** The tenants examples/multi-environment/cdktf.json names. */
const DEV_TENANT = '5f0d7c3e-0d1a-4c6e-9a51-2f4b8e6d0001';
const PROD_TENANT = '5f0d7c3e-0d1a-4c6e-9a51-2f4b8e6d0002';

let dev: StartedReferenceServer;
let prod: StartedReferenceServer;
beforeEach(async () => {
  dev = await startReferenceServer({ data: ':memory:', tenantId: DEV_TENANT, displayName: 'Contoso Development' });
  prod = await startReferenceServer({ data: ':memory:', tenantId: PROD_TENANT, displayName: 'Contoso' });
});
afterEach(async () => {
  await dev.close();
  await prod.close();
});
afterAll(removeAppDirs);

/** Runs a command with only the given variables of backends and credentials (none of the machine's). */
async function run(cwd: string, argv: string[], env: Record<string, string>) {
  const io = recordingIo(cwd);
  const vars = io.env as Record<string, string | undefined>;
  for (const name of Object.keys(vars)) if (/^(CI|GITHUB_ACTIONS|ENROLLKIT_.*|AZURE_.*|DEV_.*|PROD_.*)$/.test(name)) delete vars[name];
  Object.assign(vars, env);
  const code = await exec(argv, io, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

const credentialsOf = (prefix: string, server: StartedReferenceServer) => ({ [`${prefix}ENROLLKIT_URL`]: server.url, [`${prefix}ENROLLKIT_TOKEN`]: server.token });

/** What a tenant holds, by display name: device limits, platform restrictions and groups. */
async function names(server: StartedReferenceServer): Promise<string[]> {
  const { objects, groups } = await census(server);
  // The stack's own objects; the inventory enrollkit keeps of a stack is left out.
  const own = objects.filter((o) => typeof o.description === 'string' && o.description.includes('enrollkit') && !String(o.displayName).startsWith('enrollkit inventory:'));
  return [...own.map((o) => String(o.displayName)), ...groups.map((g) => `group ${String(g.displayName)}`)].sort();
}

/** Requests a server answered apart from reading which tenant it is. */
function stackRequests(server: StartedReferenceServer): string[] {
  return server.server.requestLog
    .entries()
    .filter((e) => e.template !== '/v1.0/organization')
    .map((e) => `${e.method} ${e.path}`);
}

describe('examples/multi-environment: one app, a stack per tenant', () => {
  it('applies each stack to its own tenant with its environment’s credentials, and then plans no change in either', async () => {
    const dir = exampleCopy('multi-environment');
    const env = { ...credentialsOf('DEV_', dev), ...credentialsOf('PROD_', prod) };
    const applied = await run(dir, ['apply', '--auto-approve'], env);
    expect(applied.err).not.toMatch(/^Error/m);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`Stack contoso-dev against reference ${dev.url}`);
    expect(applied.out).toContain(`Stack contoso-prod against reference ${prod.url}`);
    expect(await names(dev)).toEqual(['15 devices per user', 'group iOS pilot users', 'iOS 17.0 or later']);
    expect(await names(prod)).toEqual(['5 devices per user', 'group iOS users', 'iOS 16.0 or later']);
    expect((await run(dir, ['plan', '--detailed-exitcode'], env)).code).toBe(0);
    expect(applied.out + applied.err).not.toContain(dev.token);
  }, 120_000);

  it('refuses the prod stack given dev’s credentials, naming both tenants: apply before it reads or writes anything of either stack, plan before it uses anything it read', async () => {
    const dir = exampleCopy('multi-environment');
    const env = { ...credentialsOf('DEV_', dev), ...credentialsOf('PROD_', dev) };
    const refused = await run(dir, ['apply', '--auto-approve'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      "stack contoso-prod (environment prod) belongs to tenant 'Contoso', but the credentials open tenant 'Contoso Development'; nothing was planned or written. Fix: give it the credentials of its own tenant (PROD_AZURE_CLIENT_ID and PROD_AZURE_CLIENT_SECRET, or PROD_ENROLLKIT_URL and PROD_ENROLLKIT_TOKEN for a reference server)",
    );
    // Every stack's tenant is checked before any is planned: not even dev's objects were read.
    expect(stackRequests(dev)).toEqual([]);

    // A plan reads the tenant in its first round of reads, and refuses before it uses any answer or
    // sends anything more: only the first round's reads reached dev's tenant, nothing was written.
    const alone = await run(dir, ['plan', '--stack', 'contoso-prod'], env);
    expect(alone.code).toBe(1);
    expect(alone.err).toContain("stack contoso-prod (environment prod) belongs to tenant 'Contoso', but the credentials open tenant 'Contoso Development'; nothing was planned or written.");
    const reads = stackRequests(dev);
    expect(reads).toContain('GET /beta/organization');
    expect(reads.filter((r) => !r.startsWith('GET ') && r !== 'POST /beta/$batch')).toEqual([]);
    expect(reads.filter((r) => r.includes('/depOnboardingSettings/'))).toEqual([]);
    expect(await names(dev)).toEqual([]);
  }, 120_000);

  it('fails in CI when a stack’s tenant has no credentials, with the variables to set, instead of using the embedded database', async () => {
    const dir = exampleCopy('multi-environment');
    const failed = await run(dir, ['apply', '--auto-approve'], { CI: 'true' });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(`stack contoso-dev (environment dev) belongs to tenant 'Contoso Development' (${DEV_TENANT}), and no credentials for it are set; in CI enrollkit neither falls back to the embedded database nor to an Azure CLI login. Fix: set DEV_AZURE_CLIENT_ID with DEV_AZURE_CLIENT_SECRET`);
    expect(existsSync(join(dir, '.enrollkit'))).toBe(false);
  }, 120_000);

  it('warns in CI when no backend is named and a stack that names no tenant goes to the embedded database', async () => {
    const dir = exampleCopy('web-based-enrollment');
    const planned = await run(dir, ['plan'], { CI: 'true', GITHUB_ACTIONS: 'true' });
    expect(planned.code).toBe(0);
    expect(planned.err).toContain('::warning title=embedded backend::no backend is named, so this run goes to the embedded reference tenant in the working directory, which a CI job does not keep. Fix: bind each stack to its tenant');
    const named = await run(dir, ['plan', '--backend', 'embedded'], { CI: 'true', GITHUB_ACTIONS: 'true' });
    expect(named.err).not.toContain('embedded backend');
    const laptop = await run(dir, ['plan'], {});
    expect(laptop.err).not.toContain('embedded backend');
  }, 120_000);

  it('plans bound stacks against the local database only when --backend embedded asks for it, and says so', async () => {
    const dir = exampleCopy('multi-environment');
    const planned = await run(dir, ['plan', '--backend', 'embedded', '--stack', 'contoso-prod'], { CI: 'true' });
    expect(planned.code).toBe(0);
    expect(planned.err).toContain(`Note: stack contoso-prod (environment prod) belongs to tenant 'Contoso' (${PROD_TENANT}); the embedded backend was asked for`);
    expect(planned.out).toContain('Stack contoso-prod against embedded (.enrollkit/reference.db)');
  }, 120_000);

  it('binds a saved plan to the tenant it was made against: refused on another one, naming both', async () => {
    const dir = exampleCopy('multi-environment');
    const own = { ...credentialsOf('DEV_', dev), ...credentialsOf('PROD_', prod) };
    expect((await run(dir, ['plan', '--stack', 'contoso-prod', '--out', 'prod.json'], own)).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, 'prod.json'), 'utf8')) as Plan;
    expect(saved.tenant).toEqual({ id: PROD_TENANT, displayName: 'Contoso' });
    expect(saved.manifest.environment).toEqual({ name: 'prod' });

    // With the same URL flag for both servers' tenants, only the tenant check tells them apart.
    const elsewhere = await run(dir, ['apply', 'prod.json', '--url', dev.url, '--token', dev.token], {});
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain("stack contoso-prod (environment prod) belongs to tenant 'Contoso', but the credentials open tenant 'Contoso Development'");
    expect(stackRequests(dev)).toEqual([]);

    const applied = await run(dir, ['apply', 'prod.json'], own);
    expect(applied.code).toBe(0);
    expect(await names(prod)).toEqual(['5 devices per user', 'group iOS users', 'iOS 16.0 or later']);
  }, 120_000);
});

describe('commands that name a tenant rather than plan a stack', () => {
  const backendOf = (server: StartedReferenceServer) => new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: 'test' });

  it('unlock breaks a stack’s lock in the tenant the app binds the stack to, never in another', async () => {
    const dir = exampleCopy('multi-environment');
    const env = { ...credentialsOf('DEV_', dev), ...credentialsOf('PROD_', prod) };
    expect((await run(dir, ['synth'], env)).code).toBe(0);
    await acquireStackLock(backendOf(prod), { stack: 'contoso-prod', holder: 'a run that died', timeoutMs: 0 });
    await acquireStackLock(backendOf(dev), { stack: 'contoso-prod', holder: 'a lock of the same name in another tenant', timeoutMs: 0 });

    const unlocked = await run(dir, ['unlock', '--stack', 'contoso-prod', '--auto-approve'], env);
    expect(unlocked.err).toBe('');
    expect(unlocked.out).toMatch(new RegExp(`^Broke the lock of stack contoso-prod in tenant 'Contoso' \\(${PROD_TENANT}\\), held by a run that died since `));
    expect(await readStackLocks(backendOf(prod), 'contoso-prod')).toEqual([]);
    expect((await readStackLocks(backendOf(dev), 'contoso-prod')).map((l) => l.holder)).toEqual(['a lock of the same name in another tenant']);

    const wrong = await run(dir, ['unlock', '--stack', 'contoso-prod', '--auto-approve'], { ...credentialsOf('DEV_', dev), ...credentialsOf('PROD_', dev) });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("stack contoso-prod (environment prod) belongs to tenant 'Contoso', but the credentials open tenant 'Contoso Development'");
    expect((await readStackLocks(backendOf(dev), 'contoso-prod')).length).toBe(1);
  }, 120_000);

  it('import and simulate read the tenant of --environment with its credentials, and refuse another tenant', async () => {
    const dir = exampleCopy('multi-environment');
    const env = { ...credentialsOf('DEV_', dev), ...credentialsOf('PROD_', prod) };
    expect((await run(dir, ['apply', '--auto-approve', '--stack', 'contoso-prod'], env)).code).toBe(0);

    const imported = await run(dir, ['import', '--out', 'prod.ts', '--all', '--environment', 'prod'], env);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`of reference ${prod.url}`);
    expect(readFileSync(join(dir, 'prod.ts'), 'utf8')).toContain("'5 devices per user'");

    const simulated = await run(dir, ['simulate', '--source', 'actual', '--environment', 'prod', '--groups', 'iOS users', '--os', '17.2', '--format', 'json'], env);
    expect(simulated.code).toBe(0);
    // The device limit of prod's tenant (dev's allows 15).
    expect(JSON.parse(simulated.out)).toMatchObject({ deviceLimit: { name: '5 devices per user', limit: 5 } });

    const elsewhere = await run(dir, ['import', '--out', 'other.ts', '--environment', 'prod'], credentialsOf('PROD_', dev));
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain("environment prod belongs to tenant 'Contoso', but the credentials open tenant 'Contoso Development'");
    expect(existsSync(join(dir, 'other.ts'))).toBe(false);

    const unknown = await run(dir, ['import', '--out', 'other.ts', '--environment', 'staging'], env);
    expect(unknown.err).toContain("--environment names the environment 'staging', which cdktf.json does not list (its environments: dev, prod)");
  }, 120_000);
});

describe('a stack’s env', () => {
  it('is recorded in the manifest', () => {
    const app = new App();
    const stack = new EnrollmentStack(app, 'gov', { env: { tenantId: '5F0D7C3E-0D1A-4C6E-9A51-2F4B8E6D0003', cloud: 'usgov' } });
    expect(stack.toManifest().environment).toEqual({ tenantId: '5F0D7C3E-0D1A-4C6E-9A51-2F4B8E6D0003', cloud: 'usgov' });
  });

  it('refuses a tenant ID that is not a GUID, and an env that names neither an environment nor a tenant, naming the field', () => {
    const app = new App();
    const issues = (env: object) => {
      try {
        new EnrollmentStack(app, `s${Math.random().toString(36).slice(2, 8)}`, { env }).toManifest();
      } catch (error) {
        return (error as ValidationError).issues.map((i) => `${i.field}: ${i.message}`);
      }
      return [];
    };
    expect(issues({ tenantId: 'contoso.onmicrosoft.com' })).toEqual([expect.stringMatching(/^env\.tenantId: expected the Entra tenant ID, a GUID/)]);
    expect(issues({})).toEqual(['env: name the environment, or give the tenant ID']);
    expect(issues({ name: 'prod east' })).toEqual([expect.stringMatching(/^env\.name: expected a name of letters, digits/)]);
  });
});

describe('credentials per environment', () => {
  it('takes each set of credentials from the prefixed variables when any of the set is set, never mixing them with the unprefixed ones', () => {
    const env = { AZURE_CLIENT_ID: 'dev-app', AZURE_CLIENT_SECRET: 'dev-secret', ENROLLKIT_URL: 'http://dev', PROD_AZURE_CLIENT_ID: 'prod-app', PROD_AZURE_FEDERATED_TOKEN_FILE: '/token' };
    const view = environmentVariables(env, 'PROD_');
    expect(view).toMatchObject({ AZURE_CLIENT_ID: 'prod-app', AZURE_FEDERATED_TOKEN_FILE: '/token', ENROLLKIT_URL: 'http://dev' });
    expect(view.AZURE_CLIENT_SECRET).toBeUndefined();
    expect(environmentVariables(env, 'TEST_')).toMatchObject({ AZURE_CLIENT_ID: 'dev-app', AZURE_CLIENT_SECRET: 'dev-secret' });
  });
});
