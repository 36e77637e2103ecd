import type { Assignment, Resource } from '../model';
import { isCompanyPortalWebClip } from './company-portal-web-clip';
import { enablesJit } from './jit';
import { resourcesOfKind } from './resources';

/** The assignment sets of the SSO extension policies that enable JIT registration. */
export function jitPolicyAssignments(resources: readonly Resource[]): Assignment[][] {
  return resourcesOfKind(resources, 'ssoExtensionPolicy')
    .filter((p) => enablesJit(p.spec))
    .map((p) => p.assignments);
}

/** The assignment sets of Company Portal web clips (any intent but `uninstall`). */
export function companyPortalWebClipAssignments(resources: readonly Resource[]): Assignment[][] {
  return resourcesOfKind(resources, 'webClip')
    .filter((c) => isCompanyPortalWebClip(c.spec))
    .map((c) => c.assignments.filter((a) => a.target.type === 'exclusionGroup' || a.intent !== 'uninstall'));
}
