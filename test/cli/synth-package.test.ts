import * as path from 'node:path';
import { synthCommand } from '../../src/cli/commands/synth';
import { exec } from '../../src/cli/program';
import { ROOT, appDir, recordingIo, snapshot, removeAppDirs } from '../_helpers/synth-app';

const JS_APP = [
  "const { TerraformStack } = require('cdktf');",
  "const { Group } = require('@cdktf/provider-azuread/lib/group');",
  "const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');",
  "const { AssignmentTarget, EnrollmentStack, WebClip } = require('enrollkit');",
  "const { App, azureadGroup } = require('enrollkit/cdktf');",
  'const app = new App();',
  "const groups = new TerraformStack(app, 'groups');",
  "new AzureadProvider(groups, 'azuread', {});",
  "const users = new Group(groups, 'Users', { displayName: 'Users', securityEnabled: true });",
  "WebClip.companyPortal(new EnrollmentStack(app, 'portal'), 'Portal', { assignments: [{ target: AssignmentTarget.group(azureadGroup(users)) }] });",
  "process.stdout.write(require.resolve('enrollkit') + '\\n' + require.resolve('enrollkit/cdktf') + '\\n');",
  'app.synth();',
].join('\n');

describe('the built package', () => {
  afterAll(removeAppDirs);

  it('is what an app inside the repository gets for enrollkit and enrollkit/cdktf, by package self-reference', async () => {
    const dir = appDir({ 'cdktf.json': JSON.stringify({ app: 'node main.js' }), 'main.js': JS_APP });
    const io = recordingIo(dir);
    expect(await exec(['synth'], io, [synthCommand])).toBe(0);
    expect(io.out()).toContain(`${path.join(ROOT, 'dist/index.js')}\n${path.join(ROOT, 'dist/cdktf/index.js')}\n`);
    expect(Object.keys(snapshot(path.join(dir, 'cdktf.out')))).toEqual(['manifest.json', 'stacks/groups/cdk.tf.json', 'stacks/portal/enrollkit.manifest.json']);
  });
});
