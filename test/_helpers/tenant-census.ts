import { parseMarker } from '../../src/model';
import type { StartedReferenceServer } from '../../src/server';

type Json = Record<string, unknown>;

const COLLECTIONS = [
  '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles',
  '/beta/deviceManagement/deviceEnrollmentConfigurations',
  '/beta/deviceManagement/deviceConfigurations',
  '/beta/deviceAppManagement/mobileApps',
];

async function list(server: StartedReferenceServer, path: string, token: string): Promise<Json[]> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { value: Json[] }).value;
}

/** What a tenant holds, read straight from the reference server with the given token. */
export interface TenantCensus {
  /** Intune objects (with their assignments) and groups. */
  readonly objects: readonly Json[];
  /** Groups. */
  readonly groups: readonly Json[];
  /** Descriptions of what is duplicated: objects sharing an ownership marker, groups sharing a name, assignments sharing a target. */
  readonly duplicates: readonly string[];
}

function repeated(keys: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${n} x ${key}`);
}

/** Reads every Intune object, assignment and group of the token's tenant and counts duplicates. */
export async function census(server: StartedReferenceServer, token = server.token): Promise<TenantCensus> {
  const objects = (await Promise.all(COLLECTIONS.map((c) => list(server, `${c}?$expand=assignments`, token)))).flat();
  const groups = await list(server, '/v1.0/groups?$select=id,displayName,description&$top=999', token);
  const markers = objects.flatMap((o) => {
    const { marker } = parseMarker(typeof o.description === 'string' ? o.description : '');
    return marker ? [`object ${marker.stack}/${marker.logicalId}`] : [];
  });
  const assignments = objects.flatMap((o) =>
    ((o.assignments as Json[] | undefined) ?? []).map((a) => `assignment of ${String(o.displayName)} to ${JSON.stringify(a.target)} ${String(a.intent ?? '')}`),
  );
  return {
    objects,
    groups,
    duplicates: [...repeated(markers), ...repeated(groups.map((g) => `group ${String(g.displayName)}`)), ...repeated(assignments)],
  };
}
