import { z } from 'zod';
import { badRequest, type GraphError, modelValidationFailure } from '../graph-error';
import { isAbstractType, isKnownType } from './entity-types';
import type { EntityType } from './entity-type';
import { unknownPropertyMessage } from './fields';

const NAMESPACE = /^#?microsoft\.graph\./;

/**
 * Every `@odata.type` of a JSON value in the `#microsoft.graph.X` form (input may omit the `#`):
 * the value itself when it has none to rewrite, else a copy of the objects and arrays on the way
 * to those it rewrites.
 */
export function normalizeODataTypes(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(normalizeODataTypes);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  let result: Record<string, unknown> | undefined;
  for (const [key, inner] of Object.entries(value)) {
    const normalized = key === '@odata.type' && typeof inner === 'string' && !inner.startsWith('#') ? `#${inner}` : normalizeODataTypes(inner);
    if (normalized !== inner) (result ??= { ...value })[key] = normalized;
  }
  return result ?? value;
}

/**
 * The type named by a body's `@odata.type`, without namespace; `undefined` when absent. A name
 * outside `microsoft.graph` is refused with `fail` (Intune routes answer `ModelValidationFailure`).
 */
export function typeNameOf(body: Record<string, unknown>, fail: (message: string) => GraphError = badRequest): string | undefined {
  const raw = body['@odata.type'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !NAMESPACE.test(raw)) throw fail(unresolvedType(String(raw)));
  return raw.replace(NAMESPACE, '');
}

/**
 * The entity type a create body asks for, among those a collection accepts: the one named by
 * `@odata.type`, or the only candidate when the body names none.
 */
export function resolveEntityType(body: Record<string, unknown>, candidates: readonly EntityType[], entitySet: string, baseType: string): EntityType {
  const name = typeNameOf(body, modelValidationFailure);
  if (name === undefined) {
    if (candidates.length === 1 && candidates[0]) return candidates[0];
    throw badRequest(
      `An instance of the abstract type 'microsoft.graph.${baseType}' cannot be created; set '@odata.type' to one of: ${candidates.map((t) => `#microsoft.graph.${t.name}`).join(', ')}.`,
    );
  }
  const found = candidates.find((type) => type.name === name);
  if (found) return found;
  if (isKnownType(name)) {
    throw badRequest(`The type 'microsoft.graph.${name}' is not compatible with '${entitySet}': expected 'microsoft.graph.${baseType}' or a type derived from it.`);
  }
  throw modelValidationFailure(unresolvedType(`microsoft.graph.${name}`));
}

function isAnnotation(key: string): boolean {
  return key.includes('@odata.') && !key.endsWith('@odata.bind');
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join('/');
}

const EDM: Record<string, string> = {
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  int: 'Edm.Int32',
  number: 'Edm.Double',
  array: 'Collection',
  object: 'a complex value',
};

