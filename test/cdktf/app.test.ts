import { DataAzureadGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { TerraformStack } from 'cdktf';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, EnrollmentType, EnrollmentTypeProfile, ValidationError, parseManifest, type ValidationIssue } from '../../src';
import { App, azureadGroup } from '../../src/cdktf';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-cdktf-'));
}

/** The issues of the `ValidationError` that synthesizing `app` throws. */
function issuesOfSynth(app: App): readonly ValidationIssue[] {
  try {
    app.synth();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError, but the app synthesized');
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A cdktf app with a groups stack (one declared group, one read) and an enrollment stack targeting both. */
function declare(outdir: string, limit = 5): App {
  const app = new App({ outdir });
  const directory = new TerraformStack(app, 'groups');
  new AzureadProvider(directory, 'azuread', {});
  const byod = new Group(directory, 'Byod', {
    displayName: 'iOS BYOD users',
    description: 'Personal devices',
    securityEnabled: true,
    types: ['DynamicMembership'],
    dynamicMembership: { enabled: true, rule: '(user.department -eq "Sales")' },
  });
  const kiosks = new DataAzureadGroup(directory, 'Kiosks', { displayName: 'Kiosk accounts' });
  const stack = new EnrollmentStack(app, 'enrollment');
  new EnrollmentTypeProfile(stack, 'Web', {
    displayName: 'Web',
    enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT,
    assignments: [AssignmentTarget.group(azureadGroup(byod)), AssignmentTarget.excludeGroup(azureadGroup(kiosks, { members: 'users' }))],
  });
  new DeviceLimitRestriction(stack, 'Limit', { displayName: 'Limit', limit, assignments: [AssignmentTarget.group(azureadGroup(byod))] });
  return app;
}

describe('cdktf App', () => {
  it("writes cdktf's Terraform JSON for the azuread group and the enrollkit manifest side by side", () => {
    const outdir = tempDir();
    declare(outdir).synth();
    const terraform = readJson(path.join(outdir, 'stacks/groups/cdk.tf.json')) as { resource: { azuread_group: Record<string, Record<string, unknown>> } };
    expect(terraform.resource.azuread_group.Byod).toMatchObject({ display_name: 'iOS BYOD users', security_enabled: true });
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
    const manifest = parseManifest(readJson(path.join(outdir, 'stacks/enrollment/enrollkit.manifest.json')));
    expect(manifest.resources.map((r) => r.logicalId)).toEqual(['Web', 'Limit']);
  });

  it('lists an azuread Group as a declared group and a DataAzureadGroup as a referenced one, sorted by display name', () => {
    const outdir = tempDir();
    declare(outdir).synth();
    const manifest = parseManifest(readJson(path.join(outdir, 'stacks/enrollment/enrollkit.manifest.json')));
    expect(manifest.groups).toEqual([
      { displayName: 'Kiosk accounts', declared: false, path: 'groups/Kiosks', members: 'users' },
      {
        displayName: 'iOS BYOD users',
        declared: true,
        path: 'groups/Byod',
        description: 'Personal devices',
        mailNickname: 'ios-byod-users',
        membershipRule: '(user.department -eq "Sales")',
        members: 'users',
      },
    ]);
  });

  it('writes byte-identical files when synthesized twice', () => {
    const outdir = tempDir();
    const snapshot = (): Record<string, string> =>
      Object.fromEntries(
        (fs.readdirSync(outdir, { recursive: true }) as string[])
          .filter((f) => fs.statSync(path.join(outdir, f)).isFile())
          .sort()
          .map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]),
      );
    declare(outdir).synth();
    const first = snapshot();
    declare(outdir).synth();
    expect(snapshot()).toEqual(first);
    expect(Object.keys(first)).toEqual(['manifest.json', 'stacks/enrollment/enrollkit.manifest.json', 'stacks/groups/cdk.tf.json']);
  });

  it('validates the enrollkit stacks before writing anything', () => {
    const outdir = tempDir();
    expect(() => declare(outdir, 40).synth()).toThrow(ValidationError);
    const files = (fs.readdirSync(outdir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(outdir, f)).isFile());
    expect(files).toEqual([]);
  });

  it('reports, at synth and once for all stacks, azuread inputs that are Terraform references', () => {
    const app = new App({ outdir: tempDir() });
    const directory = new TerraformStack(app, 'groups');
    new AzureadProvider(directory, 'azuread', {});
    const source = new Group(directory, 'Source', { displayName: 'Source', description: 'Source group', securityEnabled: true });
    const copy = new Group(directory, 'Copy', { displayName: source.displayName, description: source.description, securityEnabled: true });
    for (const name of ['one', 'two']) {
      const stack = new EnrollmentStack(app, name);
      new DeviceLimitRestriction(stack, 'Limit', { displayName: 'Limit', limit: 5, assignments: [AssignmentTarget.group(azureadGroup(copy))] });
    }
    expect(issuesOfSynth(app)).toEqual([
      {
        path: 'groups/Copy',
        field: 'displayName',
        value: copy.displayNameInput,
        message: expect.stringContaining('is a Terraform reference'),
        fix: 'give displayName of the Group as a plain string',
      },
      {
        path: 'groups/Copy',
        field: 'description',
        value: copy.descriptionInput,
        message: expect.stringContaining('is a Terraform reference'),
        fix: 'give description of the Group as a plain string',
      },
    ]);
  });

  it('reports, at synth, a data source found by object ID, since targets name groups by display name', () => {
    const app = new App({ outdir: tempDir() });
    const directory = new TerraformStack(app, 'groups');
    const byId = new DataAzureadGroup(directory, 'ById', { objectId: '7d2c3a55-1c1e-4d6b-9f5e-2b8f3a4c5d6e' });
    const stack = new EnrollmentStack(app, 'enrollment');
    new DeviceLimitRestriction(stack, 'Limit', { displayName: 'Limit', limit: 5, assignments: [AssignmentTarget.group(azureadGroup(byId))] });
    expect(issuesOfSynth(app)).toEqual([
      {
        path: 'groups/ById',
        field: 'displayName',
        message: 'the azuread group has no display name, and enrollkit targets name groups by display name',
        fix: 'set displayName on the DataAzureadGroup (find the group by display name, not by object ID)',
      },
    ]);
  });
});
