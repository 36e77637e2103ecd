import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../src/cli/commands/lint';
import type { CliIo } from '../../src/cli/io';
import { exec } from '../../src/cli/program';
import { MANIFEST_VERSION, type Manifest } from '../../src/model';

const ROOT = path.resolve(__dirname, '../..');
const SCRATCH: string[] = [];

afterAll(() => {
  for (const dir of SCRATCH) fs.rmSync(dir, { recursive: true, force: true });
});
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const EXAMPLES = fs.readdirSync(path.join(ROOT, 'examples')).filter((e) => fs.existsSync(path.join(ROOT, 'examples', e, 'main.ts')));

/** A directory with a cdktf.json whose app is the given example, run from a scratch copy so examples stay untouched. */
function exampleApp(example: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-lint-'));
  SCRATCH.push(dir);
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ app: `${TSX} --tsconfig ${path.join(ROOT, 'tsconfig.json')} ${path.join(ROOT, 'examples', example, 'main.ts')}`, output: 'cdktf.out' }));
  return dir;
}

/** A directory with a cdktf.json whose app writes the given manifest. */
function manifestApp(manifest: Manifest): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-lint-'));
  SCRATCH.push(dir);
  const script = `const fs = require('fs'); const path = require('path');
const dir = path.join(process.env.CDKTF_OUTDIR, 'stacks', ${JSON.stringify(manifest.stack)});
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'enrollkit.manifest.json'), ${JSON.stringify(JSON.stringify(manifest))});`;
  fs.writeFileSync(path.join(dir, 'app.js'), script);
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ app: 'node app.js', output: 'cdktf.out' }));
  return dir;
}

async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, env: process.env, cwd };
  const code = await exec(argv, io, [lintCommand]);
  return { code, out, err };
}

const BROKEN: Manifest = {
  version: MANIFEST_VERSION,
  stack: 'broken',
  groups: [],
  suppressions: [],
  resources: [
    {
      kind: 'ssoExtensionPolicy',
      logicalId: 'Jit',
      path: 'broken/Jit',
      displayName: 'JIT',
      description: '',
      assignments: [{ target: { type: 'allLicensedUsers' } }],
      suppressions: [],
      spec: { bundleIdAccessControlList: [], configurations: [{ key: 'device_registration', type: 'string', value: 'on' }], enableSharedDeviceMode: false },
    },
  ],
};

describe('enrollkit lint', () => {
  it.each(EXAMPLES)('passes on the %s example', async (example) => {
    const { code, out } = await run(exampleApp(example), ['lint']);
    expect(out).toContain('Lint passed.');
    expect(code).toBe(0);
  });

  it('exits 1 on an unsuppressed error and names the rule, the construct and the fix', async () => {
    const { code, out } = await run(manifestApp(BROKEN), ['lint']);
    expect(code).toBe(1);
    expect(out).toContain('error EK002 broken/Jit: device_registration is a String with value "on"');
    expect(out).toContain('Fix: set device_registration to');
    expect(out).toContain('Lint failed');
  });

  it('exits 0 when the stack suppresses the error with a reason, and shows the suppression', async () => {
    const [policy] = BROKEN.resources;
    if (!policy) throw new Error('fixture has a policy');
    const suppressed: Manifest = { ...BROKEN, resources: [{ ...policy, suppressions: [{ rule: 'EK002', reason: 'registration is tested in a pilot ring' }] }] };
    const { code, out } = await run(manifestApp(suppressed), ['lint', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { blocking: boolean; stacks: { suppressed: { rule: string; suppressed: { reason: string } }[] }[] };
    expect(report.blocking).toBe(false);
    expect(report.stacks[0]?.suppressed.map((f) => [f.rule, f.suppressed.reason])).toEqual([['EK002', 'registration is tested in a pilot ring']]);
  });

  it('rejects a stack the app does not have', async () => {
    const { code, err } = await run(manifestApp(BROKEN), ['lint', '--stack', 'nope']);
    expect(code).toBe(1);
    expect(err).toContain('stack "nope" is not in the app');
  });
});
