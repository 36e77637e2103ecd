import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCopy, removeAppDirs, ROOT } from '../_helpers/synth-app';

/** The tenant examples/multi-environment/cdktf.json gives its dev environment. */
const DEV_TENANT = '5f0d7c3e-0d1a-4c6e-9a51-2f4b8e6d0001';

let bin: string;
beforeEach(() => {
  // The Azure CLI is looked up on PATH: a PATH of this directory alone makes it missing, or a stand-in written here.
  bin = mkdtempSync(join(tmpdir(), 'enrollkit-az-'));
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));
afterAll(removeAppDirs);

/** Runs the built CLI in its own process with PATH set to `bin` and only the given variables of backends and credentials. */
function run(cwd: string, argv: string[], vars: Record<string, string>): Promise<{ code: number | null; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^(CI|GITHUB_ACTIONS|ENROLLKIT_.*|AZURE_.*|DEV_.*|PROD_.*)$/.test(name)) delete env[name];
  Object.assign(env, vars, { PATH: bin, NO_COLOR: '1' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/enrollkit.js'), ...argv], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, err }));
  });
}

describe('a stack that signs in to Graph with the Azure CLI', () => {
  it('names the stack, its tenant, the login to run and the variables to set when the Azure CLI is not installed', async () => {
    const failed = await run(exampleCopy('multi-environment'), ['plan'], {});
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(
      `Error: stack contoso-dev (environment dev) of tenant 'Contoso Development' (${DEV_TENANT}) has no credentials set, so it signs in with the Azure CLI, which failed: Azure CLI could not be found.`,
    );
    expect(failed.err).toContain(
      `Fix: run 'az login --tenant ${DEV_TENANT}' (with the Azure CLI installed), or set DEV_AZURE_CLIENT_ID with DEV_AZURE_CLIENT_SECRET or DEV_AZURE_CLIENT_CERTIFICATE_PATH; see docs/backends.md`,
    );
  }, 120_000);

  it('says the same in CI, where the stack asks for the Azure CLI, of one that is not logged in', async () => {
    const az = join(bin, 'az');
    writeFileSync(az, `#!/bin/sh\necho "ERROR: Please run 'az login' to setup account." >&2\nexit 1\n`);
    chmodSync(az, 0o755);
    const failed = await run(exampleCopy('multi-environment'), ['plan', '--stack', 'contoso-dev'], { CI: 'true', DEV_ENROLLKIT_USE_AZURE_CLI: 'true' });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(
      `Error: stack contoso-dev (environment dev) of tenant 'Contoso Development' (${DEV_TENANT}) has no credentials set, so it signs in with the Azure CLI, which failed: Please run 'az login'`,
    );
    expect(failed.err).toContain(`Fix: run 'az login --tenant ${DEV_TENANT}'`);
  }, 120_000);
});
