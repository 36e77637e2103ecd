import { compareOsVersions, describeTarget, type AssignmentTarget } from '../model';
import { excludedGroups, reachesEveryone } from './assignment-coverage';
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
 * Which targets get a platform restriction that requires iOS/iPadOS 15.0 or later, for every user:
 * the highest-priority restriction that reaches the target requires it, and no higher-priority one
 * that reaches part of the target (a group of all users) lets older devices in. The restrictions
 * are indexed once, so that a question costs the exclusions in its way, not the number of
 * restrictions: a group is reached by the first restriction that includes it, or all users or
 * devices, without excluding it; all users or devices by the first that includes them without
 * exclusions.
 */
class Ios15Protection {
  /** Per group, the position of the first restriction that includes the group without excluding it. */
  private readonly firstIncluding = new Map<string, number>();
  /** The restrictions that include all users or devices, in priority order, with what they exclude. */
  private readonly everyone: { readonly at: number; readonly excluded: ReadonlySet<string> }[] = [];
  /** The verdict for all users and for all devices, which no group changes. */
  private readonly everyoneProtected: boolean;

  /** `restrictions` in priority order, highest first. */
  constructor(private readonly restrictions: readonly Restriction[]) {
    restrictions.forEach((restriction, at) => {
      const excluded = excludedGroups(restriction.assignments);
      if (reachesEveryone(restriction.assignments)) this.everyone.push({ at, excluded });
      for (const a of restriction.assignments) {
        if (a.target.type === 'group' && !excluded.has(a.target.group) && !this.firstIncluding.has(a.target.group)) this.firstIncluding.set(a.target.group, at);
      }
    });
    this.everyoneProtected = this.everyoneVerdict();
  }

  /** True when a restriction requiring iOS/iPadOS 15.0 or later applies to every user of `target`. */
  protects(target: AssignmentTarget): boolean {
    if (target.type !== 'group') return this.everyoneProtected;
    const including = this.firstIncluding.get(target.group) ?? Infinity;
    const everyone = this.everyone.find((e) => !e.excluded.has(target.group))?.at ?? Infinity;
    const first = this.restrictions[Math.min(including, everyone)];
    return first !== undefined && requiresIos15(first);
  }

  private everyoneVerdict(): boolean {
    for (const restriction of this.restrictions) {
      if (reachesEveryone(restriction.assignments) && excludedGroups(restriction.assignments).size === 0) return requiresIos15(restriction);
      const reachesSome = restriction.assignments.some((a) => a.target.type === 'group');
      if (reachesSome && !requiresIos15(restriction)) return false;
    }
    return false;
  }
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
    const protection = new Ios15Protection(restrictions);
    return resourcesOfKind(manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => p.assignments.length > 0)
      .flatMap((profile) => {
        const falling = enrollmentTypesOf(profile.spec).filter((t) => IOS15_FALLBACK[t] !== undefined);
        if (falling.length === 0) return [];
        const exposed = profile.assignments.map((a) => a.target).filter((t) => t.type !== 'exclusionGroup' && !protection.protects(t));
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
