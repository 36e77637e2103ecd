import { COMPANY_PORTAL_WEB_URL, describeTarget } from '../model';
import { Coverage } from './assignment-coverage';
import { companyPortalWebClipAssignments } from './coverage-by-kind';
import { resourcesOfKind, stateResources } from './resources';
import type { Rule } from './rule';

/** EK015: a Company Portal web clip is recommended for every user-initiated enrollment type. */
export const ek015CompanyPortalWebClip: Rule = {
  id: 'EK015',
  severity: 'warning',
  title: 'Deploy the Company Portal web app (web clip) to the users of every enrollment type profile',
  message: 'the web clip gives users device status and device actions from the home screen',
  fix: `assign a web clip of ${COMPANY_PORTAL_WEB_URL} to the profile's users`,
  sources: ['001', '004'],
  check: (context) => {
    const clips = new Coverage(companyPortalWebClipAssignments(stateResources(context)));
    return resourcesOfKind(context.manifest.resources, 'enrollmentTypeProfile').flatMap((profile) => {
      const missing = clips.uncovered(profile.assignments);
      if (missing.length === 0) return [];
      return [{ path: profile.path, field: 'assignments', value: missing.map(describeTarget), message: `no Company Portal web clip reaches ${missing.map(describeTarget).join(', ')}` }];
    });
  },
};
