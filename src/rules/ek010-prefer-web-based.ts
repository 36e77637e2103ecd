import { describeTarget } from '../model';
import { Coverage } from './assignment-coverage';
import { jitPolicyAssignments } from './coverage-by-kind';
import { enrollmentTypesOf } from './enrollment-types';
import { resourcesOfKind, stateResources } from './resources';
import type { Rule, Violation } from './rule';

/** EK010: web-based enrollment is recommended over Company Portal enrollment, with JIT registration. */
export const ek010PreferWebBased: Rule = {
  id: 'EK010',
  severity: 'info',
  title: 'Web-based enrollment is recommended over Company Portal enrollment for iOS/iPadOS 15+, with JIT registration',
  message: 'web-based enrollment does not need the Company Portal app; JIT registration makes it faster and reduces sign-ins',
  fix: "use enrollmentType 'webDeviceEnrollment' and assign a JIT SSO extension policy to the same users",
  sources: ['002'],
  check: (context) => {
    const jit = new Coverage(jitPolicyAssignments(stateResources(context)));
    return resourcesOfKind(context.manifest.resources, 'enrollmentTypeProfile').flatMap((profile): Violation[] => {
      const types = enrollmentTypesOf(profile.spec);
      if (types.includes('device')) {
        return [{ path: profile.path, field: 'spec.enrollmentType', value: profile.spec.enrollmentType, message: 'device enrollment with Company Portal is used where web-based device enrollment would do without the app' }];
      }
      if (!types.includes('webDeviceEnrollment')) return [];
      const withoutJit = jit.uncovered(profile.assignments);
      if (withoutJit.length === 0) return [];
      return [{ path: profile.path, field: 'assignments', value: withoutJit.map(describeTarget), message: `no JIT SSO extension policy reaches ${withoutJit.map(describeTarget).join(', ')}` }];
    });
  },
};
