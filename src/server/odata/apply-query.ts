import { badRequest } from '../graph-error';
import { filterProperties, type FilterSubject, matchesFilter } from './filter-evaluator';
import type { OrderKey, QueryOptions } from './query-options';

/** What a collection allows its query options to name. */
export interface QueryTarget {
  /** Every property any type of the collection has. */
  readonly properties: ReadonlySet<string>;
  /** Type named in errors, e.g. `microsoft.graph.deviceConfiguration`. */
  readonly typeLabel: string;
}

function unknownProperty(name: string, target: QueryTarget): never {
  throw badRequest(`Could not find a property named '${name}' on type '${target.typeLabel}'.`);
}

/** Throws a 400 naming the first property of `$select` the collection does not have. */
export function checkSelect(select: readonly string[] | undefined, target: QueryTarget): void {
  for (const name of select ?? []) {
    if (name !== '*' && !target.properties.has(name)) unknownProperty(name, target);
  }
}

function valueAt(subject: FilterSubject, path: readonly string[]): unknown {
  let current: unknown = subject.data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[segment] ?? null;
  }
  return current;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'base' });
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function sorter(keys: readonly OrderKey[]) {
  return (left: FilterSubject, right: FilterSubject): number => {
    for (const key of keys) {
      const result = compareValues(valueAt(left, key.path), valueAt(right, key.path));
      if (result !== 0) return key.descending ? -result : result;
    }
    return 0;
  };
}

/** Throws a 400 naming the first property of `$select`, `$filter` or `$orderby` the collection does not have. */
export function checkQuery(options: QueryOptions, target: QueryTarget): void {
  checkSelect(options.select, target);
  for (const name of options.filter ? filterProperties(options.filter) : []) {
    if (!target.properties.has(name)) unknownProperty(name, target);
  }
  for (const key of options.orderBy ?? []) {
    const first = key.path[0] ?? '';
    if (!target.properties.has(first)) unknownProperty(first, target);
  }
}

/** Applies `$filter` and `$orderby` (after checking the properties they name) and checks `$select`. */
export function applyQuery<T extends FilterSubject>(items: readonly T[], options: QueryOptions, target: QueryTarget): T[] {
  checkQuery(options, target);
  const { filter } = options;
  const matched = filter ? items.filter((item) => matchesFilter(filter, item)) : [...items];
  return options.orderBy ? matched.sort(sorter(options.orderBy)) : matched;
}

/** The properties of `data` to return: the `$select`ed ones, else the type's default set, else all. */
export function project(data: Readonly<Record<string, unknown>>, select: readonly string[] | undefined, defaultSelect?: readonly string[]): Record<string, unknown> {
  const wanted = select && !select.includes('*') ? select : defaultSelect;
  if (!wanted) return { ...data };
  return Object.fromEntries(Object.entries(data).filter(([name]) => wanted.includes(name)));
}

/** The literal a `$filter` compares `property` to when the whole filter is `property eq 'literal'` (an index lookup). */
export function equalityOn(options: QueryOptions, property: string): string | undefined {
  const filter = options.filter;
  if (filter?.kind !== 'compare' || filter.op !== 'eq') return undefined;
  const { left, right } = filter;
  if (left.kind === 'path' && left.segments.length === 1 && left.segments[0] === property && right.kind === 'literal' && typeof right.value === 'string') {
    return right.value;
  }
  return undefined;
}
