import { App, AssignmentTarget, EnrollmentStack, EntraGroup, WebClip } from '../../src';
import { issuesOf, manifestOf } from './synth-stack';

describe('groups of a stack', () => {
  it('lists a declared group with its mail nickname and members derived from the membership rule', () => {
    const manifest = manifestOf((stack) => {
      new EntraGroup(stack, 'Sales', { displayName: 'Sales iPhones', description: 'Sales devices', membershipRule: '(device.deviceOwnership -eq "Company")' });
    });
    expect(manifest.groups).toEqual([
      {
        displayName: 'Sales iPhones',
        declared: true,
        path: 'test/Sales',
        description: 'Sales devices',
        mailNickname: 'sales-iphones',
        membershipRule: '(device.deviceOwnership -eq "Company")',
        members: 'devices',
      },
    ]);
  });

  it('lists a referenced group as not declared, with the members it was given', () => {
    const manifest = manifestOf((stack) => {
      EntraGroup.fromDisplayName(stack, 'Staff', 'All staff', { members: 'users' });
    });
    expect(manifest.groups).toEqual([{ displayName: 'All staff', declared: false, path: 'test/Staff', members: 'users' }]);
  });

  it('sorts groups by display name', () => {
    const manifest = manifestOf((stack) => {
      new EntraGroup(stack, 'B', { displayName: 'Beta', mailNickname: 'beta-group' });
      new EntraGroup(stack, 'A', { displayName: 'Alpha' });
    });
    expect(manifest.groups.map((g) => [g.displayName, g.mailNickname])).toEqual([
      ['Alpha', 'alpha'],
      ['Beta', 'beta-group'],
    ]);
  });

  it('lists a group declared by another stack as a reference', () => {
    const app = new App();
    const directory = new EnrollmentStack(app, 'directory');
    const users = new EntraGroup(directory, 'Users', { displayName: 'Users', members: 'users' });
    const stack = new EnrollmentStack(app, 'enrollment');
    WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: AssignmentTarget.group(users) }] });
    expect(stack.toManifest().groups).toEqual([{ displayName: 'Users', declared: false, path: 'directory/Users', members: 'users' }]);
    expect(directory.toManifest().groups).toEqual([expect.objectContaining({ displayName: 'Users', declared: true })]);
  });

  it('accepts a target that names a group of the stack by display name', () => {
    const manifest = manifestOf((stack) => {
      EntraGroup.fromDisplayName(stack, 'Staff', 'All staff');
      WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: AssignmentTarget.group('All staff') }] });
    });
    expect(manifest.resources[0]?.assignments).toEqual([{ target: { type: 'group', group: 'All staff' }, intent: 'required' }]);
  });

  it('reports two groups with one display name', () => {
    const issues = issuesOf((stack) => {
      new EntraGroup(stack, 'One', { displayName: 'Users' });
      new EntraGroup(stack, 'Two', { displayName: 'Users' });
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'test/Two', field: 'displayName', value: 'Users', message: expect.stringContaining('test/One') })]);
  });
});
