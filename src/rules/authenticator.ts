import { MICROSOFT_AUTHENTICATOR, type Assignment, type Resource } from '../model';
import { resourcesOfKind } from './resources';

/** The `required` assignment sets of Microsoft Authenticator among the given resources. */
export function authenticatorRequiredAssignments(resources: readonly Resource[]): Assignment[][] {
  return resourcesOfKind(resources, 'iosApp')
    .filter((app) => app.spec.bundleId.toLowerCase() === MICROSOFT_AUTHENTICATOR.bundleId)
    .map((app) => app.assignments.filter((a) => a.target.type === 'exclusionGroup' || (a.intent ?? 'required') === 'required'));
}
