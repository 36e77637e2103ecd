import { describeTarget } from '../model';
import { enrollmentTypesOf } from './enrollment-types';
import { deviceTargets, knownGroupMembers } from './group-kinds';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK008: the other enrollment type profiles should target user groups too. */
export const ek008ProfilesTargetUsers: Rule = {
  id: 'EK008',
  severity: 'warning',
  title: 'Enrollment type profiles should target user groups, not device groups',
  message: "003: \"Assign the enrollment profile to user groups. Don't assign to device groups.\"",
  fix: 'assign the profile to all users or to user groups',
  sources: ['003'],
  check: (context) => {
    const membersOf = knownGroupMembers(context);
    return resourcesOfKind(context.manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => !enrollmentTypesOf(p.spec).includes('accountDrivenUserEnrollment'))
      .flatMap((profile) => {
        const bad = deviceTargets(profile.assignments, membersOf);
        if (bad.length === 0) return [];
        const webBased = enrollmentTypesOf(profile.spec).includes('webDeviceEnrollment')
          ? '; for web-based device enrollment, 001 (step 8) allows "all devices, or select specific groups", so this is 003\'s advice, not a limit of Intune'
          : '';
        return [{ path: profile.path, field: 'assignments', value: bad.map(describeTarget), message: `assigned to ${bad.map(describeTarget).join(', ')}${webBased}` }];
      });
  },
};
