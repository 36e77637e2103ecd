import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { exampleCopy, removeAppDirs, ROOT } from '../_helpers/synth-app';

afterAll(removeAppDirs);

/** The modules the built command line loads for `argv`, run in `cwd` in a process of its own. */
function modulesLoaded(argv: readonly string[], cwd = ROOT): string[] {
  const script = [
    `const { exec } = require(${JSON.stringify(path.join(ROOT, 'dist/cli/program.js'))});`,
    `const { COMMANDS } = require(${JSON.stringify(path.join(ROOT, 'dist/cli/commands/index.js'))});`,
    'const io = { stdout: () => {}, stderr: (t) => process.stderr.write(t), isTTY: false, env: process.env, cwd: process.cwd() };',
    `exec(${JSON.stringify(argv)}, io, COMMANDS).then((code) => { process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) })); });`,
  ].join('\n');
  const env = { ...process.env };
  delete env.CDKTF_OUTDIR;
  const result = spawnSync(process.execPath, ['-e', script], { cwd, env, encoding: 'utf8' });
  const { code, modules } = JSON.parse(result.stdout) as { code: number; modules: string[] };
  expect({ code, err: result.stderr }).toEqual({ code: 0, err: expect.any(String) as unknown });
  return modules;
}

/** @azure/identity, the reference server (its Hono app, its SQLite store) and cdktf. */
const HEAVY = [
  /node_modules[\\/]@azure[\\/]identity[\\/]/,
  /node_modules[\\/](hono|@hono|better-sqlite3|cdktf|@cdktf)[\\/]/,
  /dist[\\/]server[\\/](create-reference-server|start-reference-server|store)\.js$/,
];

describe('what each command loads', () => {
  it.each([
    ['--help', ['--help']],
    ['discovery', ['discovery', '--tenant-id', '72f988bf-86f1-41af-91ab-2d7cd011db47']],
  ])('%s loads neither @azure/identity nor the reference server nor cdktf', (_name, argv) => {
    expect(modulesLoaded(argv).filter((m) => HEAVY.some((h) => h.test(m)))).toEqual([]);
  });

  it('lint of an app without Terraform loads neither @azure/identity nor the reference server', () => {
    expect(modulesLoaded(['lint'], exampleCopy('restrictions')).filter((m) => HEAVY.some((h) => h.test(m)))).toEqual([]);
  });
});
