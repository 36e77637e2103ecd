import type { z } from 'zod';
import { type Fields, initialValues, shapeOf } from './fields';
import { type StrictProperties, strictProperties } from './strict-properties';

/** Everything the server knows about one Graph entity type (or assignment type). */
export interface EntityType {
  /** Type name without namespace, e.g. `iosStoreApp`. */
  readonly name: string;
  /** Base types, nearest first, e.g. `['mobileApp']`. */
  readonly ancestors: readonly string[];
  /** Every property, in wire order. */
  readonly fields: Fields;
  /** Strict schema of a request body (every property optional; see `required`). */
  readonly schema: StrictProperties;
  /** Properties a create request must carry. */
  readonly required: readonly string[];
  /** Properties the server manages: ignored in request bodies. */
  readonly readOnly: readonly string[];
  /** Properties that cannot change once created. */
  readonly immutable: readonly string[];
  /** Properties returned when the request has no `$select` (all when absent). */
  readonly defaultSelect?: readonly string[];
  /** Properties beta returns when the request has no `$select`, where they differ from {@link EntityType.defaultSelect}. */
  readonly betaDefaultSelect?: readonly string[];
  /** Properties a PATCH must carry: the service refuses a partial object of this type. */
  readonly patchRequired: readonly string[];
  /** Every property with its value for a new object. */
  initial(): Record<string, unknown>;
}

/** What defines an {@link EntityType}. */
export interface EntityTypeDefinition {
  /** See {@link EntityType.name}. */
  readonly name: string;
  /** See {@link EntityType.ancestors}; none when absent. */
  readonly ancestors?: readonly string[];
  /** See {@link EntityType.fields}. */
  readonly fields: Fields;
  /** See {@link EntityType.required}; none when absent. */
  readonly required?: readonly string[];
  /** Read-only properties besides `id`, `createdDateTime` and `lastModifiedDateTime`. */
  readonly readOnly?: readonly string[];
  /** See {@link EntityType.immutable}; none when absent. */
  readonly immutable?: readonly string[];
  /** See {@link EntityType.defaultSelect}; every property when absent. */
  readonly defaultSelect?: readonly string[];
  /** See {@link EntityType.betaDefaultSelect}; `defaultSelect` when absent. */
  readonly betaDefaultSelect?: readonly string[];
  /** Extra properties accepted on input and not stored, e.g. `members@odata.bind`. */
  readonly inputOnly?: Readonly<Record<string, z.ZodType>>;
  /** A PATCH must send every writable property (the whole object); partial bodies are refused. */
  readonly patchWhole?: boolean;
}

/** Server-managed properties common to every entity. */
const ALWAYS_READ_ONLY = ['id', 'createdDateTime', 'lastModifiedDateTime'];

/** Builds an {@link EntityType}. */
export function entityType(definition: EntityTypeDefinition): EntityType {
  const readOnly = [...new Set([...ALWAYS_READ_ONLY, ...(definition.readOnly ?? [])])];
  const writable = Object.fromEntries(Object.entries(shapeOf(definition.fields)).filter(([name]) => !readOnly.includes(name)));
  const result: EntityType = {
    name: definition.name,
    ancestors: definition.ancestors ?? [],
    fields: definition.fields,
    schema: strictProperties(definition.name, { ...writable, ...(definition.inputOnly ?? {}) }),
    required: definition.required ?? [],
    readOnly,
    immutable: definition.immutable ?? [],
    patchRequired: definition.patchWhole ? Object.keys(writable) : [],
    initial: () => initialValues(definition.fields),
  };
  return {
    ...result,
    ...(definition.defaultSelect ? { defaultSelect: definition.defaultSelect } : {}),
    ...(definition.betaDefaultSelect ? { betaDefaultSelect: definition.betaDefaultSelect } : {}),
  };
}

/** The properties a response of an API version carries without `$select`; `undefined` for all. */
export function defaultSelectOf(type: EntityType, version: 'beta' | 'v1.0'): readonly string[] | undefined {
  return version === 'beta' ? (type.betaDefaultSelect ?? type.defaultSelect) : type.defaultSelect;
}

/** `data` with the stored properties of a validated request body applied (top-level replace, as a PATCH does). */
export function applyProperties(type: EntityType, data: Record<string, unknown>, properties: Record<string, unknown>): Record<string, unknown> {
  const result = { ...data };
  for (const [name, value] of Object.entries(properties)) {
    if (name in type.fields) result[name] = value;
  }
  return result;
}

/**
 * The data of a new object: the type's initial values with the stored properties of a validated
 * create body applied, then the properties the server sets; each property in its wire place (one
 * the type does not declare goes last).
 */
export function newEntityData(type: EntityType, properties: Record<string, unknown>, serverSet: Record<string, unknown>): Record<string, unknown> {
  const data = type.initial();
  for (const [name, value] of Object.entries(properties)) {
    if (name in type.fields) data[name] = value;
  }
  return Object.assign(data, serverSet);
}
