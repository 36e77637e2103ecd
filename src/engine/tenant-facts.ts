import type { Resource } from '../model';
import type { TenantFacts } from '../rules';
import type { ActualState } from './actual-state';
import type { BackendIdentity } from './backend';

/** What the rules need to know of the tenant, from the state read for a plan. */
export function tenantFactsOf(stack: string, state: ActualState, identity: BackendIdentity): TenantFacts {
  const resources = state.objects
    .filter((o) => o.marker?.stack !== stack && !o.builtIn)
    .map(
      (o) =>
        ({
          kind: o.kind,
          logicalId: o.id,
          path: `tenant/${o.displayName}`,
          displayName: o.displayName || o.id,
          description: o.description,
          spec: o.spec,
          assignments: o.assignments.map((a) =>
            'group' in a.target ? { ...a, target: { ...a.target, group: state.groupNames.get(a.target.group) ?? a.target.group } } : a,
          ),
          ...(o.priority !== undefined ? { priority: o.priority } : {}),
          suppressions: [],
        }) as Resource,
    );
  const groups = [...state.groupsByName.values()].flat().map((g) => ({ displayName: g.displayName, members: g.members }));
  const expiry = state.pushCertificate.expirationDateTime;
  return {
    resources,
    groups,
    apnsCertificate: expiry ? { expirationDateTime: expiry } : null,
    appOnlyCredentials: identity.appOnly,
  };
}
