import { AssignmentTarget, EnrollmentType, EnrollmentTypeProfile, EntraGroup } from '../../src';
import { manifestOf, resourceAt } from './synth-stack';

const everyone = AssignmentTarget.allUsers();

describe('EnrollmentTypeProfile', () => {
  it.each([
    ['DEVICE_ENROLLMENT_WITH_COMPANY_PORTAL', 'device'],
    ['WEB_BASED_DEVICE_ENROLLMENT', 'webDeviceEnrollment'],
    ['ACCOUNT_DRIVEN_USER_ENROLLMENT', 'accountDrivenUserEnrollment'],
    ['USER_ENROLLMENT_WITH_COMPANY_PORTAL', 'user'],
  ] as const)('writes EnrollmentType.%s as enrollment type "%s"', (constant, graphName) => {
    const manifest = manifestOf((stack) => {
      new EnrollmentTypeProfile(stack, 'Profile', { displayName: 'P', enrollmentType: EnrollmentType[constant], assignments: [everyone] });
    });
    expect(resourceAt(manifest, 'Profile').spec).toEqual({ enrollmentType: graphName });
  });

  it('writes a user-choice profile with the enrollment type of each ownership', () => {
    const manifest = manifestOf((stack) => {
      new EnrollmentTypeProfile(stack, 'Choice', {
        displayName: 'Let the user choose',
        enrollmentType: EnrollmentType.userChoice({
          personal: EnrollmentType.ACCOUNT_DRIVEN_USER_ENROLLMENT,
          corporate: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT,
        }),
        assignments: [everyone],
      });
    });
    expect(resourceAt(manifest, 'Choice').spec).toEqual({
      enrollmentType: 'userChoice',
      userChoice: { personal: 'accountDrivenUserEnrollment', corporate: 'webDeviceEnrollment' },
    });
  });

  it('carries display name, description and the assignments of props and addAssignment in order', () => {
    const manifest = manifestOf((stack) => {
      const profile = new EnrollmentTypeProfile(stack, 'Profile', {
        displayName: 'Web enrollment',
        description: 'For personal devices',
        enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT,
        assignments: [everyone],
      });
      profile.addAssignment(AssignmentTarget.excludeGroup('Kiosks'));
      profile.addAssignment(AssignmentTarget.allDevices({ filter: { id: '0f5a4c9e-8d1b-4b5e-9c3f-2a1d6e7f8a9b', mode: 'exclude' } }));
      new EntraGroup(stack, 'Kiosks', { displayName: 'Kiosks', members: 'devices' });
    });
    const profile = resourceAt(manifest, 'Profile');
    expect(profile).toMatchObject({ kind: 'enrollmentTypeProfile', displayName: 'Web enrollment', description: 'For personal devices', path: 'test/Profile' });
    expect(profile.assignments).toEqual([
      { target: { type: 'allLicensedUsers' } },
      { target: { type: 'exclusionGroup', group: 'Kiosks' } },
      { target: { type: 'allDevices', filter: { id: '0f5a4c9e-8d1b-4b5e-9c3f-2a1d6e7f8a9b', mode: 'exclude' } } },
    ]);
  });
});
