import { resourcesOfKind } from './resources';
import type { Rule, Violation } from './rule';

/** EK013: profile priorities form one total order without gaps or ties. */
export const ek013ProfilePriorities: Rule = {
  id: 'EK013',
  severity: 'error',
  title: 'Enrollment type profile priorities form one total order without gaps or ties',
  message: 'when a user is in several profiles\' groups the highest priority wins, so every profile needs a distinct rank',
  fix: 'give the profiles the priorities 1, 2, 3, ... in the order they should win (declaration order does this)',
  sources: ['001', '004'],
  check: ({ manifest }) => {
    const profiles = resourcesOfKind(manifest.resources, 'enrollmentTypeProfile');
    const seen = new Map<number, (typeof profiles)[number]>();
    const violations: Violation[] = [];
    for (const profile of profiles) {
      if (profile.priority === undefined) {
        violations.push({ path: profile.path, field: 'priority', message: 'the profile has no priority' });
      } else if (seen.has(profile.priority)) {
        violations.push({ path: profile.path, field: 'priority', value: profile.priority, message: `another profile has priority ${profile.priority} too` });
      } else {
        seen.set(profile.priority, profile);
      }
    }
    const ranks = [...seen.keys()].sort((a, b) => a - b);
    ranks.forEach((rank, index) => {
      const expected = (ranks[index - 1] ?? 0) + 1;
      const profile = seen.get(rank);
      if (rank !== expected && profile) {
        violations.push({ path: profile.path, field: 'priority', value: rank, message: `priority ${rank} leaves a gap: no profile has priority ${expected}` });
      }
    });
    return violations;
  },
};
