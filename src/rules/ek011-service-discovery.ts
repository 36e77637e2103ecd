import { enrollmentTypesOf } from './enrollment-types';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';
import { SERVICE_DISCOVERY_CONTENT_TYPE, SERVICE_DISCOVERY_PATH, serviceDiscoveryProblems } from './service-discovery';
import type { ServiceDiscoveryFact } from './tenant-facts';

function domainProblems(fact: ServiceDiscoveryFact, tenantId: string | undefined): string[] {
  const where = `https://${fact.domain}${SERVICE_DISCOVERY_PATH}`;
  if (fact.redirected) return [`${where} redirects`];
  if (fact.status !== 200) return [`${where} answers ${fact.status === 0 ? 'nothing' : `HTTP ${fact.status}`}`];
  const type = (fact.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  const problems = type === SERVICE_DISCOVERY_CONTENT_TYPE ? [] : [`${where} is served as ${JSON.stringify(fact.contentType ?? '')}, not ${SERVICE_DISCOVERY_CONTENT_TYPE}`];
  return [...problems, ...serviceDiscoveryProblems(fact.body ?? '', tenantId).map((p) => `${where}: ${p}`)];
}

/** EK011: account-driven user enrollment needs the service discovery file on the sign-in domain. */
export const ek011ServiceDiscovery: Rule = {
  id: 'EK011',
  severity: 'error',
  title: 'Account-driven user enrollment needs the service discovery file on the users\' sign-in domain',
  message: `Apple fetches https://<sign-in domain>${SERVICE_DISCOVERY_PATH} to find Intune; enrollment cannot start without it`,
  fix: `publish the output of \`enrollkit discovery --tenant-id <tenant ID> --cloud <cloud>\` at https://<sign-in domain>${SERVICE_DISCOVERY_PATH}, as ${SERVICE_DISCOVERY_CONTENT_TYPE}, without redirects (docs/discovery.md)`,
  sources: ['004'],
  needs: ['serviceDiscovery'],
  check: ({ manifest, facts }) => {
    const fetched = facts.serviceDiscovery;
    if (!fetched) return [];
    const problems = fetched.length === 0 ? ['no sign-in domain was checked'] : fetched.flatMap((f) => domainProblems(f, facts.tenantId));
    if (problems.length === 0) return [];
    return resourcesOfKind(manifest.resources, 'enrollmentTypeProfile')
      .filter((p) => p.assignments.length > 0 && enrollmentTypesOf(p.spec).includes('accountDrivenUserEnrollment'))
      .map((profile) => ({ path: profile.path, field: 'serviceDiscovery', value: problems, message: problems.join('; ') }));
  },
};
