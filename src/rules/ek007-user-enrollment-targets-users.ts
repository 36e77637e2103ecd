import { describeTarget } from '../model';
import { enrollmentTypesOf } from './enrollment-types';
import { deviceTargets, knownGroupMembers } from './group-kinds';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK007: account-driven user enrollment targets users, never device groups or all devices. */
export const ek007UserEnrollmentTargetsUsers: Rule = {
  id: 'EK007',
  severity: 'error',
  title: 'Account-driven user enrollment targets users: never device groups or all devices',
  message: 'user enrollment requires user identities; device groups are not supported',
  fix: 'assign the profile to all users or to user groups',
  sources: ['003', '004'],
  check: (context) => {
    const membersOf = knownGroupMembers(context);
    return resourcesOfKind(context.manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => enrollmentTypesOf(p.spec).includes('accountDrivenUserEnrollment'))
      .flatMap((profile) => {
        const bad = deviceTargets(profile.assignments, membersOf);
        if (bad.length === 0) return [];
        return [{ path: profile.path, field: 'assignments', value: bad.map(describeTarget), message: `assigned to ${bad.map(describeTarget).join(', ')}` }];
      });
  },
};
