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

/** The engine, the rules, the backends, the server and zod: what no command needs to be listed or to print its version. */
const COMMAND_CODE = [/dist[\\/](engine|rules|backends|server)[\\/]/, /node_modules[\\/]zod[\\/]/];

/** What an app's desired state does not need: the engine, the backends and the server. */
const TENANT_CODE = [/dist[\\/](engine|backends|server)[\\/]/];

const matching = (modules: readonly string[], patterns: readonly RegExp[]) => modules.filter((m) => patterns.some((p) => p.test(m)));

describe('what each command loads', () => {
  it.each([
    ['--help', ['--help']],
    ['--version', ['--version']],
  ])('%s loads the command list only: no command implementation, engine, rules or zod', (_name, argv) => {
    const modules = modulesLoaded(argv);
    expect(matching(modules, COMMAND_CODE)).toEqual([]);
    expect(modules.filter((m) => /dist[\\/]cli[\\/]commands[\\/](?!index\.js$)/.test(m))).toEqual([]);
  });

  it('discovery loads its own command and the service discovery rule, not the engine, the other rules or zod', () => {
    const modules = modulesLoaded(['discovery', '--tenant-id', '72f988bf-86f1-41af-91ab-2d7cd011db47']);
    expect(matching(modules, COMMAND_CODE).map((m) => path.relative(ROOT, m))).toEqual([path.join('dist', 'rules', 'service-discovery.js')]);
    expect(modules.filter((m) => /dist[\\/]cli[\\/]commands[\\/]/.test(m)).map((m) => path.basename(m)).sort()).toEqual(['discovery.js', 'index.js']);
  });

  it('lint of an app loads neither the engine nor a backend nor the server', () => {
    expect(matching(modulesLoaded(['lint'], exampleCopy('restrictions')), TENANT_CODE)).toEqual([]);
  });

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
