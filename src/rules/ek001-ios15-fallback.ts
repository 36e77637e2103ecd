import { compareOsVersions, describeTarget, type AssignmentTarget } from '../model';
import { Coverage } from './assignment-coverage';
import { ENROLLMENT_TYPE_TITLES, IOS15_FALLBACK, enrollmentTypesOf } from './enrollment-types';
import { resourcesOfKind, type ResourceOf } from './resources';
import type { Rule } from './rule';

type Restriction = ResourceOf<'platformRestriction'>;

/** The iOS/iPadOS version below which the types of EK001 fall back. */
const IOS15 = '15.0';

/** True when a restriction keeps devices below iOS/iPadOS 15.0 from enrolling. */
function requiresIos15(restriction: Restriction): boolean {
  const min = restriction.spec.osMinimumVersion;
  return restriction.spec.platformBlocked || (min !== undefined && compareOsVersions(min, IOS15) >= 0);
}

/**
 * True when every user of `target` gets a platform restriction that requires iOS/iPadOS 15.0 or
 * later: the highest-priority restriction that reaches the target requires it, and no
 * higher-priority one that reaches part of the target (a group of all users) lets older devices in.
 */
function protectedByRestrictions(target: AssignmentTarget, restrictions: readonly Restriction[]): boolean {
  for (const restriction of restrictions) {
    if (new Coverage([restriction.assignments]).uncovered([{ target }]).length === 0) return requiresIos15(restriction);
    const reachesSome = target.type !== 'group' && restriction.assignments.some((a) => a.target.type === 'group');
    if (reachesSome && !requiresIos15(restriction)) return false;
  }
  return false;
}

/** EK001: web-based and account-driven enrollment need iOS/iPadOS 15; older devices fall back. */
export const ek001Ios15Fallback: Rule = {
  id: 'EK001',
  severity: 'warning',
  title: 'Web-based device enrollment and account-driven user enrollment need iOS/iPadOS 15 or later',
  message:
    'devices on iOS/iPadOS 14.x fall back: web-based to device enrollment with Company Portal (the Company Portal app is needed), account-driven to user enrollment with Company Portal',
  fix: 'tell users on iOS/iPadOS 14.x to install the Company Portal app, or require iOS/iPadOS 15.0 with a platform restriction',
  sources: ['001', '002', '004'],
  check: ({ manifest }) => {
    const restrictions = resourcesOfKind(manifest.resources, 'platformRestriction').sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    const requiring = restrictions.find(requiresIos15);
    return resourcesOfKind(manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => p.assignments.length > 0)
      .flatMap((profile) => {
        const falling = enrollmentTypesOf(profile.spec).filter((t) => IOS15_FALLBACK[t] !== undefined);
        if (falling.length === 0) return [];
        const exposed = profile.assignments.map((a) => a.target).filter((t) => t.type !== 'exclusionGroup' && !protectedByRestrictions(t, restrictions));
        if (exposed.length === 0) return [];
        const types = falling.map((t) => ENROLLMENT_TYPE_TITLES[t]).join(' and ');
        const who = exposed.map(describeTarget).join(', ');
        return [
          {
            path: profile.path,
            field: 'spec.enrollmentType',
            value: profile.spec.enrollmentType,
            message: `the profile uses ${types}, and no platform restriction requiring iOS/iPadOS ${IOS15} or later applies to ${who}`,
            ...(requiring
              ? {
                  fix: `assign the platform restriction "${requiring.displayName}" (which requires it) to ${who} as well, at a priority above the others that reach them, or tell those users on iOS/iPadOS 14.x to install the Company Portal app`,
                }
              : {}),
          },
        ];
      });
  },
};
