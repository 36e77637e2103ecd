import { describeTarget } from '../model';
import { Coverage } from './assignment-coverage';
import { jitPolicyAssignments } from './coverage-by-kind';
import { choicesOf, ENROLLMENT_TYPE_TITLES, enrollmentTypesOf } from './enrollment-types';
import { resourcesOfKind, stateResources } from './resources';
import type { Rule, Violation } from './rule';

/** EK010: web-based enrollment is recommended over Company Portal enrollment, with JIT registration. */
export const ek010PreferWebBased: Rule = {
  id: 'EK010',
  severity: 'info',
  title: 'Web-based enrollment is recommended over Company Portal enrollment for iOS/iPadOS 15+, with JIT registration',
  message: 'web-based enrollment does not need the Company Portal app; JIT registration makes it faster and reduces sign-ins',
  fix: "use enrollmentType 'webDeviceEnrollment' and assign a JIT SSO extension policy to the same users",
  sources: ['002', '003'],
  check: (context) => {
    const jit = new Coverage(jitPolicyAssignments(stateResources(context)));
    return resourcesOfKind(context.manifest.resources, 'enrollmentTypeProfile').flatMap((profile): Violation[] => {
      const types = enrollmentTypesOf(profile.spec);
      if (profile.spec.enrollmentType === 'userChoice') {
        const choices = choicesOf(profile.spec);
        const leads = `personal leads to ${ENROLLMENT_TYPE_TITLES[choices.personal]}, corporate to ${ENROLLMENT_TYPE_TITLES[choices.corporate]}`;
        const portal = types.includes('device') ? '; device enrollment with Company Portal needs the app, where web-based device enrollment would do without it' : '';
        return [
          {
            path: profile.path,
            field: 'spec.userChoice',
            value: profile.spec.userChoice,
            message: `users choose the ownership when they enroll (003: "Depending on their selection, Account driven user enrollment or Device enrollment is used"): ${leads}${portal}`,
            fix: 'tell users which answer to give; for personal devices, web-based device enrollment or account-driven user enrollment without a choice is simpler',
          },
        ];
      }
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
