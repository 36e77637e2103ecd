import { hasPatchComponent } from '../model';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK012: an OS-version restriction with a build number can break web-based enrollment. */
export const ek012OsBuildNumber: Rule = {
  id: 'EK012',
  severity: 'warning',
  title: 'Restrict iOS versions by major.minor only: a build number (e.g. 17.0.3) can make web-based enrollment fail',
  message: 'Safari misreports the OS version during web-based enrollment, so restrictions with a build number may refuse devices that meet them',
  fix: 'drop the build number (e.g. "17.0" instead of "17.0.3"), or use another enrollment type where the granular restriction matters',
  sources: ['002'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'platformRestriction').flatMap((restriction) => {
      const fields = (['osMinimumVersion', 'osMaximumVersion'] as const).filter((f) => {
        const version = restriction.spec[f];
        return version !== undefined && hasPatchComponent(version);
      });
      const first = fields[0];
      if (!first) return [];
      return [
        {
          path: restriction.path,
          field: `spec.${first}`,
          value: restriction.spec[first],
          message: fields.map((f) => `${f} ${JSON.stringify(restriction.spec[f])} has a build number`).join('; '),
        },
      ];
    }),
};
