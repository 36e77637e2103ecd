import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthCommand } from '../../src/cli/commands/synth';
import { exec } from '../../src/cli/program';
import { SYNTH_CACHE_FILE } from '../../src/cli/synth/synth-cache';
import { parseManifest } from '../../src';
import { appDir, CDKTF_JSON, exampleCopy, recordingIo, ROOT, snapshot, removeAppDirs } from '../_helpers/synth-app';

/** Runs the built command line, as a user would: `node bin/enrollkit.js synth` in `cwd`. */
function synthWithBin(cwd: string, args: readonly string[] = []): { code: number | null; out: string } {
  const env = { ...process.env };
  delete env.CDKTF_OUTDIR;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/enrollkit.js'), 'synth', ...args], { cwd, env, encoding: 'utf8' });
  return { code: result.status, out: result.stdout };
}

async function synth(cwd: string) {
  const io = recordingIo(cwd);
  const code = await exec(['synth'], io, [synthCommand]);
  return { code, out: io.out(), err: io.err() };
}

describe('enrollkit synth', () => {
  afterAll(removeAppDirs);

  it.each([
    ['web-based-enrollment', [SYNTH_CACHE_FILE, 'manifest.json', 'stacks/groups/cdk.tf.json', 'stacks/web-based-enrollment/enrollkit.manifest.json']],
    ['account-driven-user-enrollment', [SYNTH_CACHE_FILE, 'manifest.json', 'stacks/account-driven-user-enrollment/enrollkit.manifest.json', 'stacks/directory/cdk.tf.json']],
    ['restrictions', [SYNTH_CACHE_FILE, 'stacks/restrictions/enrollkit.manifest.json']],
  ])('writes the files of examples/%s through bin/enrollkit.js, byte-identical when run twice', async (example, files) => {
    const dir = exampleCopy(example);
    const outdir = path.join(dir, 'cdktf.out');
    const first = synthWithBin(dir);
    expect(first.code).toBe(0);
    const written = snapshot(outdir);
    expect(Object.keys(written)).toEqual(files);
    for (const file of files.filter((f) => f.endsWith('enrollkit.manifest.json'))) {
      expect(parseManifest(JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'))).stack).toBe(file.split('/')[1]);
    }
    const second = synthWithBin(dir, ['--no-cache']);
    expect(second.code).toBe(0);
    expect(snapshot(outdir)).toEqual(written);
  });

  it('reports each file written, with the size of each stack, below the output directory as an absolute path', async () => {
    const dir = exampleCopy('web-based-enrollment');
    const { code, out } = await synth(dir);
    expect(code).toBe(0);
    expect(out).toContain(`Synthesized 1 enrollkit stack to ${path.join(dir, 'cdktf.out')}${path.sep}:\n`);
    expect(out).toContain('  stacks/groups/cdk.tf.json\n');
    expect(out).toContain('  stacks/web-based-enrollment/enrollkit.manifest.json  (stack web-based-enrollment: 4 resources, 1 group)\n');
  });

  it('removes the output of a stack the app no longer has', async () => {
    const dir = exampleCopy('restrictions');
    fs.mkdirSync(path.join(dir, 'cdktf.out/stacks/renamed'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdktf.out/stacks/renamed/enrollkit.manifest.json'), '{}');
    await synth(dir);
    expect(fs.existsSync(path.join(dir, 'cdktf.out/stacks/renamed'))).toBe(false);
  });

  it('prints every validation issue of the app and exits 1', async () => {
    const dir = appDir({
      'cdktf.json': CDKTF_JSON,
      'main.ts': [
        "import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, WebClip } from 'enrollkit';",
        'const app = new App();',
        "const stack = new EnrollmentStack(app, 'broken');",
        "new DeviceLimitRestriction(stack, 'Limit', { displayName: 'Limit', limit: 50, assignments: [AssignmentTarget.allUsers()] });",
        "new WebClip(stack, 'Clip', { displayName: 'Clip', appUrl: 'intranet', assignments: [{ target: AssignmentTarget.group('Nobody') }] });",
        'app.synth();',
      ].join('\n'),
    });
    const { code, err } = await synth(dir);
    expect(code).toBe(1);
    expect(err).toContain('Error: 3 problems found:\n');
    expect(err).toContain('  - broken/Limit (main.ts:4): EK014 limit: a device limit must be a whole number from 1 to 15 (got 50). Fix: set limit to a whole number between 1 and 15\n');
    expect(err).toContain('  - broken/Clip (main.ts:5): appUrl: expected an http(s) URL (got "intranet"). Fix: use an http(s) URL\n');
    expect(err).toContain('  - broken/Clip (main.ts:5): assignments.0.target.group: the target names a group that the stack neither declares nor references (got "Nobody")');
    expect(err).not.toContain('    at ');
    expect(fs.existsSync(path.join(dir, 'cdktf.out/stacks'))).toBe(false);
  });

  it('reports five misspelled props and a value of the wrong kind in one run, each with its construct path and file:line, and exits 1', async () => {
    const dir = appDir({
      'cdktf.json': CDKTF_JSON,
      'main.ts': [
        "import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, EnrollmentTypeProfile, EntraGroup, IosStoreApp, KnownApps, PlatformRestriction, SsoExtensionPolicy, WebClip } from 'enrollkit';",
        'const app = new App();',
        "const stack = new EnrollmentStack(app, 'typos');",
        "const users = AssignmentTarget.group(new EntraGroup(stack, 'Users', { displayName: 'Users' }));",
        "new PlatformRestriction(stack, 'Restriction', {",
        "  displayName: 'iOS 16 or later',",
        "  osMinimumVersoin: '16.0',",
        '  assignments: [users],',
        '});',
        "new SsoExtensionPolicy(stack, 'Jit', { displayName: 'JIT', jitRegistraton: true, assignments: [users] });",
        "new DeviceLimitRestriction(stack, 'Limit', { displayName: 'Limit', descripton: 'five', limit: 5, assignments: [users] });",
        "new WebClip(stack, 'Clip', { displayName: 'Clip', appUrl: 'https://intranet.contoso.com', fullscreenEnabled: true, assignments: [{ target: users }] });",
        "new IosStoreApp(stack, 'Authenticator', { ...KnownApps.MICROSOFT_AUTHENTICATOR, minimumOSVersion: '16.0', assignments: [{ target: users }] });",
        "new EnrollmentTypeProfile(stack, 'Web', { displayName: 'Web', enrollmentType: 'webBased' as any, assignments: [users] });",
        'app.synth();',
      ].join('\n'),
    });
    const { code, err } = await synth(dir);
    expect(code).toBe(1);
    expect(err).toContain('Error: 6 problems found:\n');
    expect(err).toContain('  - typos/Restriction (main.ts:7:3): osMinimumVersoin: PlatformRestriction has no prop "osMinimumVersoin", so the value would be ignored (got "16.0"). Fix: did you mean "osMinimumVersion"? Rename it\n');
    expect(err).toMatch(/ {2}- typos\/Jit \(main\.ts:10:\d+\): jitRegistraton: .*did you mean "jitRegistration"/);
    expect(err).toMatch(/ {2}- typos\/Limit \(main\.ts:11:\d+\): descripton: .*did you mean "description"/);
    expect(err).toMatch(/ {2}- typos\/Clip \(main\.ts:12:\d+\): fullscreenEnabled: .*did you mean "fullScreenEnabled"/);
    expect(err).toMatch(/ {2}- typos\/Authenticator \(main\.ts:13:\d+\): minimumOSVersion: .*did you mean "minimumOsVersion"/);
    expect(err).toContain(
      '  - typos/Web (main.ts:14): enrollmentType: expected an EnrollmentType, such as EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT (got "webBased")',
    );
    expect(err).not.toContain('    at ');
    expect(fs.existsSync(path.join(dir, 'cdktf.out/stacks'))).toBe(false);
  });

  it('fails, with the fix, when the app never calls app.synth()', async () => {
    const dir = appDir({
      'cdktf.json': CDKTF_JSON,
      'main.ts': "import { App, EnrollmentStack } from 'enrollkit';\nnew EnrollmentStack(new App(), 'forgotten');\n",
    });
    const { code, err } = await synth(dir);
    expect(code).toBe(1);
    expect(err).toContain('wrote no enrollkit manifest');
    expect(err).toContain('Fix: declare an EnrollmentStack in the app and call app.synth() at its end');
  });

  it("passes cdktf.json's context to the app, as cdktf does", async () => {
    const dir = appDir({
      'cdktf.json': JSON.stringify({ app: 'main.ts', context: { stackName: 'from-context' } }),
      'main.ts': "import { App, EnrollmentStack, WebClip } from 'enrollkit';\nconst app = new App();\nWebClip.companyPortal(new EnrollmentStack(app, String(app.node.tryGetContext('stackName'))), 'Portal');\napp.synth();\n",
    });
    const { code, out } = await synth(dir);
    expect(code).toBe(0);
    expect(out).toContain('stacks/from-context/enrollkit.manifest.json');
  });

  it('reports a type error at file:line:column and exits 1, unless --no-type-check skips the check', async () => {
    const dir = appDir({
      'cdktf.json': JSON.stringify({ app: 'main.ts' }),
      'main.ts': "import { App, EnrollmentStack, WebClip } from 'enrollkit';\nconst app = new App();\nconst name: number = 'portal';\nWebClip.companyPortal(new EnrollmentStack(app, `stack-${name}`), 'Portal');\napp.synth();\n",
    });
    const checked = await synth(dir);
    expect(checked.code).toBe(1);
    expect(checked.err).toContain("  - main.ts:3:7: TS2322: Type 'string' is not assignable to type 'number'. Fix: correct the type error");
    const io = recordingIo(dir);
    expect(await exec(['synth', '--no-type-check'], io, [synthCommand])).toBe(0);
    expect(io.out()).toContain('stacks/stack-portal/enrollkit.manifest.json');
  });

  it("shows the app's own error output when it fails for another reason", async () => {
    const dir = appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': "throw new Error('tenant ID missing');\n" });
    const { code, err } = await synth(dir);
    expect(code).toBe(1);
    expect(err).toContain('tenant ID missing');
    expect(err).toContain('Error: the app command "npx tsx main.ts" failed with exit code 1');
  });

  it('explains a missing cdktf.json', async () => {
    const { code, err } = await synth(appDir({}));
    expect(code).toBe(1);
    expect(err).toMatch(/^Error: no cdktf\.json in .*Fix: run enrollkit in the directory of your app/);
  });

  it('explains a cdktf.json without an app command', async () => {
    const { code, err } = await synth(appDir({ 'cdktf.json': '{"language":"typescript"}' }));
    expect(code).toBe(1);
    expect(err).toContain('has no "app" command (got undefined). Fix: add "app": "main.ts"');
  });
});
