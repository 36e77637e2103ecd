import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK018: app-only credentials cannot write enrollment platform restrictions. */
export const ek018AppOnlyRestrictions: Rule = {
  id: 'EK018',
  severity: 'warning',
  title: 'App-only credentials cannot write enrollment platform restrictions',
  message: 'Graph answers 403 "Tenant is not Global Admin or Intune Service Admin" to application credentials writing platform restrictions',
  fix: 'apply with delegated credentials of an Intune Service Administrator (e.g. --backend graph with Azure CLI sign-in), or suppress EK018 when the restriction is managed elsewhere',
  sources: ['issues'],
  needs: ['appOnlyCredentials'],
  check: ({ manifest, facts }) =>
    facts.appOnlyCredentials
      ? resourcesOfKind(manifest.resources, 'platformRestriction')
          .filter((r) => !r.reference)
          .map((r) => ({ path: r.path, field: 'kind', value: r.kind, message: 'the credentials are application-only; writing this platform restriction will fail with 403' }))
      : [],
};
