import { Construct } from 'constructs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, ISSUES_FILE_ENV, ValidationError, WebClip, parseManifest, synthesizeManifests } from '../../src';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-app-'));
}

function declare(app: App, limit = 5): void {
  const one = new EnrollmentStack(app, 'one');
  WebClip.companyPortal(one, 'Portal', { assignments: [{ target: AssignmentTarget.allUsers() }] });
  const two = new EnrollmentStack(app, 'two');
  new DeviceLimitRestriction(two, 'Limit', { displayName: 'Limit', limit, assignments: [AssignmentTarget.allUsers()] });
}

describe('App', () => {
  it('writes one manifest per stack to <outdir>/stacks/<stack>/enrollkit.manifest.json', () => {
    const outdir = tempDir();
    const app = new App({ outdir });
    declare(app);
    const written = app.synth();
    expect(written).toEqual([path.join(outdir, 'stacks/one/enrollkit.manifest.json'), path.join(outdir, 'stacks/two/enrollkit.manifest.json')]);
    const manifest = parseManifest(JSON.parse(fs.readFileSync(written[1]!, 'utf8')));
    expect(manifest).toMatchObject({ version: 'enrollkit.manifest/v1', stack: 'two', resources: [{ kind: 'deviceLimitRestriction' }] });
  });

  it('writes byte-identical files when synthesized twice', () => {
    const contents = [tempDir(), tempDir()].map((outdir) => {
      const app = new App({ outdir });
      declare(app);
      return app.synth().map((file) => fs.readFileSync(file, 'utf8'));
    });
    expect(contents[0]).toEqual(contents[1]);
  });

  it('collects the problems of every stack, writes nothing, and puts the issues in the issues file', () => {
    const outdir = tempDir();
    const issuesFile = path.join(outdir, 'issues.json');
    const app = new App({ outdir });
    declare(app, 99);
    new EnrollmentStack(new Construct(app, 'Region'), 'one');
    expect(() => synthesizeManifests(app, { [ISSUES_FILE_ENV]: issuesFile })).toThrow(ValidationError);
    expect(JSON.parse(fs.readFileSync(issuesFile, 'utf8'))).toEqual([
      expect.objectContaining({ path: 'two/Limit', field: 'limit', value: 99 }),
      expect.objectContaining({ path: 'Region/one', field: 'id', message: expect.stringContaining('same name') }),
    ]);
    expect(fs.existsSync(path.join(outdir, 'stacks'))).toBe(false);
  });

  it('reports an enrollkit construct outside every stack', () => {
    const app = new App({ outdir: tempDir() });
    WebClip.companyPortal(app, 'Portal', { assignments: [{ target: AssignmentTarget.allUsers() }] });
    expect(() => app.synth()).toThrow(/Portal: scope: the construct is not inside an EnrollmentStack/);
  });

  it('defaults the output directory to CDKTF_OUTDIR, as enrollkit synth sets it', () => {
    const previous = process.env.CDKTF_OUTDIR;
    process.env.CDKTF_OUTDIR = '/tmp/somewhere';
    try {
      expect(new App().outdir).toBe('/tmp/somewhere');
    } finally {
      if (previous === undefined) delete process.env.CDKTF_OUTDIR;
      else process.env.CDKTF_OUTDIR = previous;
    }
  });
});
