import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import { GENERATED_FILE, graphModelModule } from '../_helpers/generate-graph-model';
import { type DeclaredProperty, documentedDefault, documentedReadOnly, documentedSelectOnly, graphModel, type GraphModel } from '../_helpers/graph-metadata';
import { type Harness, harness, type Json } from './harness';
import { KINDS } from './kinds';

/**
 * Conformance to Microsoft's generated beta metadata (`@microsoft/msgraph-beta-sdk` models, read
 * here with the TypeScript compiler API), for every type the server serves: every declared
 * property is returned (null where unset) and nothing undeclared, every enum member is accepted
 * and non-members refused, undeclared properties and wrong JSON types are refused at every depth of
 * the values the server holds, server-managed properties hold members and keep their values when a
 * PATCH sends others, and every derived type of a polymorphic property is accepted and read back.
 * Types the server serves read-only get the read-side checks only. Where Microsoft's docs and the
 * metadata disagree, the docs win and the page is named (`DOCUMENTED_ENUMS`).
 */

/** Properties the server manages: ignored in bodies, so not sent by the write checks. */
const SERVER_MANAGED = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'version',
  'priority',
  'deviceEnrollmentConfigurationType',
  'supportsScopeTags',
  'isAssigned',
  'uploadState',
  'publishingState',
  'dependentAppCount',
  'supersedingAppCount',
  'supersededAppCount',
  'source',
  'sourceId',
  'usedLicenseCount',
  'totalLicenseCount',
  'revokeLicenseActionResults',
  'configurationEndpointUrl',
  'isDefault',
  'deletedDateTime',
  'onPremisesProvisioningErrors',
  'serviceProvisioningErrors',
]);
/** Server-managed properties every write moves, so the check that a PATCH leaves server-managed values alone skips them. */
const MOVED_BY_WRITES = new Set(['id', 'lastModifiedDateTime', 'version']);
/** Properties fixed once created (a PATCH that changes them is refused by design). */
const IMMUTABLE = new Set(['platformType', 'appUrl']);
/**
 * Enums whose members Microsoft's docs list differently from the metadata: the docs win, and the
 * page is named. `platform` of `importedAppleDeviceIdentity`: the docs spell `tvos`, the metadata
 * `tvOS` (graph-ade-api.md sections 8 and 12.13).
 */
const DOCUMENTED_ENUMS: Readonly<Record<string, { readonly members: readonly string[]; readonly page: string }>> = {
  platform: {
    members: ['unknown', 'ios', 'android', 'windows', 'windowsMobile', 'macOS', 'visionOS', 'tvos', 'unknownFutureValue'],
    page: 'api-reference/beta/resources/intune-enrollment-importedappledeviceidentity.md',
  },
};
/** Leaves a server takes and never returns (secrets): they read back as null. */
const SECRETS = new Set(['password']);
/** Wrong JSON values for each kind of declared type. */
const WRONG: Readonly<Record<string, unknown>> = { string: 12, boolean: 'yes', number: 'many', dateTime: 12, enum: 7, complex: 'flat', collection: 'one' };

/** An object of an emulated type, read back as the server serves it. */
interface ReadSubject {
  readonly typeName: string;
  /** Reads an object of the type (creating what it needs first). */
  read(h: Harness): Promise<Json>;
}

/** An object of an emulated type the server writes: created, read back and patched at its path. */
interface Subject extends ReadSubject {
  /** Creates an object of the type and answers its path. */
  create(h: Harness): Promise<string>;
  /** Error code of a body the model refuses: Intune's `ModelValidationFailure` unless the type is Entra ID's. */
  readonly refusedWith: string;
  /** Every PATCH must carry the whole object (reference errata 5), so the checks send it with the change. */
  readonly patchWhole: boolean;
  /** Reads name every declared property in `$select` (Entra ID returns a default set without it). */
  readonly selectAll: boolean;
}

async function created(h: Harness, collection: string, body: Record<string, unknown>, what: string): Promise<string> {
  const reply = await h.call('POST', collection, { body });
  if (reply.status !== 201) throw new Error(`cannot create ${what}: ${JSON.stringify(reply.body)}`);
  return `${collection}/${encodeURIComponent(reply.body.id)}`;
}

