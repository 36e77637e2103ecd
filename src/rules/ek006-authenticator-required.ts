import { describeTarget, MICROSOFT_AUTHENTICATOR } from '../model';
import { authenticatorRequiredAssignments } from './authenticator';
import { Coverage } from './assignment-coverage';
import { enrollmentTypesOf } from './enrollment-types';
import { resourcesOfKind, stateResources } from './resources';
import type { Rule } from './rule';

/** EK006: account-driven user enrollment needs Authenticator required for the same users. */
export const ek006AuthenticatorRequired: Rule = {
  id: 'EK006',
  severity: 'error',
  title: 'An account-driven user enrollment profile needs Microsoft Authenticator assigned as a required app to the same users',
  message: 'Authenticator is the authentication broker of account-driven user enrollment; users cannot sign in to work apps without it',
  fix: `assign ${MICROSOFT_AUTHENTICATOR.displayName} (${MICROSOFT_AUTHENTICATOR.bundleId}) with intent 'required' to the profile's groups`,
  sources: ['004'],
  check: (context) => {
    const authenticator = new Coverage(authenticatorRequiredAssignments(stateResources(context)));
    return resourcesOfKind(context.manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => enrollmentTypesOf(p.spec).includes('accountDrivenUserEnrollment'))
      .flatMap((profile) => {
        const missing = authenticator.uncovered(profile.assignments);
        if (missing.length === 0) return [];
        return [
          {
            path: profile.path,
            field: 'assignments',
            value: missing.map(describeTarget),
            message: `${MICROSOFT_AUTHENTICATOR.displayName} is not required for ${missing.map(describeTarget).join(', ')}`,
          },
        ];
      });
  },
};
