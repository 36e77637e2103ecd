import {
  collectionReads,
  DESCRIPTORS,
  GROUP_IDS_AS_GIVEN,
  membersOfRule,
  BackendError,
  parseMarker,
  tenantDefaultsOf,
  type Assignment,
  type GraphEntity,
  type KindDescriptor,
  type Manifest,
  type NameDirectory,
  type TenantRef,
} from '../model';
import type { ActualGroup, ActualObject, ActualState } from './actual-state';
import type { Backend, GraphRequest, GraphResponse } from './backend';
import { fingerprintOf } from './canonical-json';
import { isSuccess, responseError } from './graph-errors';
import { countPaths, countRequests, countsOf } from './impact/count-members';
import { readHintsOf, rememberReadHints } from './read-hints';
import { nameDirectoryOf, namedLookupRequests, nestedRequests, nestedRequestsUnder, parentIdsOf, readNamedObjects, readNestedObjects } from './read-nested';
import { extend } from './extend';
import { ORGANIZATION_BETA, tenantOf } from './tenant';

/** Choices for {@link readState}. */
export interface ReadStateOptions {
  /**
   * Also count the members of the groups found and all users, for a plan's impact, beside the
   * second round of reads when there is one (the objects nested under the tokens found).
   * @default false
   */
  readonly memberCounts?: boolean;
  /**
   * Also read which tenant the backend opens (`GET /organization` in the first round, with the
   * token's `tid` claim) and hand it to this check as soon as the first round is answered, before
   * any answer is used or anything more is sent; a check that throws (a `WrongTenantError`) ends
   * the read there.
   * @default the tenant is not read
   */
  readonly checkTenant?: (tenant: TenantRef) => void;
}

type Json = Record<string, unknown>;

/** Turns an absolute `@odata.nextLink` into a path below the version root. */
export function nextLinkPath(link: string): string {
  const match = /\/(?:beta|v1\.0)(\/.*)$/.exec(link);
  if (!match?.[1]) {
    throw new BackendError(`the backend sent an @odata.nextLink without a /beta/ or /v1.0/ segment ('${link}'); check that --url names the server root, not a path below it.`);
  }
  return match[1];
}

/**
 * GETs every request and follows `@odata.nextLink` in rounds, returning each request's items;
 * `firstAnswers`, when given, are the answers of the first round, already sent.
 */
export async function getAllPages(backend: Backend, requests: readonly GraphRequest[], firstAnswers?: readonly GraphResponse[]): Promise<Json[][]> {
  const items: Json[][] = requests.map(() => []);
  let pending = requests.map((request, index) => ({ request, index }));
  for (let answered = firstAnswers; pending.length > 0; answered = undefined) {
    const responses = answered ?? (await backend.send(pending.map((p) => p.request)));
    const next: typeof pending = [];
    responses.forEach((response, i) => {
      const { request, index } = pending[i]!;
      if (!isSuccess(response)) throw responseError(request, response);
      const body = (response.body ?? {}) as Json;
      if (Array.isArray(body.value)) items[index]!.push(...(body.value as Json[]));
      else items[index]!.push(body);
      const link = body['@odata.nextLink'];
      if (typeof link === 'string') next.push({ request: { ...request, path: nextLinkPath(link) }, index });
    });
    pending = next;
  }
  return items;
}

