import { ENROLLMENT_TYPE_TITLES, IOS15_FALLBACK, enrollmentTypesOf } from './enrollment-types';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK001: web-based and account-driven enrollment need iOS/iPadOS 15; older devices fall back. */
export const ek001Ios15Fallback: Rule = {
  id: 'EK001',
  severity: 'warning',
  title: 'Web-based device enrollment and account-driven user enrollment need iOS/iPadOS 15 or later',
  message:
    'devices on iOS/iPadOS 14.x fall back: web-based to device enrollment with Company Portal (the Company Portal app is needed), account-driven to user enrollment with Company Portal',
  fix: 'tell users on iOS/iPadOS 14.x to install the Company Portal app, or require iOS/iPadOS 15.0 with a platform restriction',
  sources: ['001', '002', '004'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => p.assignments.length > 0)
      .flatMap((profile) => {
        const falling = enrollmentTypesOf(profile.spec).filter((t) => IOS15_FALLBACK[t] !== undefined);
        if (falling.length === 0) return [];
        const types = falling.map((t) => ENROLLMENT_TYPE_TITLES[t]).join(' and ');
        return [{ path: profile.path, field: 'spec.enrollmentType', value: profile.spec.enrollmentType, message: `the profile uses ${types}` }];
      }),
};