async function readAt(h: Harness, path: string): Promise<Json> {
  const reply = await h.call('GET', path);
  if (reply.status !== 200) throw new Error(`cannot read ${path}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Reads an object of a subject at its path, naming every declared property in `$select` where the subject asks. */
function readOf(h: Harness, subject: Subject, path: string): Promise<Json> {
  return readAt(h, subject.selectAll ? `${path}?$select=${graphModel().properties(subject.typeName).map((p) => p.name).join(',')}` : path);
}

function subject(typeName: string, create: (h: Harness) => Promise<string>, options: Partial<Pick<Subject, 'refusedWith' | 'patchWhole' | 'selectAll'>> = {}): Subject {
  const made: Subject = { typeName, create, read: async (h) => readOf(h, made, await create(h)), refusedWith: 'ModelValidationFailure', patchWhole: false, selectAll: false, ...options };
  return made;
}

const intuneKinds = KINDS.filter((kind) => kind.odataType !== undefined);
const entitySubjects: Subject[] = intuneKinds.map((kind, i) => {
  const typeName = (kind.odataType ?? '').replace('#microsoft.graph.', '');
  return subject(typeName, (h) => created(h, kind.path, kind.create(`m${i}`), typeName));
});
const parentOf = (typeName: string): Subject => {
  const parent = entitySubjects.find((candidate) => candidate.typeName === typeName);
  if (!parent) throw new Error(`no subject of type ${typeName}`);
  return parent;
};
const target = { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: '00000000-0000-0000-0000-0000000000aa' };
const ASSIGNMENT_PARENTS: readonly [string, string, Record<string, unknown>][] = [
  ['appleEnrollmentProfileAssignment', 'appleUserInitiatedEnrollmentProfile', { target }],
  ['enrollmentConfigurationAssignment', 'deviceEnrollmentPlatformRestrictionConfiguration', { target }],
  ['deviceConfigurationAssignment', 'iosDeviceFeaturesConfiguration', { target }],
  ['mobileAppAssignment', 'iosStoreApp', { target, intent: 'required' }],
  ['managedDeviceMobileAppConfigurationAssignment', 'iosMobileAppConfiguration', { target }],
];
const assignmentSubjects: Subject[] = ASSIGNMENT_PARENTS.map(([typeName, parentType, body]) =>
  subject(typeName, async (h) => created(h, `${await parentOf(parentType).create(h)}/assignments`, body, typeName)),
);

const DEP = '/beta/deviceManagement/depOnboardingSettings';
/** The ID of the tenant's ADE token (`dep`) or of its Apple Configurator pseudo-token (`none`). */
async function tokenOf(h: Harness, tokenType: 'dep' | 'none'): Promise<string> {
  const token = (await readAt(h, DEP)).value.find((candidate: Json) => candidate.tokenType === tokenType);
  if (!token) throw new Error(`the tenant has no token of type ${tokenType}`);
  return token.id;
}
/** Imports one serial number on the ADE token and answers the import's result. */
async function imported(h: Harness): Promise<{ path: string; result: Json }> {
  const token = await tokenOf(h, 'dep');
  const collection = `${DEP}/${token}/importedAppleDeviceIdentities`;
  const reply = await h.call('POST', `${collection}/importAppleDeviceIdentityList`, { body: { importedAppleDeviceIdentities: [{ serialNumber: 'C02CONFORM01' }] } });
  const [result] = reply.body?.value ?? [];
  if (reply.status !== 200 || !result) throw new Error(`cannot import a device: ${JSON.stringify(reply.body)}`);
  return { path: `${collection}/${encodeURIComponent(result.id)}`, result };
}
/** The tenant-default all-platform restriction, which every tenant holds and none creates. */
async function defaultRestrictions(h: Harness): Promise<string> {
  const collection = '/beta/deviceManagement/deviceEnrollmentConfigurations';
  const found = (await readAt(h, collection)).value.find((item: Json) => item['@odata.type'] === '#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration');
  if (!found) throw new Error('the tenant has no default platform restrictions');
  return `${collection}/${encodeURIComponent(found.id)}`;
}
const adeSubjects: Subject[] = [
  subject('deviceEnrollmentPlatformRestrictionsConfiguration', defaultRestrictions, { patchWhole: true }),
  subject('depIOSEnrollmentProfile', async (h) =>
    created(h, `${DEP}/${await tokenOf(h, 'dep')}/enrollmentProfiles`, { '@odata.type': '#microsoft.graph.depIOSEnrollmentProfile', displayName: 'Corporate iPads' }, 'ADE profile'),
  ),
  subject('enrollmentProfile', async (h) =>
    created(h, `${DEP}/${await tokenOf(h, 'none')}/enrollmentProfiles`, { '@odata.type': '#microsoft.graph.enrollmentProfile', displayName: 'Configurator lab' }, 'Apple Configurator profile'),
  ),
  subject('importedAppleDeviceIdentity', async (h) => (await imported(h)).path),
];
const directoryKind = (name: string) => {
  const kind = KINDS.find((candidate) => candidate.name === name);
  if (!kind) throw new Error(`no kind ${name}`);
  return kind;
};
/** Entra ID's types, on beta: model errors are the directory's `BadRequest`, and defaults leave properties out. */
const directorySubjects: Subject[] = ['group', 'user'].map((name, i) =>
  subject(name, (h) => created(h, directoryKind(name).path.replace('/v1.0/', '/beta/'), directoryKind(name).create(`d${i}`), name), { refusedWith: 'BadRequest', selectAll: true }),
);
const SUBJECTS = [...entitySubjects, ...assignmentSubjects, ...adeSubjects, ...directorySubjects];

/** Types the server serves for reading only (their writes are Apple's, Entra ID's or the admin API's): only the read-side checks apply. */
const READ_ONLY_SUBJECTS: ReadSubject[] = [
  { typeName: 'applePushNotificationCertificate', read: (h) => readAt(h, '/beta/deviceManagement/applePushNotificationCertificate') },
  { typeName: 'depOnboardingSetting', read: async (h) => readAt(h, `${DEP}/${await tokenOf(h, 'dep')}`) },
  { typeName: 'vppToken', read: async (h) => (await readAt(h, '/beta/deviceAppManagement/vppTokens')).value[0] },
  { typeName: 'importedAppleDeviceIdentityResult', read: async (h) => (await imported(h)).result },
  { typeName: 'organization', read: async (h) => (await readAt(h, '/beta/organization')).value[0] },
  { typeName: 'deviceManagement', read: (h) => readAt(h, '/beta/deviceManagement') },
];

/** A PATCH the server took: 204, or Intune's 400 for a value it already held. */
const accepted = (reply: { status: number; body: Json }): boolean =>
  reply.status === 204 || (reply.status === 400 && /at least 1 property must be changed/.test(String(reply.body?.error?.message)));

let counted = 0;
const check = (condition: boolean, what: string): void => {
  counted++;
  if (!condition) throw new Error(what);
};

async function createOf(h: Harness, subject: Subject): Promise<{ path: string; body: Json }> {
  const path = await subject.create(h);
  return { path, body: await readOf(h, subject, path) };
}

const SAMPLES: Readonly<Record<string, unknown>> = {
  string: 'sample',
  boolean: true,
  number: 1,
  dateTime: '2026-01-01T00:00:00Z',
  guid: '00000000-0000-0000-0000-000000000001',
  date: '2026-01-01',
  time: '08:00:00',
  duration: 'PT1H',
  binary: 'AAEC',
  untyped: 'sample',
};
const MAX_SAMPLE_DEPTH = 4;

/** Concrete types a value of a complex type may have: its leaf derived types, or itself. */
function concreteTypes(model: GraphModel, typeName: string): { name: string; polymorphic: boolean }[] {
  const leaves = model.derived(typeName).filter((name) => model.derived(name).length === 0);
  return leaves.length > 0 ? leaves.map((name) => ({ name, polymorphic: true })) : [{ name: typeName, polymorphic: false }];
}

/** A value of a complex type with every declared property set, nested values included (to a depth). */
function sampleOf(model: GraphModel, concrete: { name: string; polymorphic: boolean }, depth = 1): Record<string, unknown> {
  const value: Record<string, unknown> = concrete.polymorphic ? { '@odata.type': `#microsoft.graph.${concrete.name}` } : {};
  for (const property of model.properties(concrete.name)) {
    let one: unknown;
    if (property.type.kind === 'enum') one = membersOf(model, property.type.name)[0] ?? null;
    else if (property.type.kind === 'complex') one = depth < MAX_SAMPLE_DEPTH ? sampleOf(model, concreteTypes(model, property.type.name)[0]!, depth + 1) : null;
    else one = SAMPLES[property.type.kind] ?? null;
    value[property.name] = property.collection ? (one === null ? [] : [one]) : one;
  }
  return value;
}

/** Every primitive leaf inside a JSON value, with its path. */
function leavesWithin(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leavesWithin(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => (key === '@odata.type' ? [] : leavesWithin(inner, [...path, key])));
  return value === null ? [] : [{ path, value }];
}

/** Whether the server manages a property: by its nature, or because the docs call it read-only. */
function isServerManaged(property: DeclaredProperty): boolean {
  return SERVER_MANAGED.has(property.name) || documentedReadOnly(property);
}

function writable(model: GraphModel, typeName: string): DeclaredProperty[] {
  return model.properties(typeName).filter((p) => !isServerManaged(p) && !IMMUTABLE.has(p.name));
}

/** A JSON value with its secret leaves read back as the server returns them: null. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRETS.has(key) ? null : withoutSecrets(inner)]));
}

/** Every path inside a JSON value that holds an object (a complex value), with the object. */
function objectsWithin(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectsWithin(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const here = path.length > 0 ? [{ path, value: value as Record<string, unknown> }] : [];
  return [...here, ...Object.entries(value).flatMap(([key, inner]) => objectsWithin(inner, [...path, key]))];
}

function withAt(root: Json, path: readonly (string | number)[], change: (value: Json) => Json): Json {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path;
  const copy = Array.isArray(root) ? [...root] : { ...root };
  (copy as Json)[head as string] = withAt((root as Json)[head as string], rest, change);
  return copy;
}

/** Members of an enum: the docs' where they and the metadata disagree, the metadata's otherwise. */
function membersOf(model: GraphModel, enumName: string): readonly string[] {
  return DOCUMENTED_ENUMS[enumName]?.members ?? model.enums.get(enumName) ?? [];
}

/** Where an enum's members come from, for messages. */
function sourceOf(enumName: string): string {
  const documented = DOCUMENTED_ENUMS[enumName];
  return documented ? `${enumName} (as ${documented.page} lists it)` : enumName;
}

/** The PATCH body that changes some properties of an object read as `current`. */
function patchOf(model: GraphModel, subject: Subject, current: Json, change: Record<string, unknown>): Record<string, unknown> {
  const whole = subject.patchWhole ? Object.fromEntries(writable(model, subject.typeName).map((p) => [p.name, current[p.name]])) : {};
  return { '@odata.type': `#microsoft.graph.${subject.typeName}`, ...whole, ...change };
}

/** Whether a reply is the refusal of a body the model does not take. */
const refused = (subject: Subject, reply: { status: number; body: Json }): boolean => reply.status === 400 && reply.body?.error?.code === subject.refusedWith;

/**
 * The read-side checks of an object of a type: every declared property returned (null or empty
 * where unset), nothing undeclared returned, and enum values (collections included) members.
 */
function checkRead(model: GraphModel, typeName: string, body: Json): void {
  const declared = model.properties(typeName);
  for (const property of declared) {
    check(property.name in body, `${typeName}.${property.name} is declared but not returned`);
    const value = body[property.name];
    if (property.type.kind !== 'enum' || value === null || value === undefined) continue;
    const members = membersOf(model, property.type.name);
    for (const one of property.collection ? value : [value]) check(members.includes(one), `${typeName}.${property.name} = ${JSON.stringify(one)} is not a member of ${sourceOf(property.type.name)}`);
  }
  const names = new Set(declared.map((p) => p.name));
  for (const name of Object.keys(body).filter((key) => !key.startsWith('@odata.'))) check(names.has(name), `${typeName}.${name} is returned but not declared`);
}

describe("conformance to Microsoft's generated beta metadata", () => {
  const model = graphModel();
  afterAll(() => {
    process.stdout.write(`metadata conformance: ${counted} checks passed\n`);
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('returns every declared property of %s, null where unset, nothing undeclared, and enum values that are members', async (_name, subject) => {
    checkRead(model, subject.typeName, await subject.read(harness()));
  });

  it.each(READ_ONLY_SUBJECTS.map((s) => [s.typeName, s] as const))(
    'returns every declared property of %s, null where unset, nothing undeclared, and enum values that are members (served read-only: the read-side checks are all that apply)',
    async (_name, subject) => {
      checkRead(model, subject.typeName, await subject.read(harness()));
    },
  );

  it.each(directorySubjects.map((s) => [s.typeName, s] as const))(
    'returns on beta, without $select, every property of %s its docs mark "Returned by default" and none they mark "Returned only on $select" (api-reference/beta/resources/group.md, user.md)',
    async (_name, subject) => {
      const h = harness();
      const body = await readAt(h, await subject.create(h));
      for (const property of model.properties(subject.typeName)) {
        if (documentedDefault(property)) check(property.name in body, `${subject.typeName}.${property.name} is returned by default in the docs but not by the server`);
        if (documentedSelectOnly(property)) check(!(property.name in body), `${subject.typeName}.${property.name} is returned only on $select in the docs but returned by default by the server`);
      }
    },
  );

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('accepts every enum member of %s and refuses non-members and wrong JSON types', async (_name, subject) => {
    const h = harness();
    const { path, body } = await createOf(h, subject);
    const patch = (change: Record<string, unknown>) => h.call('PATCH', path, { body: patchOf(model, subject, body, change) });
    for (const property of writable(model, subject.typeName)) {
      if (property.type.kind === 'enum' && !property.collection) {
        for (const member of membersOf(model, property.type.name)) {
          const reply = await patch({ [property.name]: member });
          check(accepted(reply), `${subject.typeName}.${property.name} refused member '${member}' of ${sourceOf(property.type.name)}: ${JSON.stringify(reply.body)}`);
          check((await readOf(h, subject, path))[property.name] === member, `${subject.typeName}.${property.name} did not read back '${member}'`);
        }
        check(refused(subject, await patch({ [property.name]: 'notAMember' })), `${subject.typeName}.${property.name} accepted a non-member`);
      }
      const wrong = WRONG[property.collection ? 'collection' : property.type.kind];
      if (wrong !== undefined) check(refused(subject, await patch({ [property.name]: wrong })), `${subject.typeName}.${property.name} accepted ${JSON.stringify(wrong)}`);
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('keeps the server-managed properties of %s as the server set them when a PATCH sends other values', async (_name, subject) => {
    const h = harness();
    const { path, body } = await createOf(h, subject);
    for (const property of model.properties(subject.typeName).filter((p) => isServerManaged(p) && !MOVED_BY_WRITES.has(p.name))) {
      const wrong = WRONG[property.collection ? 'collection' : property.type.kind] ?? 'wrong';
      const reply = await h.call('PATCH', path, { body: patchOf(model, subject, body, { [property.name]: wrong }) });
      check(reply.status < 500, `${subject.typeName}.${property.name}: a PATCH sending ${JSON.stringify(wrong)} answered ${reply.status}`);
      check(isDeepStrictEqual((await readOf(h, subject, path))[property.name], body[property.name]), `${subject.typeName}.${property.name} took ${JSON.stringify(wrong)} from a PATCH`);
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('refuses undeclared properties at every depth of a %s', async (_name, subject) => {
    const h = harness();
    const { path, body } = await createOf(h, subject);
    const patch = (change: Record<string, unknown>) => h.call('PATCH', path, { body: patchOf(model, subject, body, change) });
    check(refused(subject, await patch({ undeclaredProperty: true })), `${subject.typeName} accepted an undeclared property`);
    for (const property of writable(model, subject.typeName)) {
      if (property.type.kind !== 'complex' || body[property.name] === null || body[property.name] === undefined) continue;
      for (const inner of objectsWithin(body[property.name])) {
        const poisoned = withAt(body[property.name], inner.path, (v: Json) => ({ ...v, undeclaredProperty: true }));
        check(refused(subject, await patch({ [property.name]: poisoned })), `${subject.typeName}.${property.name}/${inner.path.join('/')} accepted an undeclared property`);
      }
      const poisonedTop = property.collection ? [{ undeclaredProperty: true }] : { ...body[property.name], undeclaredProperty: true };
      check(refused(subject, await patch({ [property.name]: poisonedTop })), `${subject.typeName}.${property.name} accepted an undeclared property`);
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('accepts and reads back every derived type of the polymorphic properties of %s', async (_name, subject) => {
    const h = harness();
    const { path, body } = await createOf(h, subject);
    for (const property of writable(model, subject.typeName)) {
      if (property.type.kind !== 'complex') continue;
      for (const derived of model.derived(property.type.name).filter((name) => model.derived(name).length === 0)) {
        const value = { '@odata.type': `#microsoft.graph.${derived}` };
        const reply = await h.call('PATCH', path, { body: patchOf(model, subject, body, { [property.name]: property.collection ? [value] : value }) });
        check(accepted(reply), `${subject.typeName}.${property.name} refused derived type ${derived}: ${JSON.stringify(reply.body)}`);
        const read = (await readOf(h, subject, path))[property.name];
        check((property.collection ? read[0] : read)?.['@odata.type'] === `#microsoft.graph.${derived}`, `${subject.typeName}.${property.name} did not read back ${derived}`);
      }
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))(
    'takes a value of every concrete type of every complex property of %s, and refuses undeclared properties and wrong JSON types at every depth of it',
    async (_name, subject) => {
      const h = harness();
      const { path, body } = await createOf(h, subject);
      const patch = (change: Record<string, unknown>) => h.call('PATCH', path, { body: patchOf(model, subject, body, change) });
      for (const property of writable(model, subject.typeName)) {
        if (property.type.kind !== 'complex') continue;
        for (const concrete of concreteTypes(model, property.type.name)) {
          const sample = sampleOf(model, concrete);
          const value = property.collection ? [sample] : sample;
          const reply = await patch({ [property.name]: value });
          check(accepted(reply), `${subject.typeName}.${property.name} refused a full ${concrete.name}: ${JSON.stringify(reply.body)}`);
          const read = (await readOf(h, subject, path))[property.name];
          check(isDeepStrictEqual(read, withoutSecrets(value)), `${subject.typeName}.${property.name} read back ${JSON.stringify(read)} for ${JSON.stringify(value)}`);
          for (const inner of objectsWithin(value)) {
            const poisoned = withAt(value, inner.path, (v: Json) => ({ ...v, undeclaredProperty: true }));
            check(refused(subject, await patch({ [property.name]: poisoned })), `${subject.typeName}.${property.name}/${inner.path.join('/')} (${concrete.name}) accepted an undeclared property`);
          }
          for (const leaf of leavesWithin(value)) {
            const wrong = typeof leaf.value === 'string' ? 12 : 'wrong';
            const reply = await patch({ [property.name]: withAt(value, leaf.path, () => wrong) });
            check(refused(subject, reply), `${subject.typeName}.${property.name}/${leaf.path.join('/')} (${concrete.name}) accepted ${JSON.stringify(wrong)}`);
          }
        }
      }
    },
  );

  it('returns every declared property of a managedDevice recorded by a simulated enrollment, null where unset', async () => {
    const h = harness();
    const user = { accountEnabled: true, displayName: 'Adele', mailNickname: 'adele', userPrincipalName: 'adele@contoso.com', passwordProfile: { password: 'Passw0rd!Passw0rd' } };
    expect((await h.call('POST', '/v1.0/users', { body: user })).status).toBe(201);
    const profile = await created(h, '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles', { displayName: 'p', defaultEnrollmentType: 'webDeviceEnrollment' }, 'profile');
    const everyone = { target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } };
    expect((await h.call('POST', `${profile}/assignments`, { body: everyone })).status).toBe(201);
    const recorded = await h.call('POST', '/_enrollkit/simulate', { body: { user: 'adele@contoso.com', os: '17.2', device: 'ipad', ownership: 'corporate', record: true } });
    expect(recorded.body.managedDeviceId).toEqual(expect.any(String));
    checkRead(model, 'managedDevice', await readAt(h, `/beta/deviceManagement/managedDevices/${recorded.body.managedDeviceId}`));
  });

  it('serves from a description of the metadata that matches the metadata (regenerate with npx tsx test/_helpers/generate-graph-model.ts)', () => {
    check(readFileSync(GENERATED_FILE, 'utf8') === graphModelModule(model), `${GENERATED_FILE} is out of date with the metadata`);
  });
});
