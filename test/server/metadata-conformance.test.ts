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
  readonly collection: string;
  readonly create: () => Record<string, unknown>;
}

const intuneKinds = KINDS.filter((kind) => kind.odataType !== undefined);
const SUBJECTS: Subject[] = intuneKinds.map((kind, i) => ({
  typeName: (kind.odataType ?? '').replace('#microsoft.graph.', ''),
  collection: kind.path,
  create: () => kind.create(`m${i}`),
}));

let counted = 0;
const check = (condition: boolean, what: string): void => {
  counted++;
  if (!condition) throw new Error(what);
};

async function createOf(h: Harness, subject: Subject): Promise<{ path: string; body: Json }> {
  const created = await h.call('POST', subject.collection, { body: subject.create() });
  if (created.status !== 201) throw new Error(`cannot create ${subject.typeName}: ${JSON.stringify(created.body)}`);
  const path = `${subject.collection}/${encodeURIComponent(created.body.id)}`;
  return { path, body: (await h.call('GET', path)).body };
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
          check(reply.status === 204 || (reply.status === 400 && /at least 1 property must be changed/.test(reply.body.error.message)), `${subject.typeName}.${property.name} refused member '${member}': ${JSON.stringify(reply.body)}`);
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
        check(reply.status === 204, `${subject.typeName}.${property.name} refused derived type ${derived}: ${JSON.stringify(reply.body)}`);
        const read = (await h.call('GET', path)).body[property.name];
        check((property.collection ? read[0] : read)?.['@odata.type'] === `#microsoft.graph.${derived}`, `${subject.typeName}.${property.name} did not read back ${derived}`);
      }
    }
  });
});
