import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveCommand } from '../../src/cli/commands/serve';
import type { CliIo } from '../../src/cli/io';
import { exec } from '../../src/cli/program';
import { exited, startChild } from '../server/serve-process';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, env: {}, cwd: process.cwd() };
  const code = await exec(argv, io, [serveCommand]);
  return { code, out, err };
}

describe('enrollkit serve --data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails at once, naming the directory and the reason, when the directory of the database cannot be created', async () => {
    const { code, out, err } = await run(['serve', '--port', '0', '--data', '/proc/enrollkit-nowhere/deeper/reference.db']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain("'/proc/enrollkit-nowhere'");
    expect(err).toContain('ENOENT');
    expect(err).toContain('--data');
  });

  it('fails at once when a file stands where the directory of the database should be', async () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    const { code, err } = await run(['serve', '--port', '0', '--data', join(file, 'reference.db')]);
    expect(code).toBe(1);
    expect(err).toContain(`'${file}' is not a directory`);
  });

  it('fails at once when the database path is a directory', async () => {
    const { code, err } = await run(['serve', '--port', '0', '--data', dir]);
    expect(code).toBe(1);
    expect(err).toContain(`cannot open the database '${dir}'`);
  });

  it('starts again on its file with the same tenant tokens, and refuses a token of another tenant without printing it', async () => {
    const data = join(dir, 'tokens.db');
    const [first, second] = ['0c0ffee0-0000-4000-8000-000000000001', '0c0ffee0-0000-4000-8000-000000000002'];
    const tokens = ['--token', `${first}:first-tenant-secret`, '--token', `${second}:second-tenant-secret`];
    for (let start = 0; start < 2; start++) {
      const child = await startChild(['--data', data, ...tokens]);
      try {
        for (const [tenant, token] of [[first, 'first-tenant-secret'], [second, 'second-tenant-secret']]) {
          const response = await fetch(`${child.url}/v1.0/organization`, { headers: { Authorization: `Bearer ${token}` } });
          expect({ start, tenant, status: response.status }).toEqual({ start, tenant, status: 200 });
          expect(((await response.json()) as { value: { id: string }[] }).value[0]!.id).toBe(tenant);
        }
      } finally {
        child.process.kill('SIGTERM');
        await exited(child.process);
      }
    }
    const { code, out, err } = await run(['serve', '--port', '0', '--data', data, '--token', `${second}:first-tenant-secret`]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`A token given for the tenant '${second}' belongs to another tenant.`);
    expect(err).not.toContain('first-tenant-secret');
  }, 60_000);
});
