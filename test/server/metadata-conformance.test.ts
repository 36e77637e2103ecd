import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import { GENERATED_FILE, graphModelModule } from '../_helpers/generate-graph-model';
import { type DeclaredProperty, graphModel, type GraphModel } from '../_helpers/graph-metadata';
import { type Harness, harness, type Json } from './harness';
import { KINDS } from './kinds';

/**
 * Conformance to Microsoft's generated beta metadata (`@microsoft/msgraph-beta-sdk` models, read
 * here with the TypeScript compiler API): for every Intune type the server emulates, every declared
 * property is returned, every enum member is accepted and non-members refused, undeclared
 * properties and wrong JSON types are refused at every depth of the values the server holds,
 * server-managed enum properties hold members, and every derived type of a polymorphic property
 * the server models is accepted and read back.
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
]);
/** Properties fixed once created (a PATCH that changes them is refused by design). */
const IMMUTABLE = new Set(['platformType', 'appUrl']);
/** Wrong JSON values for each kind of declared type. */
const WRONG: Readonly<Record<string, unknown>> = { string: 12, boolean: 'yes', number: 'many', dateTime: 12, enum: 7, complex: 'flat', collection: 'one' };

interface Subject {
  readonly typeName: string;
  /** Creates an object of the type and answers its path. */
  create(h: Harness): Promise<string>;
}

async function created(h: Harness, collection: string, body: Record<string, unknown>, what: string): Promise<string> {
  const reply = await h.call('POST', collection, { body });
  if (reply.status !== 201) throw new Error(`cannot create ${what}: ${JSON.stringify(reply.body)}`);
  return `${collection}/${encodeURIComponent(reply.body.id)}`;
}

const intuneKinds = KINDS.filter((kind) => kind.odataType !== undefined);
const entitySubjects: Subject[] = intuneKinds.map((kind, i) => {
  const typeName = (kind.odataType ?? '').replace('#microsoft.graph.', '');
  return { typeName, create: (h) => created(h, kind.path, kind.create(`m${i}`), typeName) };
});
const target = { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: '00000000-0000-0000-0000-0000000000aa' };
const ASSIGNMENT_PARENTS: readonly [string, string, Record<string, unknown>][] = [
  ['appleEnrollmentProfileAssignment', 'appleUserInitiatedEnrollmentProfile', { target }],
  ['enrollmentConfigurationAssignment', 'deviceEnrollmentPlatformRestrictionConfiguration', { target }],
  ['deviceConfigurationAssignment', 'iosDeviceFeaturesConfiguration', { target }],
  ['mobileAppAssignment', 'iosStoreApp', { target, intent: 'required' }],
];
const assignmentSubjects: Subject[] = ASSIGNMENT_PARENTS.map(([typeName, parentType, body]) => ({
  typeName,
  create: async (h) => {
    const parent = entitySubjects.find((subject) => subject.typeName === parentType);
    if (!parent) throw new Error(`no subject of type ${parentType}`);
    return created(h, `${await parent.create(h)}/assignments`, body, typeName);
  },
}));
const SUBJECTS = [...entitySubjects, ...assignmentSubjects];

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
  return { path, body: (await h.call('GET', path)).body };
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
    if (property.type.kind === 'enum') one = model.enums.get(property.type.name)?.[0] ?? null;
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