/** Quotes a string literal for `$filter` and percent-encodes it. */
export function filterLiteral(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

/** Every group display name a manifest uses: declared, referenced and named by targets. */
export function groupNamesOf(manifest: Manifest): string[] {
  const names = new Set(manifest.groups.map((g) => g.displayName));
  for (const r of manifest.resources) for (const a of r.assignments) if ('group' in a.target) names.add(a.target.group);
  return [...names].sort();
}

function toObject(kind: KindDescriptor, entity: GraphEntity, rawAssignments: Json[], names: NameDirectory, parentId?: string): ActualObject {
  const { text, marker } = parseMarker(typeof entity.description === 'string' ? entity.description : '');
  const read: { assignment: Assignment; id: string }[] = [];
  const unmanagedAssignments: Json[] = [];
  for (const { id, source: _source, sourceId: _sourceId, ...raw } of rawAssignments) {
    const assignment = kind.assignmentFromGraph(raw, GROUP_IDS_AS_GIVEN);
    if (assignment) read.push({ assignment, id: String(id ?? '') });
    else unmanagedAssignments.push(raw);
  }
  const assignments: Assignment[] = read.map((r) => r.assignment);
  const base = {
    kind: kind.kind,
    id: entity.id,
    odataType: String(entity['@odata.type'] ?? kind.graph.odataType),
    displayName: String(entity[kind.nameProperty ?? 'displayName'] ?? ''),
    description: text,
    spec: kind.fromGraph(entity, names),
    assignments,
    assignmentIds: read.map((r) => r.id),
    unmanagedAssignments,
    ...(kind.priorityClass && typeof entity.priority === 'number' ? { priority: entity.priority } : {}),
    ...(parentId ? { parentId } : {}),
    builtIn: kind.isBuiltIn(entity),
    ...(marker ? { marker } : {}),
  };
  return extend(base, { fingerprint: fingerprintOf(extend(base, { rawDescription: entity.description ?? '' })) });
}

/** The managed devices device enrollment manager accounts enrolled (EK022): a read that may be refused without failing the rest. */
const DEM_DEVICES_REQUEST: GraphRequest = {
  method: 'GET',
  version: 'beta',
  path: "/deviceManagement/managedDevices?$filter=deviceEnrollmentType eq 'deviceEnrollmentManager'&$select=id,deviceName,serialNumber,userPrincipalName",
};

/** The request for the name of a group known by its ID. */
function groupNameRequest(id: string): GraphRequest {
  return { method: 'GET', version: 'v1.0', path: `/groups/${id}?$select=id,displayName` };
}

/** The groups found by name, by name, and the names of their IDs. */
function groupsFound(names: readonly string[], groupLists: readonly Json[][]) {
  const groupsByName = new Map<string, ActualGroup[]>();
  const groupNames = new Map<string, string>();
  names.forEach((name, i) => {
    const found = (groupLists[i] ?? []).map((g): ActualGroup => {
      const { marker } = parseMarker(typeof g.description === 'string' ? g.description : '');
      return {
        id: String(g.id),
        displayName: String(g.displayName),
        members: membersOfRule(g.membershipRule as string | undefined),
        ...(marker ? { marker } : {}),
        ...(typeof g.createdDateTime === 'string' ? { createdDateTime: g.createdDateTime } : {}),
      };
    });
    groupsByName.set(name, found);
    for (const g of found) groupNames.set(g.id, g.displayName);
  });
  return { groupsByName, groupNames };
}

/** The group IDs these objects' assignments name that `known` does not hold. */
function unknownGroupIds(objects: readonly ActualObject[], known: ReadonlyMap<string, unknown>): string[] {
  return [...new Set(objects.flatMap((o) => o.assignments.flatMap((a) => ('group' in a.target ? [a.target.group] : []))))].filter((id) => !known.has(id));
}

/**
 * Reads every object of every managed kind, the groups named (see {@link groupNamesOf}) and the APNs
 * certificate, in as few rounds of round trips as the backend allows. The first round sends at
 * once (parallel `$batch`es of 20) the collection lists with `$expand=assignments`, the group
 * look-ups, the token lists, the certificate, the tenant (when asked to check it) and, when an
 * earlier read through this backend found them or the backend was given them ({@link ReadHints}),
 * the objects nested under the tokens (their paths need the tokens' IDs), the member counts of the groups it found and the names of the groups that
 * assignments named by ID. A second round follows only where needed, with everything that waits for
 * the first: the objects nested under tokens not known before, the names of groups not known
 * before, the assignments a list did not expand (and the member counts asked for and not read yet,
 * beside them); further pages go as soon as their page is answered. What the first round sent on an
 * earlier read's word is used only where this read confirms it (same token, same group ID).
 */
export async function readState(backend: Backend, groupNamesToFind: readonly string[], options: ReadStateOptions = {}): Promise<ActualState> {
  const collections = collectionReads(DESCRIPTORS.filter((d) => !d.parent));
  const names = [...new Set(groupNamesToFind)].sort();
  const groupRequests: GraphRequest[] = names.map((name) => ({
    method: 'GET',
    version: 'beta',
    path: `/groups?$filter=displayName eq ${filterLiteral(name)}&$select=id,displayName,description,createdDateTime,groupTypes,membershipRule`,
  }));
  const certRequest: GraphRequest = { method: 'GET', version: 'beta', path: '/deviceManagement/applePushNotificationCertificate' };
  const listRequests = [...collections.map((c) => c.request), ...groupRequests];
  const lookupRequests = namedLookupRequests();
  const tenantRequests = options.checkTenant ? [ORGANIZATION_BETA] : [];
  const memo = readHintsOf(backend);
  const nestedEarly = memo ? nestedRequestsUnder(memo.parents) : [];
  const countedEarly = options.memberCounts ? countPaths(names.flatMap((name) => memo?.groupIds.get(name) ?? [])) : [];
  const namedEarly = memo?.otherGroupIds ?? [];
  const countedEarlySet = new Set(countedEarly);
  const early = [...nestedEarly, ...countRequests(countedEarly), ...namedEarly.map(groupNameRequest)];
  const [identity, sent] = await Promise.all([
    options.checkTenant ? backend.identity() : undefined,
    backend.send([...tenantRequests, ...listRequests, ...lookupRequests, ...early, certRequest, DEM_DEVICES_REQUEST]),
  ]);
  if (options.checkTenant) options.checkTenant(tenantOf(backend, identity!, ORGANIZATION_BETA, sent[0]));
  const first = sent.slice(tenantRequests.length);
  const certResponse = first.at(-2)!;
  const earlyAnswers = first.slice(listRequests.length + lookupRequests.length, -2);
  const [allLists, named, demDevices] = await Promise.all([
    getAllPages(backend, listRequests, first.slice(0, listRequests.length)),
    readNamedObjects(backend, first.slice(listRequests.length, listRequests.length + lookupRequests.length)),
    getAllPages(backend, [DEM_DEVICES_REQUEST], first.slice(-1)).then(([devices]) => devices, () => undefined),
  ]);
  const lists = allLists.slice(0, collections.length);
  const groupLists = allLists.slice(collections.length);
  const directory = nameDirectoryOf(named);
  const { groupsByName, groupNames } = groupsFound(names, groupLists);
  const groupIds = new Map(names.flatMap((name, i) => (groupLists[i]?.length === 1 ? [[name, String(groupLists[i][0]!.id)] as const] : [])));
  const nameAnswers = new Map(namedEarly.map((id, i) => [id, earlyAnswers[nestedEarly.length + countedEarly.length + i]!]));

  const matched: { kind: KindDescriptor; entity: GraphEntity }[] = [];
  collections.forEach((c, i) => {
    for (const entity of lists[i]! as GraphEntity[]) {
      const kind = c.kinds.find((k) => k.matches(entity));
      if (kind) matched.push({ kind, entity });
    }
  });
  const objectOf = (m: (typeof matched)[number]) => toObject(m.kind, m.entity, m.entity.assignments as Json[], directory);
  const expanded = matched.map((m) => (Array.isArray(m.entity.assignments) ? objectOf(m) : undefined));
  const missing = matched.filter((_, i) => !expanded[i]);
  const assignmentRequests = missing.map((m) => m.kind.graph.assignmentsRequest(m.entity.id));
  const namesLate = unknownGroupIds(expanded.filter((o): o is ActualObject => o !== undefined), groupNames).filter((id) => !nameAnswers.has(id));
  const nestedAnswers = new Map(nestedEarly.map((r, i) => [r.path, earlyAnswers[i]!]));
  const nestedAll = nestedRequests(named);
  const nestedLate = nestedAll.filter((r) => !nestedAnswers.has(r.path));
  const late = [...nestedLate, ...assignmentRequests, ...namesLate.map(groupNameRequest)];
  // The counts not read yet ride in the second round when there is one, and wait for the impact otherwise.
  const countedLate = options.memberCounts && late.length > 0 ? countPaths([...groupIds.values()]).filter((path) => !countedEarlySet.has(path)) : [];
  const second = await backend.send([...late, ...countRequests(countedLate)]);
  nestedLate.forEach((r, i) => nestedAnswers.set(r.path, second[i]!));
  namesLate.forEach((id, i) => nameAnswers.set(id, second[nestedLate.length + assignmentRequests.length + i]!));
  const [nested, assignmentLists] = await Promise.all([
    readNestedObjects(backend, named, nestedAll.map((r) => nestedAnswers.get(r.path)!)),
    getAllPages(backend, assignmentRequests, second.slice(nestedLate.length, nestedLate.length + assignmentRequests.length)),
  ]);
  const memberCounts = new Map([...countsOf(countedEarly, earlyAnswers.slice(nestedEarly.length, nestedEarly.length + countedEarly.length)), ...countsOf(countedLate, second.slice(late.length))]);
  missing.forEach((m, i) => {
    m.entity.assignments = assignmentLists[i];
  });
  const objects = [...matched.map((m, i) => expanded[i] ?? objectOf(m)), ...nested.entities.map((n) => toObject(n.kind, n.entity, [], directory, n.parentId))];
  // Groups named only by the assignments read in the second round: their names take a third.
  const namesLast = unknownGroupIds(objects, groupNames).filter((id) => !nameAnswers.has(id));
  (await backend.send(namesLast.map(groupNameRequest))).forEach((response, i) => nameAnswers.set(namesLast[i]!, response));
  const otherGroupIds = unknownGroupIds(objects, groupNames);
  for (const id of otherGroupIds) {
    const response = nameAnswers.get(id);
    const body = response?.body as Json | undefined;
    if (response && isSuccess(response) && typeof body?.displayName === 'string') groupNames.set(id, body.displayName);
  }
  rememberReadHints(backend, { parents: parentIdsOf(named), groupIds, otherGroupIds });
  const deviceEnrollmentManagerDevices = demDevices?.map((d) => ({ serialNumber: String(d.serialNumber ?? ''), deviceName: String(d.deviceName ?? ''), userPrincipalName: String(d.userPrincipalName ?? '') }));

  const expiry = isSuccess(certResponse) ? (certResponse.body as Json).expirationDateTime : undefined;
  const pushCertificate = typeof expiry === 'string' ? { expirationDateTime: expiry } : certResponse.status === 404 ? null : undefined;
  return {
    objects,
    groupsByName,
    groupNames,
    ...(pushCertificate === undefined ? {} : { pushCertificate }),
    named,
    attached: nested.attached,
    ...(deviceEnrollmentManagerDevices ? { deviceEnrollmentManagerDevices } : {}),
    tenantDefaults: tenantDefaultsOf(lists.flat() as GraphEntity[]),
    ...(memberCounts.size > 0 ? { memberCounts } : {}),
  };
}