function literal(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A zod issue in the words of Entra ID's directory (and of the server's own admin surface). */
function describeIssue(issue: z.core.$ZodIssue, typeName: string, input: unknown): string {
  const property = pathText(issue.path);
  const value = at(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      // A complex type of the metadata names itself in its issue (in Intune's namespace).
      if (issue.path.length > 0 && issue.message.startsWith("The property '")) return issue.message.replace('microsoft.management.services.api.', 'microsoft.graph.');
      const owner = issue.path.length === 0 ? `microsoft.graph.${typeName}` : String(at(input, [...issue.path, '@odata.type']) ?? `the value of '${property}'`);
      const key = issue.keys[0] ?? '';
      return `The property '${key}' does not exist on type '${owner.replace(/^#/, '')}'. Make sure to only use property names that are defined by the type.`;
    }
    case 'invalid_type':
      if (value === undefined) return `The property '${property}' is required.`;
      return `Cannot convert the value ${JSON.stringify(value)} of property '${property}' to the expected type '${EDM[issue.expected] ?? issue.expected}'.`;
    case 'invalid_value':
      if (issue.path.at(-1) === '@odata.type') return `Invalid '@odata.type' ${JSON.stringify(value)} for property '${pathText(issue.path.slice(0, -1))}'.`;
      return `The value ${JSON.stringify(value)} is not valid for property '${property}'; expected one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String).join(', ') : '';
      return `Invalid '@odata.type' ${JSON.stringify(value)} for property '${pathText(issue.path.slice(0, -1))}'; expected one of: ${options}.`;
    }
    case 'too_big':
    case 'too_small':
      return `The value of property '${property}' is out of range: ${issue.message.replace(/^Too (big|small): /, '')}.`;
    default:
      return `Invalid value specified for property '${property}' of resource '${typeName}'.`;
  }
}

/** A zod issue in Intune's words (reference errata 3): the model's messages, at any depth. */
function describeIntuneIssue(issue: z.core.$ZodIssue, typeName: string, input: unknown): string {
  const value = at(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.message.startsWith("The property '") ? issue.message : unknownPropertyMessage(issue.keys[0] ?? '', typeName);
    case 'invalid_type':
      if (value === undefined) return `The property '${pathText(issue.path)}' is required.`;
      return `Cannot convert the literal '${literal(value)}' to the expected type '${EDM[issue.expected] ?? issue.expected}'.`;
    case 'invalid_value':
      if (issue.path.at(-1) === '@odata.type') return unresolvedType(literal(value));
      return `Requested value '${literal(value)}' was not found.`;
    case 'invalid_union': {
      const name = literal(value).replace(NAMESPACE, '');
      if (value === undefined || isAbstractType(name)) return 'Cannot create an abstract class.';
      if (isKnownType(name)) return `The type 'microsoft.graph.${name}' is not compatible with the property '${pathText(issue.path.slice(0, -1))}'.`;
      return unresolvedType(literal(value));
    }
    default:
      return describeIssue(issue, typeName, input);
  }
}

function unresolvedType(name: string): string {
  return `A type named '${name.replace(/^#/, '')}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`;
}

/** Whether a type is Entra ID's (directory objects), whose errors are worded by the directory, not Intune. */
function isDirectoryType(type: EntityType): boolean {
  return type.ancestors.includes('directoryObject');
}

/**
 * Validates a request body against a type and returns its writable properties: annotations,
 * `@odata.type` and read-only properties are dropped (Graph ignores them), unknown properties,
 * wrong value types and invalid enum members are a 400. On `create`, required properties must be present.
 */
export function parseProperties(type: EntityType, body: Record<string, unknown>, mode: 'create' | 'update'): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(normalizeODataTypes(body) as Record<string, unknown>)) {
    if (key === '@odata.type' || key === 'assignments' || isAnnotation(key) || type.readOnly.includes(key)) continue;
    input[key] = value;
  }
  const parsed = type.schema.safeParse(input);
  const fail = isDirectoryType(type) ? badRequest : modelValidationFailure;
  if (!parsed.success) throw fail(isDirectoryType(type) ? describeIssue(parsed.issue, type.name, input) : describeIntuneIssue(parsed.issue, type.name, input));
  if (mode === 'create') {
    for (const name of type.required) {
      if (parsed.data[name] === undefined || parsed.data[name] === null) throw fail(`The property '${name}' is required on type 'microsoft.graph.${type.name}'.`);
    }
  }
  return parsed.data;
}

/** Validates the body of an action (e.g. `setPriority`) against a strict schema; a 400 names the first problem. */
export function parseActionBody<T>(schema: z.ZodType<T>, body: Record<string, unknown>, action: string): T {
  const { '@odata.type': _type, ...input } = normalizeODataTypes(body) as Record<string, unknown>;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw badRequest(issue ? describeIssue(issue, action, input) : `Invalid body for action '${action}'.`);
}

/** Schema of a `setPriority` body. */
export const setPriorityBody = z.strictObject({ priority: z.int32() });
