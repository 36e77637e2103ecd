import { z } from 'zod';
import { type Field, type Fields, odataType, strictType } from './fields';
import { GRAPH_MODEL } from './graph-model.generated';

/** Kinds of declared property types in the description. */
type PropertyKind = 'string' | 'boolean' | 'number' | 'dateTime' | 'guid' | 'date' | 'time' | 'duration' | 'binary' | 'untyped' | 'enum' | 'complex' | 'entity';

/** One declared property: name, kind, the enum or complex type it names, and whether it is a collection. */
type PropertyDescription = readonly [string, PropertyKind, string | null, boolean];

/** A description of part of Microsoft's beta metadata (generated; see `graph-model.generated.ts`). */
export interface GraphModelDescription {
  /** Complex types: every property (inherited first) and every type deriving from it. */
  readonly complexTypes: Readonly<Record<string, { readonly properties: readonly PropertyDescription[]; readonly derived: readonly string[] }>>;
  /** Enum members by enum name. */
  readonly enums: Readonly<Record<string, readonly string[]>>;
  /** Entity types returned in full: property names and whether each is a collection. */
  readonly entities: Readonly<Record<string, readonly (readonly [string, boolean])[]>>;
  /** Entity types stored from the metadata: every declared property, and what the docs say of them. */
  readonly entityTypes: Readonly<Record<string, DescribedEntity>>;
}

/** An entity type of the metadata the server stores, and what the docs say of its properties. */
export interface DescribedEntity {
  /** Every declared property (inherited first). */
  readonly properties: readonly PropertyDescription[];
  /** Properties the docs call read-only. */
  readonly readOnly: readonly string[];
  /** Properties the docs say are returned only when `$select` names them. */
  readonly selectOnly: readonly string[];
  /** Properties the docs say are returned by default. */
  readonly returnedByDefault: readonly string[];
}

const schemas = new Map<string, z.ZodType>();

function describedType(name: string) {
  const type = GRAPH_MODEL.complexTypes[name];
  if (!type) throw new Error(`The metadata description has no complex type '${name}'; add it to COMPLEX_ROOTS in test/_helpers/generate-graph-model.ts and regenerate.`);
  return type;
}

function primitive(kind: PropertyKind, typeName: string | null): z.ZodType {
  switch (kind) {
    case 'boolean':
      return z.boolean();
    case 'number':
      return z.number();
    case 'untyped':
      return z.unknown();
    case 'enum': {
      const members = GRAPH_MODEL.enums[typeName ?? ''] ?? [];
      return z.enum(members as [string, ...string[]]);
    }
    case 'complex':
      return z.lazy(() => complexValue(typeName ?? ''));
    default:
      return z.string();
  }
}

/** The fields of a described type: every declared property, null (or an empty collection) initially. */
function describedFields(properties: readonly PropertyDescription[]): Fields {
  return Object.fromEntries(
    properties.map(([name, kind, typeName, collection]): [string, Field] => {
      const schema = primitive(kind, typeName);
      return [name, { schema: (collection ? z.array(schema) : schema).nullable().optional(), initial: collection ? [] : null }];
    }),
  );
}

function initialOf(fields: Fields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, structuredClone(field.initial)]));
}

/** One concrete complex type, named by `@odata.type` on input and output. */
function concrete(name: string, required: boolean): z.ZodType {
  const fields = describedFields(describedType(name).properties);
  const shape = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.schema]));
  const type = z.literal(odataType(name));
  return strictType(name, { '@odata.type': required ? type : type.optional(), ...shape }).transform(({ '@odata.type': _type, ...value }) => ({
    ...(required ? { '@odata.type': odataType(name) } : {}),
    ...initialOf(fields),
    ...value,
  }));
}

/**
 * The schema of a value of a complex type of the metadata: every declared property checked (enum
 * members, JSON types, nested values at every depth), undeclared ones refused in Intune's words.
 * A type with derived types is polymorphic: its values name their concrete type with
 * `@odata.type`, which is kept; `overrides` replaces the schema of some derived types.
 */
export function complexValue(name: string, overrides: Readonly<Record<string, z.ZodType>> = {}): z.ZodType {
  const key = `${name}|${Object.keys(overrides).join(',')}`;
  const known = schemas.get(key);
  if (known) return known;
  const { derived } = describedType(name);
  const leaves = derived.filter((candidate) => describedType(candidate).derived.length === 0);
  const schema =
    leaves.length === 0
      ? concrete(name, false)
      : z.union(leaves.map((leaf) => overrides[leaf] ?? concrete(leaf, true)) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  schemas.set(key, schema);
  return schema;
}

/** A field holding one value of a complex type of the metadata (null initially). */
export function complexField(name: string, overrides?: Readonly<Record<string, z.ZodType>>): Field {
  return { schema: complexValue(name, overrides).nullable().optional(), initial: null };
}

/** A field holding a collection of values of a complex type of the metadata (empty initially). */
export function complexListField(name: string): Field {
  return { schema: z.array(complexValue(name)).nullable().optional(), initial: [] };
}

/** Members of an enum of the metadata. */
export function enumMembers(name: string): [string, ...string[]] {
  const members = GRAPH_MODEL.enums[name];
  if (!members?.length) throw new Error(`The metadata description has no enum '${name}'.`);
  return members as [string, ...string[]];
}

/** Every declared property of an entity type returned in full, null (or an empty collection) initially, for reading only. */
export function declaredEntityFields(name: string): Fields {
  const properties = GRAPH_MODEL.entities[name];
  if (!properties) throw new Error(`The metadata description has no entity '${name}'.`);
  return Object.fromEntries(properties.map(([property, collection]): [string, Field] => [property, { schema: z.unknown(), initial: collection ? [] : null }]));
}

/**
 * An entity type of the metadata the server stores: fields for every declared property (null, or
 * an empty collection, initially; enum members, JSON types and complex values checked at every
 * depth), with what the docs say of the properties.
 */
export function describedEntity(name: string): DescribedEntity & { readonly fields: Fields } {
  const entity = GRAPH_MODEL.entityTypes[name];
  if (!entity) throw new Error(`The metadata description has no entity type '${name}'; add it to DESCRIBED_ENTITY_ROOTS in test/_helpers/generate-graph-model.ts and regenerate.`);
  return { ...entity, fields: describedFields(entity.properties) };
}
