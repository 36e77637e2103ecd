import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadManifests } from '../../src/cli/load-manifests';
import { UsageError, ValidationError } from '../../src';
import { appDir, CDKTF_JSON, recordingIo, removeAppDirs } from '../_helpers/synth-app';

const TWO_STACKS = [
  "import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack } from 'enrollkit';",
  "console.log('app says hello');",
  'const app = new App();',
  "for (const name of ['zulu', 'alpha']) {",
  '  const stack = new EnrollmentStack(app, name);',
  "  new DeviceLimitRestriction(stack, 'Limit', { displayName: 'Limit', limit: 5, assignments: [AssignmentTarget.allUsers()] });",
  '}',
  'app.synth();',
].join('\n');

describe('loadManifests', () => {
  afterAll(removeAppDirs);

  it('synthesizes the app and returns every manifest sorted by stack, keeping stdout clean', async () => {
    const io = recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': TWO_STACKS }));
    const manifests = await loadManifests(io);
    expect(manifests.map((m) => m.stack)).toEqual(['alpha', 'zulu']);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('app says hello');
  });

  it('keeps only the stack asked for', async () => {
    const io = recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': TWO_STACKS }));
    expect((await loadManifests(io, { stack: 'zulu' })).map((m) => m.stack)).toEqual(['zulu']);
  });

  it('names the stacks the app has when asked for one it does not have', async () => {
    const io = recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': TWO_STACKS }));
    await expect(loadManifests(io, { stack: 'prod' })).rejects.toThrow(
      new UsageError('stack "prod" is not in the app; its stacks are: alpha, zulu. Fix: pass one of them to --stack'),
    );
  });

  it('reads what the last synth wrote without running the app when synth is false', async () => {
    const dir = appDir({ 'cdktf.json': JSON.stringify({ app: 'exit 3' }) });
    const file = path.join(dir, 'cdktf.out/stacks/kept/enrollkit.manifest.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ version: 'enrollkit.manifest/v1', stack: 'kept', groups: [], resources: [], suppressions: [] }));
    expect((await loadManifests(recordingIo(dir), { synth: false })).map((m) => m.stack)).toEqual(['kept']);
  });

  it('reports a manifest on disk that does not match the schema', async () => {
    const dir = appDir({ 'cdktf.json': CDKTF_JSON });
    const file = path.join(dir, 'cdktf.out/stacks/old/enrollkit.manifest.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ version: 'enrollkit.manifest/v0', stack: 'old', groups: [], resources: [], suppressions: [] }));
    await expect(loadManifests(recordingIo(dir), { synth: false })).rejects.toThrow(ValidationError);
  });

  it('says to declare a stack when the app writes no manifest', async () => {
    const io = recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': "import { App } from 'enrollkit';\nnew App().synth();\n" }));
    await expect(loadManifests(io)).rejects.toThrow(/wrote no enrollkit manifest .*Fix: declare an EnrollmentStack/);
  });
});
