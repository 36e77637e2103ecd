import { badRequest } from '../graph-error';
import { derivesFrom } from '../wire/entity-types';
import type { FilterExpr, FilterLiteral } from './filter-parser';

/** What a `$filter` is evaluated against: an object's type and wire properties. */
export interface FilterSubject {
  /** Graph type name without namespace, for `isof`. */
  readonly type: string;
  /** Wire properties of the object. */
  readonly data: Readonly<Record<string, unknown>>;
}

type Scope = ReadonlyMap<string, unknown>;

const TYPE_CAST = /^microsoft\.graph\./;

function resolvePath(segments: readonly string[], subject: FilterSubject, scope: Scope): unknown {
  const [first, ...rest] = segments;
  if (first === undefined) return undefined;
  let current: unknown;
  let remaining: readonly string[];
  if (scope.has(first)) {
    current = scope.get(first);
    remaining = rest;
  } else {
    current = subject.data;
    remaining = segments;
  }
  for (const segment of remaining) {
    if (TYPE_CAST.test(segment)) {
      if (!derivesFrom(subject.type, segment.replace(TYPE_CAST, ''))) return null;
      continue;
    }
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[segment] ?? null;
  }
  return current;
}

function comparable(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function order(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') {
    const a = Date.parse(left);
    const b = Date.parse(right);
    if (!Number.isNaN(a) && !Number.isNaN(b) && /^\d{4}-/.test(left) && /^\d{4}-/.test(right)) return a - b;
    return left.toLowerCase() < right.toLowerCase() ? -1 : left.toLowerCase() > right.toLowerCase() ? 1 : 0;
  }
  return undefined;
}

function equals(left: unknown, right: unknown): boolean {
  return comparable(left ?? null) === comparable(right ?? null);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function evaluate(expr: FilterExpr, subject: FilterSubject, scope: Scope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'path':
      return resolvePath(expr.segments, subject, scope);
    case 'logical': {
      const left = evaluate(expr.left, subject, scope) === true;
      if (expr.op === 'and') return left && evaluate(expr.right, subject, scope) === true;
      return left || evaluate(expr.right, subject, scope) === true;
    }
    case 'not':
      return evaluate(expr.operand, subject, scope) !== true;
    case 'in': {
      const value = evaluate(expr.left, subject, scope);
      return expr.values.some((candidate: FilterLiteral) => equals(value, candidate));
    }
    case 'compare': {
      const left = evaluate(expr.left, subject, scope);
      const right = evaluate(expr.right, subject, scope);
      if (expr.op === 'eq') return equals(left, right);
      if (expr.op === 'ne') return !equals(left, right);
      const difference = order(left, right);
      if (difference === undefined) return false;
      return { gt: difference > 0, ge: difference >= 0, lt: difference < 0, le: difference <= 0 }[expr.op];
    }
    case 'call':
      return call(expr.name, expr.args, subject, scope);
    case 'lambda': {
      const collection = resolvePath(expr.collection, subject, scope);
      const items = Array.isArray(collection) ? collection : [];
      const { predicate, variable } = expr;
      if (!predicate || variable === null) return items.length > 0;
      const test = (item: unknown) => evaluate(predicate, subject, new Map([...scope, [variable, item]])) === true;
      return expr.op === 'any' ? items.some(test) : items.every(test);
    }
  }
}

function call(name: string, args: readonly FilterExpr[], subject: FilterSubject, scope: Scope): unknown {
  const values = args.map((arg) => evaluate(arg, subject, scope));
  if (name === 'isof') {
    const typeName = values.at(-1);
    if (typeof typeName !== 'string') throw badRequest("Invalid filter clause: isof takes a type name such as 'microsoft.graph.iosStoreApp'.");
    return derivesFrom(subject.type, typeName.replace(/^#?microsoft\.graph\./, ''));
  }
  if (name === 'tolower' || name === 'toupper') {
    const value = values[0];
    if (typeof value !== 'string') return null;
    return name === 'tolower' ? value.toLowerCase() : value.toUpperCase();
  }
  const [haystack, needle] = [text(values[0]), text(values[1])];
  if (haystack === undefined || needle === undefined) return false;
  if (name === 'startswith') return haystack.startsWith(needle);
  if (name === 'endswith') return haystack.endsWith(needle);
  return haystack.includes(needle);
}

/** Whether an object matches a `$filter` (string comparisons ignore case, as Graph's directory and Intune enums do). */
export function matchesFilter(expr: FilterExpr, subject: FilterSubject): boolean {
  return evaluate(expr, subject, new Map()) === true;
}

/** Top-level property names a `$filter` refers to (type casts and lambda variables excluded). */
export function filterProperties(expr: FilterExpr, variables: ReadonlySet<string> = new Set()): string[] {
  switch (expr.kind) {
    case 'literal':
      return [];
    case 'path': {
      const first = expr.segments[0];
      return first === undefined || variables.has(first) || TYPE_CAST.test(first) ? [] : [first];
    }
    case 'logical':
    case 'compare':
      return [...filterProperties(expr.left, variables), ...filterProperties(expr.right, variables)];
    case 'not':
      return filterProperties(expr.operand, variables);
    case 'in':
      return filterProperties(expr.left, variables);
    case 'call':
      return expr.args.flatMap((arg) => filterProperties(arg, variables));
    case 'lambda': {
      const own = filterProperties({ kind: 'path', segments: expr.collection }, variables);
      if (!expr.predicate || expr.variable === null) return own;
      return [...own, ...filterProperties(expr.predicate, new Set([...variables, expr.variable]))];
    }
  }
}
