import { AssignmentTarget, DeviceLimitRestriction, EntraGroup, PlatformRestriction } from '../../src';
import { manifestOf, resourceAt } from './synth-stack';

describe('PlatformRestriction', () => {
  it('writes the iOS platform restriction with defaults filled', () => {
    const manifest = manifestOf((stack) => {
      new PlatformRestriction(stack, 'Default', { displayName: 'iOS allowed', assignments: [AssignmentTarget.allUsers()] });
    });
    expect(resourceAt(manifest, 'Default')).toMatchObject({
      kind: 'platformRestriction',
      spec: { platformBlocked: false, personalDeviceEnrollmentBlocked: false },
      priority: 1,
    });
  });

  it('writes blocks and OS version bounds as given', () => {
    const manifest = manifestOf((stack) => {
      const contractors = new EntraGroup(stack, 'Contractors', { displayName: 'Contractors' });
      new PlatformRestriction(stack, 'Corporate', {
        displayName: 'Corporate only',
        personalDeviceEnrollmentBlocked: true,
        osMinimumVersion: '16.0',
        osMaximumVersion: '18.4',
        assignments: [AssignmentTarget.group(contractors)],
      });
    });
    expect(resourceAt(manifest, 'Corporate').spec).toEqual({
      platformBlocked: false,
      personalDeviceEnrollmentBlocked: true,
      osMinimumVersion: '16.0',
      osMaximumVersion: '18.4',
    });
  });
});

describe('DeviceLimitRestriction', () => {
  it('writes the limit and its assignments', () => {
    const manifest = manifestOf((stack) => {
      const limit = new DeviceLimitRestriction(stack, 'Limit', { displayName: 'Five devices', description: 'Most staff', limit: 5 });
      limit.addAssignment(AssignmentTarget.group(EntraGroup.fromDisplayName(stack, 'Staff', 'Staff', { members: 'users' })));
    });
    expect(resourceAt(manifest, 'Limit')).toMatchObject({
      kind: 'deviceLimitRestriction',
      displayName: 'Five devices',
      description: 'Most staff',
      spec: { limit: 5 },
      assignments: [{ target: { type: 'group', group: 'Staff' } }],
    });
  });
});
