import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { MANIFEST_VERSION } from '../../src/model';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { exited, startChild } from '../server/serve-process';
import { appDir, manifestApp, recordingIo, removeAppDirs, ROOT } from '../_helpers/synth-app';

afterAll(removeAppDirs);

async function run(cwd: string, argv: string[], env: Record<string, string> = {}) {
  const io = recordingIo(cwd);
  Object.assign(io.env as Record<string, string>, env);
  const code = await exec(argv, io, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

/** What lies at the paths synth clears below a directory: `stacks/` (its entries) and `manifest.json`. */
function clearable(dir: string): { stacks: string[] | null; manifest: string | null } {
  const stacks = path.join(dir, 'stacks');
  const manifest = path.join(dir, 'manifest.json');
  return {
    stacks: fs.existsSync(stacks) && fs.statSync(stacks).isDirectory() ? fs.readdirSync(stacks).sort() : null,
    manifest: fs.existsSync(manifest) ? fs.readFileSync(manifest, 'utf8') : null,
  };
}

describe('synth never clears a directory that is not its own output directory', () => {
  // The app directory sits one level below a parent holding files synth must never touch.
  const parent = appDir({ 'manifest.json': '{"mine":true}' });
  fs.mkdirSync(path.join(parent, 'stacks', 'keep'), { recursive: true });
  const project = path.join(parent, 'project');
  fs.mkdirSync(path.join(project, 'stacks', 'keep'), { recursive: true });
  fs.writeFileSync(path.join(project, 'manifest.json'), '{"project":true}');

  it.each([
    ['the file system root', '/', 'the root of the file system'],
    ['".."', '..', "a directory above the app's"],
    ['the home directory', os.homedir(), 'your home directory|a directory above the app'],
    ['"."', '.', "the app's own directory"],
    ["the app's absolute path", project, "the app's own directory"],
    ['the repository root', ROOT, "a directory above the app's"],
  ])('refuses %s as "output" before the app runs, leaving stacks/ and manifest.json there as they were', async (_label, output, what) => {
    fs.writeFileSync(path.join(project, 'cdktf.json'), JSON.stringify({ app: 'touch ran.txt', output }));
    const target = path.resolve(project, output);
    const before = clearable(target);
    for (const argv of [['synth'], ['plan'], ['apply', '--auto-approve']]) {
      const { code, err } = await run(project, argv);
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`the output directory ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is (${what}); synth clears its stacks/ and manifest.json .*Fix: set "output" in cdktf.json to a directory of its own`));
    }
    expect(clearable(target)).toEqual(before);
    expect(clearable(parent)).toEqual({ stacks: ['keep'], manifest: '{"mine":true}' });
    expect(clearable(project)).toEqual({ stacks: ['keep'], manifest: '{"project":true}' });
    expect(fs.existsSync(path.join(project, 'ran.txt'))).toBe(false);
  });

  it('clears and writes an output directory of its own inside the app, and one outside it', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-out-'));
    try {
      for (const output of ['build/enrollkit', outside]) {
        fs.writeFileSync(path.join(project, 'cdktf.json'), JSON.stringify({ app: 'mkdir -p "$CDKTF_OUTDIR/stacks/s" && echo {} > "$CDKTF_OUTDIR/stacks/s/enrollkit.manifest.json"', output }));
        fs.mkdirSync(path.join(path.resolve(project, output), 'stacks', 'old'), { recursive: true });
        const { code, out } = await run(project, ['synth']);
        expect(code).toBe(0);
        expect(out).toContain(`to ${path.resolve(project, output)}${path.sep}:`);
        expect(clearable(path.resolve(project, output)).stacks).toEqual(['s']);
      }
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('paths given on the command line are resolved and reported absolute', () => {
  let server: StartedReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer({ data: ':memory:' });
  });
  afterAll(() => server.close());

  it('plan --out saves the plan where it says, relative to the working directory', async () => {
    const dir = manifestApp({ empty: { version: MANIFEST_VERSION, stack: 'empty', groups: [], resources: [], suppressions: [] } });
    const env = { ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token };
    const { code, err } = await run(dir, ['plan', '--out', 'plans/../plan.json'], env);
    expect(code).toBe(0);
    expect(err).toContain(`Saved the plan to ${path.join(dir, 'plan.json')}; apply it with: enrollkit apply plans/../plan.json`);
    expect(fs.existsSync(path.join(dir, 'plan.json'))).toBe(true);
  });

  it('serve --data opens the database relative to the working directory and prints its absolute path', async () => {
    const dir = appDir({ 'not-a-directory': 'x' });
    const refused = await run(dir, ['serve', '--port', '0', '--data', 'not-a-directory/reference.db']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`'${path.join(dir, 'not-a-directory')}' is not a directory`);

    const relative = path.relative(ROOT, path.join(dir, 'data', 'reference.db'));
    const child = await startChild(['--data', relative]);
    try {
      expect(child.output).toContain(`  data        ${path.join(dir, 'data', 'reference.db')}\n`);
      expect(child.output).toContain(`(shown once; stored in ${path.join(dir, 'data', 'reference.db')})`);
    } finally {
      child.process.kill('SIGTERM');
      await exited(child.process);
    }
    expect(fs.existsSync(path.join(dir, 'data', 'reference.db'))).toBe(true);
  });
});
