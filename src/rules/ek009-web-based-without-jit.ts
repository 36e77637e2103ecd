import { COMPANY_PORTAL_WEB_URL, describeTarget } from '../model';
import { Coverage } from './assignment-coverage';
import { companyPortalWebClipAssignments, jitPolicyAssignments } from './coverage-by-kind';
import { enrollmentTypesOf } from './enrollment-types';
import { resourcesOfKind, stateResources } from './resources';
import type { Rule } from './rule';

/** EK009: web-based enrollment without JIT needs a Company Portal web clip for the same users. */
export const ek009WebBasedWithoutJit: Rule = {
  id: 'EK009',
  severity: 'warning',
  title: 'Web-based enrollment without a JIT SSO extension policy needs a Company Portal web clip for the same users',
  message: 'without JIT registration users cannot enroll with the Company Portal app; the web clip works like the app during enrollment',
  fix: `assign a JIT SSO extension policy to the profile's users, or a web clip of ${COMPANY_PORTAL_WEB_URL}`,
  sources: ['002'],
  check: (context) => {
    const state = stateResources(context);
    const jit = new Coverage(jitPolicyAssignments(state));
    const clips = new Coverage(companyPortalWebClipAssignments(state));
    return resourcesOfKind(context.manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => enrollmentTypesOf(p.spec).includes('webDeviceEnrollment'))
      .flatMap((profile) => {
        const withoutJit = jit.uncovered(profile.assignments);
        const stranded = withoutJit.filter((t) => clips.uncovered([{ target: t }]).length > 0);
        if (stranded.length === 0) return [];
        return [
          {
            path: profile.path,
            field: 'assignments',
            value: stranded.map(describeTarget),
            message: `neither JIT registration nor a Company Portal web clip reaches ${stranded.map(describeTarget).join(', ')}`,
          },
        ];
      });
  },
};