function writable(model: GraphModel, typeName: string): DeclaredProperty[] {
  return model.properties(typeName).filter((p) => !SERVER_MANAGED.has(p.name) && !IMMUTABLE.has(p.name));
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

describe("conformance to Microsoft's generated beta metadata", () => {
  const model = graphModel();
  afterAll(() => {
    process.stdout.write(`metadata conformance: ${counted} checks passed\n`);
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('returns every declared property of %s, null where unset, and server-managed enums hold members', async (_name, subject) => {
    const h = harness();
    const { body } = await createOf(h, subject);
    for (const property of model.properties(subject.typeName)) {
      check(property.name in body, `${subject.typeName}.${property.name} is declared but not returned`);
      const value = body[property.name];
      if (property.type.kind === 'enum' && value !== null && !property.collection) {
        check((model.enums.get(property.type.name) ?? []).includes(value), `${subject.typeName}.${property.name} = ${JSON.stringify(value)} is not a member of ${property.type.name}`);
      }
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('accepts every enum member of %s and refuses non-members and wrong JSON types', async (_name, subject) => {
    const h = harness();
    const { path } = await createOf(h, subject);
    const typed = { '@odata.type': `#microsoft.graph.${subject.typeName}` };
    for (const property of writable(model, subject.typeName)) {
      if (property.type.kind === 'enum' && !property.collection) {
        for (const member of model.enums.get(property.type.name) ?? []) {
          const reply = await h.call('PATCH', path, { body: { ...typed, [property.name]: member } });
          check(accepted(reply), `${subject.typeName}.${property.name} refused member '${member}': ${JSON.stringify(reply.body)}`);
          check((await h.call('GET', path)).body[property.name] === member, `${subject.typeName}.${property.name} did not read back '${member}'`);
        }
        const refused = await h.call('PATCH', path, { body: { ...typed, [property.name]: 'notAMember' } });
        check(refused.status === 400 && refused.body.error.code === 'ModelValidationFailure', `${subject.typeName}.${property.name} accepted a non-member`);
      }
      const wrong = WRONG[property.collection ? 'collection' : property.type.kind];
      if (wrong !== undefined) {
        const reply = await h.call('PATCH', path, { body: { ...typed, [property.name]: wrong } });
        check(reply.status === 400 && reply.body.error.code === 'ModelValidationFailure', `${subject.typeName}.${property.name} accepted ${JSON.stringify(wrong)}`);
      }
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('refuses undeclared properties at every depth of a %s', async (_name, subject) => {
    const h = harness();
    const { path, body } = await createOf(h, subject);
    const typed = { '@odata.type': `#microsoft.graph.${subject.typeName}` };
    const top = await h.call('PATCH', path, { body: { ...typed, undeclaredProperty: true } });
    check(top.status === 400 && top.body.error.code === 'ModelValidationFailure', `${subject.typeName} accepted an undeclared property`);
    for (const property of writable(model, subject.typeName)) {
      if (property.type.kind !== 'complex' || body[property.name] === null || body[property.name] === undefined) continue;
      for (const inner of objectsWithin(body[property.name])) {
        const value = withAt(body[property.name], inner.path.slice(0, -0), (v: Json) => v);
        const poisoned = withAt(value, inner.path, (v: Json) => ({ ...v, undeclaredProperty: true }));
        const reply = await h.call('PATCH', path, { body: { ...typed, [property.name]: poisoned } });
        check(reply.status === 400 && reply.body.error.code === 'ModelValidationFailure', `${subject.typeName}.${property.name}/${inner.path.join('/')} accepted an undeclared property`);
      }
      const poisonedTop = property.collection ? [{ undeclaredProperty: true }] : { ...body[property.name], undeclaredProperty: true };
      const reply = await h.call('PATCH', path, { body: { ...typed, [property.name]: poisonedTop } });
      check(reply.status === 400 && reply.body.error.code === 'ModelValidationFailure', `${subject.typeName}.${property.name} accepted an undeclared property`);
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))('accepts and reads back every derived type of the polymorphic properties of %s', async (_name, subject) => {
    const h = harness();
    const { path } = await createOf(h, subject);
    const typed = { '@odata.type': `#microsoft.graph.${subject.typeName}` };
    for (const property of writable(model, subject.typeName)) {
      if (property.type.kind !== 'complex') continue;
      for (const derived of model.derived(property.type.name).filter((name) => model.derived(name).length === 0)) {
        const value = { '@odata.type': `#microsoft.graph.${derived}` };
        const reply = await h.call('PATCH', path, { body: { ...typed, [property.name]: property.collection ? [value] : value } });
        check(accepted(reply), `${subject.typeName}.${property.name} refused derived type ${derived}: ${JSON.stringify(reply.body)}`);
        const read = (await h.call('GET', path)).body[property.name];
        check((property.collection ? read[0] : read)?.['@odata.type'] === `#microsoft.graph.${derived}`, `${subject.typeName}.${property.name} did not read back ${derived}`);
      }
    }
  });

  it.each(SUBJECTS.map((s) => [s.typeName, s] as const))(
    'takes a value of every concrete type of every complex property of %s, and refuses undeclared properties and wrong JSON types at every depth of it',
    async (_name, subject) => {
      const h = harness();
      const { path } = await createOf(h, subject);
      const typed = { '@odata.type': `#microsoft.graph.${subject.typeName}` };
      for (const property of writable(model, subject.typeName)) {
        if (property.type.kind !== 'complex') continue;
        for (const concrete of concreteTypes(model, property.type.name)) {
          const sample = sampleOf(model, concrete);
          const value = property.collection ? [sample] : sample;
          const reply = await h.call('PATCH', path, { body: { ...typed, [property.name]: value } });
          check(accepted(reply), `${subject.typeName}.${property.name} refused a full ${concrete.name}: ${JSON.stringify(reply.body)}`);
          const read = (await h.call('GET', path)).body[property.name];
          check(isDeepStrictEqual(read, value), `${subject.typeName}.${property.name} read back ${JSON.stringify(read)} for ${JSON.stringify(value)}`);
          for (const inner of objectsWithin(value)) {
            const poisoned = withAt(value, inner.path, (v: Json) => ({ ...v, undeclaredProperty: true }));
            const refused = await h.call('PATCH', path, { body: { ...typed, [property.name]: poisoned } });
            check(refused.status === 400 && refused.body.error.code === 'ModelValidationFailure', `${subject.typeName}.${property.name}/${inner.path.join('/')} (${concrete.name}) accepted an undeclared property`);
          }
          for (const leaf of leavesWithin(value)) {
            const wrong = typeof leaf.value === 'string' ? 12 : 'wrong';
            const refused = await h.call('PATCH', path, { body: { ...typed, [property.name]: withAt(value, leaf.path, () => wrong) } });
            check(refused.status === 400 && refused.body.error.code === 'ModelValidationFailure', `${subject.typeName}.${property.name}/${leaf.path.join('/')} (${concrete.name}) accepted ${JSON.stringify(wrong)}`);
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
    const device = (await h.call('GET', `/beta/deviceManagement/managedDevices/${recorded.body.managedDeviceId}`)).body;
    for (const property of model.properties('managedDevice')) {
      check(property.name in device, `managedDevice.${property.name} is declared but not returned`);
      if (property.type.kind === 'enum' && device[property.name] !== null && !property.collection) {
        check((model.enums.get(property.type.name) ?? []).includes(device[property.name]), `managedDevice.${property.name} = ${JSON.stringify(device[property.name])} is not a member`);
      }
    }
  });

  it('serves from a description of the metadata that matches the metadata (regenerate with npx tsx test/_helpers/generate-graph-model.ts)', () => {
    check(readFileSync(GENERATED_FILE, 'utf8') === graphModelModule(model), `${GENERATED_FILE} is out of date with the metadata`);
  });
});
