import { ADE_TOKENS, descriptorOf, priorityRank, type AdeProfileSpec, type Manifest, type Resource } from '../model';
import type { AdeProfileFact, CorporateDevice, TenantFacts } from '../rules';
import type { ActualObject, ActualState } from './actual-state';
import type { BackendIdentity } from './backend';

/**
 * A test of whether a desired resource references a tenant object (by its reference field), with
 * the references indexed once.
 */
export function referencedBy(manifest: Pick<Manifest, 'resources'>): (o: ActualObject) => boolean {
  const values = new Map<string, Map<string, Set<unknown>>>();
  for (const { kind, reference } of manifest.resources) {
    if (!reference) continue;
    const fields = values.get(kind) ?? values.set(kind, new Map()).get(kind)!;
    fields.set(reference.field, (fields.get(reference.field) ?? new Set()).add(reference.value));
  }
  return (o) => [...(values.get(o.kind) ?? [])].some(([field, wanted]) => wanted.has((o.spec as Record<string, unknown>)[field]));
}

/** The organization-owned devices of the tokens read: serial numbers synced to ADE tokens or imported for Apple Configurator (token type `none`). */
function corporateDevicesOf(state: ActualState): CorporateDevice[] {
  const devices = new Map<string, CorporateDevice>();
  for (const { parent, items } of state.attached ?? []) {
    for (const item of items) {
      if (typeof item['serialNumber'] !== 'string') continue;
      const device: CorporateDevice = { serialNumber: item['serialNumber'], token: parent.name, deviceKind: parent.entity['tokenType'] === 'none' ? 'configurator' : 'ade' };
      devices.set(`${device.token}/${device.serialNumber}`, device);
    }
  }
  return [...devices.values()];
}

/**
 * What the rules need to know of the tenant, from the state read for a plan: the objects outside
 * the stack (not those it owns or references, whose assignments the plan rewrites), groups, the
 * APNs certificate, ADE tokens and profiles, the organization-owned devices of the tokens read and
 * those a device enrollment manager enrolled, the default restrictions and the kind of credentials.
 * Priorities are ranks (1 the highest), as in the
 * manifest.
 */
export function tenantFactsOf(manifest: Pick<Manifest, 'stack' | 'resources'>, state: ActualState, identity: BackendIdentity): TenantFacts {
  const isReferenced = referencedBy(manifest);
  const resources = state.objects
    .filter((o) => o.marker?.stack !== manifest.stack && !o.builtIn && !isReferenced(o))
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
          ...(o.priority !== undefined ? { priority: priorityRank(descriptorOf(o.kind), o.priority) } : {}),
          suppressions: [],
        }) as Resource,
    );
  const groups = [...state.groupsByName.values()].flat().map((g) => ({ displayName: g.displayName, members: g.members }));
  const adeProfile = (displayName: string, spec: AdeProfileSpec, path?: string): AdeProfileFact => ({
    displayName,
    ...(path ? { path } : {}),
    userAffinity: spec.userAffinity,
    authenticateWithCompanyPortal: spec.authentication === 'companyPortal',
    installCompanyPortalWithVpp: spec.companyPortalVppToken !== undefined,
  });
  const adeProfiles = [
    ...manifest.resources.flatMap((r) => (r.kind === 'adeProfile' ? [adeProfile(r.displayName, r.spec, r.path)] : [])),
    ...state.objects.filter((o) => o.kind === 'adeProfile' && o.marker?.stack !== manifest.stack).map((o) => adeProfile(o.displayName, o.spec as AdeProfileSpec)),
  ];
  const tokens = state.named?.get(ADE_TOKENS);
  return {
    ...(tokens ? { corporateDevices: corporateDevicesOf(state) } : {}),
    ...(state.deviceEnrollmentManagerDevices ? { deviceEnrollmentManagerDevices: state.deviceEnrollmentManagerDevices } : {}),
    resources,
    groups,
    adeProfiles,
    ...(tokens ? { adeTokens: tokens.map((t) => ({ tokenName: t.name, tokenExpirationDateTime: String(t.entity['tokenExpirationDateTime'] ?? '') })) } : {}),
    ...(state.pushCertificate === undefined ? {} : { apnsCertificate: state.pushCertificate }),
    tenantDefaults: state.tenantDefaults,
    appOnlyCredentials: identity.appOnly,
  };
}
