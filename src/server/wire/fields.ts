import { z } from 'zod';

/** One property of a Graph type: its input schema and its value when the client leaves it out. */
export interface Field {
  /** Schema of the property in a request body. */
  readonly schema: z.ZodType;
  /** Value of a new object that leaves the property out. */
  readonly initial: unknown;
}

/** A Graph type's properties, in wire order. */
export type Fields = Readonly<Record<string, Field>>;

/** Intune's words for a property its model does not declare on a type. */
export function unknownPropertyMessage(property: string, typeName: string): string {
  return `The property '${property}' does not exist on type 'microsoft.management.services.api.${typeName}'. Make sure to only use property names that are defined by the type.`;
}

/** A strict object schema whose unknown-property issue names the type, in Intune's words. */
export function strictType<T extends z.core.$ZodLooseShape>(typeName: string, shape: T) {
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownPropertyMessage(issue.keys[0] ?? '', typeName) : undefined) });
}

/** The `#microsoft.graph.X` form of a type name. */
export function odataType(name: string): string {
  return `#microsoft.graph.${name}`;
}

function optional(schema: z.ZodType, nullable: boolean): z.ZodType {
  return nullable ? schema.nullable().optional() : schema.optional();
}

/** Constructors of {@link Field}s for Graph's primitive and collection types. */
export const f = {
  /** `Edm.String`. */
  string: (initial: string | null = null, nullable = true): Field => ({ schema: optional(z.string(), nullable), initial }),
  /** `Edm.Boolean`. */
  boolean: (initial: boolean | null = null, nullable = true): Field => ({ schema: optional(z.boolean(), nullable), initial }),
  /** `Edm.Int32`. */
  int32: (initial: number | null = null, nullable = true): Field => ({ schema: optional(z.int32(), nullable), initial }),
  /** `Edm.Double`. */
  double: (initial: number | null = null): Field => ({ schema: optional(z.number(), true), initial }),
  /** `Collection(Edm.String)`. */
  strings: (initial: readonly string[] = []): Field => ({ schema: optional(z.array(z.string()), true), initial }),
  /** An enum type. */
  enum: <const T extends readonly [string, ...string[]]>(values: T, initial: T[number] | null = null, nullable = true): Field => ({
    schema: optional(z.enum(values), nullable),
    initial,
  }),
  /** Any other schema (complex values, collections of them); made optional here. */
  of: (schema: z.ZodType, initial: unknown): Field => ({ schema: schema.optional(), initial }),
};

/** The zod shape of some fields. */
export function shapeOf(fields: Fields): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.schema]));
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** A copy of an initial value: a shallow one of a list of primitives (the usual case), a deep one of anything else. */
function copyOf(initial: unknown): unknown {
  if (isPrimitive(initial)) return initial;
  return Array.isArray(initial) && initial.every(isPrimitive) ? [...initial] : structuredClone(initial);
}

/** The initial values of some fields, in wire order (collections copied). */
export function initialValues(fields: Fields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name in fields) values[name] = copyOf(fields[name]!.initial);
  return values;
}

/**
 * A complex type whose declared type is not polymorphic: `@odata.type` is accepted on input and
 * not emitted; properties left out get their initial values.
 */
export function complexType(name: string, fields: Fields): z.ZodType<Record<string, unknown>> {
  return strictType(name, { '@odata.type': z.literal(odataType(name)).optional(), ...shapeOf(fields) }).transform(({ '@odata.type': _type, ...value }) => ({
    ...initialValues(fields),
    ...value,
  }));
}

/** A derived complex type: carries `@odata.type` on input and output. */
export function derivedType(name: string, fields: Fields) {
  return strictType(name, { '@odata.type': z.literal(odataType(name)), ...shapeOf(fields) }).transform(({ '@odata.type': type, ...value }) => ({
    '@odata.type': type,
    ...initialValues(fields),
    ...value,
  }));
}

/** One of several derived complex types, chosen by `@odata.type`. */
export function oneOf(types: readonly [ReturnType<typeof derivedType>, ...ReturnType<typeof derivedType>[]]) {
  return z.discriminatedUnion('@odata.type', types);
}
