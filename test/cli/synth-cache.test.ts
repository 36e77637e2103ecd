import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { SYNTH_CACHE_FILE } from '../../src/cli/synth/synth-cache';
import { appDir, recordingIo, removeAppDirs } from '../_helpers/synth-app';

// Each test synthesizes an app several times, type-checking it in some.
jest.setTimeout(180_000);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-synth-cache-'));

afterAll(() => {
  removeAppDirs();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A file outside the app that the app appends a line to each time it runs: how a test sees whether synth ran it. */
function runLog(): string {
  return fs.mkdtempSync(path.join(scratch, 'log-'));
}

const runs = (log: string) => (fs.existsSync(path.join(log, 'runs')) ? fs.readFileSync(path.join(log, 'runs'), 'utf8').split('\n').filter((l) => l !== '').length : 0);

/** The lines of main.ts that count its runs. */
const COUNT_RUN = "import { appendFileSync } from 'node:fs';\nappendFileSync(`${process.env.RUN_LOG}/runs`, 'ran\\n');\n";

/** A tsconfig.json for the apps the tests type-check, which use Node's types. */
const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'node16', moduleResolution: 'node16', types: ['node'], skipLibCheck: true } });

/** An app whose stack's web clip takes its display name from an imported file, the context and an environment variable. */
function countingApp(log: string, extra: Record<string, string> = {}): string {
  return appDir({
    'cdktf.json': JSON.stringify({ app: 'main.ts', output: 'cdktf.out', context: { suffix: 'one' } }),
    'names.ts': "export const CLIP_NAME = 'Company Portal';\n",
    'main.ts': [
      COUNT_RUN,
      "import { App, EnrollmentStack, WebClip } from 'enrollkit';",
      "import { CLIP_NAME } from './names';",
      'const app = new App();',
      "const stack = new EnrollmentStack(app, 'counted');",
      "WebClip.companyPortal(stack, 'Portal', { displayName: `${CLIP_NAME} ${String(app.node.tryGetContext('suffix'))} ${process.env.CLIP_TAG ?? ''}`.trim() });",
      'app.synth();',
    ].join('\n'),
    ...extra,
  });
}

