import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import type { Plan } from '../../src/engine';
import { DEFAULT_APP_PERMISSIONS, startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { exampleCopy, recordingIo, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

async function run(cwd: string, argv: string[], env: Record<string, string>) {
  const io = recordingIo(cwd);
  Object.assign(io.env as Record<string, string>, env);
  const code = await exec(argv, io, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

describe('app-only credentials against a reference server', () => {
  let server: StartedReferenceServer;
  beforeEach(async () => {
    server = await startReferenceServer({ data: ':memory:' });
  });
  afterEach(() => server.close());

  const reference = (token: string) => ({ ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: token });
  const restrictionWrites = () =>
    server.server.requestLog.entries().filter((entry) => entry.method !== 'GET' && entry.path.includes('deviceEnrollmentConfigurations'));

  it('plans with EK018 and a blocker per refused write, and apply stops before writing anything', async () => {
    const appOnly = server.server.mintToken(server.tenantId, { kind: 'appOnly', permissions: [...DEFAULT_APP_PERMISSIONS] });
    const dir = exampleCopy('restrictions');
    const planned = await run(dir, ['plan', '--format', 'json'], reference(appOnly));
    // A plan with blockers exits 1, as any blocked plan does.
    expect(planned.code).toBe(1);
    const [plan] = (JSON.parse(planned.out) as { plans: Plan[] }).plans as [Plan];
    const ek018 = plan.findings.filter((f) => f.code === 'EK018');
    expect(ek018.map((f) => f.path).sort()).toEqual(['restrictions/ContractorsCorporateOnly', 'restrictions/EmployeesCurrentIos']);
    expect(plan.blockers.filter((b) => b.code === 'EK018')).toEqual([
      expect.objectContaining({
        path: 'restrictions/ContractorsCorporateOnly',
        message: expect.stringMatching(/Tenant is not Global Admin or Intune Service Admin\. Operation is restricted\./),
        fix: expect.stringMatching(/delegated credentials/),
      }),
      expect.objectContaining({ path: 'restrictions/EmployeesCurrentIos' }),
    ]);

    const applied = await run(dir, ['apply', '--auto-approve'], reference(appOnly));
    expect(applied.code).toBe(1);
    expect(applied.err).toMatch(/blocked; nothing was changed/);
    expect(applied.err).toMatch(/EK018/);
    expect(restrictionWrites()).toEqual([]);
    expect(applied.out + applied.err).not.toContain(appOnly);
  });

  it('applies the same stack with a delegated Intune Administrator token', async () => {
    const delegated = server.server.mintToken(server.tenantId, { kind: 'delegated', roles: ['Intune Administrator'] });
    const dir = exampleCopy('restrictions');
    const applied = await run(dir, ['apply', '--auto-approve'], reference(delegated));
    expect(applied.code).toBe(0);
    expect(restrictionWrites().length).toBeGreaterThan(0);
    expect((await run(dir, ['plan', '--detailed-exitcode'], reference(delegated))).code).toBe(0);
  });
});
