import type { Resource } from '../../model';
import { enrollmentTypesOf } from '../enrollment-types';
import type { ResourceOf } from '../resources';
import { ofKindByPriority } from './by-priority';
import type { EnrollmentRequest } from './enrollment-request';
import type { ProfileCandidate, ProfileStep, SimulationWarning } from './enrollment-resolution';
import { matchUser } from './user-targeting';

/** What step 2 finds: every profile considered, the winner, and what to know. */
export interface ProfileResolution {
  /** Every profile, in priority order, with whether it reached the user. */
  readonly candidates: readonly ProfileCandidate[];
  /** The winner and its resource. */
  readonly winner?: { readonly step: ProfileStep; readonly resource: ResourceOf<'enrollmentTypeProfile'> };
  /** What to know. */
  readonly warnings: readonly SimulationWarning[];
}

/** Step 2: among the enrollment type profiles assigned to the user, the one with the highest priority. */
export function resolveProfile(resources: readonly Resource[], request: EnrollmentRequest): ProfileResolution {
  const profiles = ofKindByPriority(resources, 'enrollmentTypeProfile');
  const warnings: SimulationWarning[] = [];
  const candidates: ProfileCandidate[] = [];
  let winner: ProfileResolution['winner'];
  for (const profile of profiles) {
    const userEnrollment = enrollmentTypesOf(profile.spec).includes('accountDrivenUserEnrollment');
    const match = matchUser(profile.assignments, request.memberOf, { allDevices: !userEnrollment });
    const ignoredAllDevices = userEnrollment && profile.assignments.some((a) => a.target.type === 'allDevices');
    const reason = match.excludedBy
      ? `excluded through group "${match.excludedBy}"`
      : match.applies
        ? `assigned through ${match.matchedBy.join(', ')}`
        : ignoredAllDevices
          ? 'assigned to all devices only: user enrollment requires user identities (EK007)'
          : 'not assigned to the user';
    const priority = profile.priority === undefined ? {} : { priority: profile.priority };
    candidates.push({ name: profile.displayName, path: profile.path, ...priority, assigned: match.applies, reason });
    if (!match.applies || winner) continue;
    const outranked = candidates.length - 1;
    winner = {
      resource: profile,
      step: {
        name: profile.displayName,
        path: profile.path,
        priority: profile.priority ?? 0,
        tenantDefault: false,
        matchedBy: match.matchedBy,
        enrollmentType: profile.spec.enrollmentType,
        reason: `highest priority among the profiles assigned to the user (${reason}${outranked > 0 ? `; ${outranked} higher-priority profile${outranked === 1 ? ' does' : 's do'} not reach the user` : ''})`,
      },
    };
    if (match.filters.length > 0) warnings.push({ message: `assignment filters are not evaluated by the simulation (${match.filters.join(', ')}); assumed to match` });
  }
  const assigned = candidates.filter((c) => c.assigned);
  if (assigned.length > 1 && winner) {
    warnings.push({ rule: 'EK013', message: `${assigned.length} profiles reach the user; "${winner.step.name}" wins on priority over ${assigned.slice(1).map((c) => `"${c.name}"`).join(', ')}` });
  }
  return { candidates, ...(winner ? { winner } : {}), warnings };
}