async function run(dir: string, argv: string[], log: string, env: Record<string, string> = {}) {
  const io = recordingIo(dir);
  const code = await exec(argv, { ...io, env: { ...io.env, RUN_LOG: log, ...env } }, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

/** The display name of the web clip in the manifest synth wrote last. */
function clipName(dir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out/stacks/counted/enrollkit.manifest.json'), 'utf8')) as { resources: { displayName: string }[] };
  return manifest.resources[0]!.displayName;
}

describe('the synth cache', () => {
  it('does not run the app again for a second plan when nothing it reads has changed, and runs it with --no-cache or ENROLLKIT_NO_SYNTH_CACHE=1', async () => {
    const log = runLog();
    const dir = countingApp(log, { 'tsconfig.json': TSCONFIG });
    const first = await run(dir, ['plan'], log);
    expect(first.code).toBe(0);
    expect(runs(log)).toBe(1);
    const second = await run(dir, ['plan'], log);
    expect({ code: second.code, out: second.out }).toEqual({ code: 0, out: first.out });
    expect(runs(log)).toBe(1);
    expect((await run(dir, ['plan', '--no-cache'], log)).code).toBe(0);
    expect(runs(log)).toBe(2);
    expect((await run(dir, ['plan'], log, { ENROLLKIT_NO_SYNTH_CACHE: '1' })).code).toBe(0);
    expect(runs(log)).toBe(3);
    expect((await run(dir, ['plan'], log)).code).toBe(0);
    expect(runs(log)).toBe(3);
  });

  it('says so when synth keeps the output, which stays byte for byte what the app wrote', async () => {
    const log = runLog();
    const dir = countingApp(log, { 'cdktf.json': JSON.stringify({ app: 'main.ts', context: { suffix: 'one' }, typeCheck: false }) });
    const first = await run(dir, ['synth'], log);
    expect(first.code).toBe(0);
    const manifest = fs.readFileSync(path.join(dir, 'cdktf.out/stacks/counted/enrollkit.manifest.json'), 'utf8');
    const second = await run(dir, ['synth'], log);
    expect(second.code).toBe(0);
    expect(runs(log)).toBe(1);
    expect(second.out).toContain('its output was kept; --no-cache runs it again');
    expect(second.out).toContain('stacks/counted/enrollkit.manifest.json');
    expect(second.out).not.toContain(SYNTH_CACHE_FILE);
    expect(fs.readFileSync(path.join(dir, 'cdktf.out/stacks/counted/enrollkit.manifest.json'), 'utf8')).toBe(manifest);
  });

  it.each([
    ['a file the app imports', (dir: string) => fs.writeFileSync(path.join(dir, 'names.ts'), "export const CLIP_NAME = 'Portal';\n"), 'Portal one'],
    ['the context of cdktf.json', (dir: string) => fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ app: 'main.ts', context: { suffix: 'two' }, typeCheck: false })), 'Company Portal two'],
    ['cdktf.json', (dir: string) => fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ app: 'main.ts', context: { suffix: 'one' }, typeCheck: false, environments: {} })), 'Company Portal one'],
    ['a new file in the app directory', (dir: string) => fs.writeFileSync(path.join(dir, 'data.json'), '{}'), 'Company Portal one'],
  ])('runs the app again after a change to %s', async (_what, change, name) => {
    const log = runLog();
    const dir = countingApp(log, { 'cdktf.json': JSON.stringify({ app: 'main.ts', context: { suffix: 'one' }, typeCheck: false }) });
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(clipName(dir)).toBe('Company Portal one');
    change(dir);
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(runs(log)).toBe(2);
    expect(clipName(dir)).toBe(name);
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(runs(log)).toBe(2);
  });

  it('runs the app again when a module it imports from outside its directory changes', async () => {
    const log = runLog();
    const shared = appDir({ 'names.ts': "export const CLIP_NAME = 'Shared portal';\n" });
    const dir = countingApp(log, {
      'cdktf.json': JSON.stringify({ app: 'main.ts', context: { suffix: 'one' }, typeCheck: false }),
      'names.ts': `export { CLIP_NAME } from ${JSON.stringify(path.join(shared, 'names'))};\n`,
    });
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(clipName(dir)).toBe('Shared portal one');
    fs.writeFileSync(path.join(shared, 'names.ts'), "export const CLIP_NAME = 'Shared portal 2';\n");
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(runs(log)).toBe(2);
    expect(clipName(dir)).toBe('Shared portal 2 one');
  });

  it('runs the app again when an environment variable it reads changes, and not for one it does not read', async () => {
    const log = runLog();
    const dir = countingApp(log, { 'cdktf.json': JSON.stringify({ app: 'main.ts', context: { suffix: 'one' }, typeCheck: false }) });
    expect((await run(dir, ['synth'], log, { CLIP_TAG: 'a' })).code).toBe(0);
    expect((await run(dir, ['synth'], log, { CLIP_TAG: 'a', UNREAD_BY_THE_APP: 'x' })).code).toBe(0);
    expect(runs(log)).toBe(1);
    expect((await run(dir, ['synth'], log, { CLIP_TAG: 'b' })).code).toBe(0);
    expect(runs(log)).toBe(2);
    expect(clipName(dir)).toBe('Company Portal one b');
  });

  it('runs a type-checked synth again for a synth that was not type-checked', async () => {
    const log = runLog();
    const dir = countingApp(log, { 'tsconfig.json': TSCONFIG, 'main.ts': `${COUNT_RUN}import { App, EnrollmentStack, WebClip } from 'enrollkit';\nconst app = new App();\nconst name: number = 'portal';\nWebClip.companyPortal(new EnrollmentStack(app, \`counted-\${name}\`), 'Portal');\napp.synth();\n` });
    expect((await run(dir, ['synth', '--no-type-check'], log)).code).toBe(0);
    const checked = await run(dir, ['synth'], log);
    expect(checked.code).toBe(1);
    expect(checked.err).toContain("main.ts:5:7: TS2322: Type 'string' is not assignable to type 'number'");
    expect(runs(log)).toBe(2);
  });

  it.each([
    ['is not JSON', (file: string) => fs.writeFileSync(file, '{ not json')],
    ['has a key edited by hand', (file: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"key":"[0-9a-f]{64}"/, `"key":"${'0'.repeat(64)}"`))],
    ['lists none of the modules the app loaded', (file: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"modules":\[[^\]]*\]/, '"modules":[]'))],
    ['has a field it should not', (file: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{', '{"extra":true,'))],
  ])('ignores a cache entry that %s and runs the app again', async (_what, corrupt) => {
    const log = runLog();
    const dir = countingApp(log, { 'cdktf.json': JSON.stringify({ app: 'main.ts', context: { suffix: 'one' }, typeCheck: false }) });
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    corrupt(path.join(dir, 'cdktf.out', SYNTH_CACHE_FILE));
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(runs(log)).toBe(2);
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(runs(log)).toBe(2);
  });

  it('runs the app again when a manifest it wrote was edited, deleted, or joined by another file, restoring what the app writes', async () => {
    const log = runLog();
    const dir = countingApp(log, { 'cdktf.json': JSON.stringify({ app: 'main.ts', context: { suffix: 'one' }, typeCheck: false }) });
    const manifest = path.join(dir, 'cdktf.out/stacks/counted/enrollkit.manifest.json');
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('Company Portal one', 'Edited by hand'));
    expect((await run(dir, ['plan'], log)).code).toBe(0);
    expect(runs(log)).toBe(2);
    expect(clipName(dir)).toBe('Company Portal one');
    fs.rmSync(manifest);
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(runs(log)).toBe(3);
    fs.mkdirSync(path.join(dir, 'cdktf.out/stacks/other'));
    fs.writeFileSync(path.join(dir, 'cdktf.out/stacks/other/enrollkit.manifest.json'), '{}');
    expect((await run(dir, ['synth'], log)).code).toBe(0);
    expect(runs(log)).toBe(4);
    expect(fs.existsSync(path.join(dir, 'cdktf.out/stacks/other'))).toBe(false);
  });
});
