import type { PropIssue } from './enrollment-resource';

/** A check of one prop's value beyond what TypeScript sees: a factory object where one is expected. */
export interface PropKind {
  /** Problems of `value`, given as prop `field`; empty when it is of the right kind. */
  issues(value: unknown, field: string): PropIssue[];
}

/**
 * Every key of a props interface, each with the check of its value's kind or `true` (the kind's
 * schema checks the value at synth). Listing every key is enforced by the type, so a prop added
 * to the interface and not here fails to compile.
 */
export type PropShape<P> = { readonly [K in keyof Required<P>]: PropKind | true };

/** The result of checking a props object: its problems, and whether a value is of the wrong kind to be read at all. */
export interface PropCheck {
  /** Unknown props and values of the wrong kind. */
  readonly issues: readonly PropIssue[];
  /** True when a value is of the wrong kind, so the construct cannot be declared. */
  readonly wrongKind: boolean;
}

/** A short quote of a value for messages: strings and numbers as given, objects by their class. */
export function quoteValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? `[function ${value.name || 'anonymous'}]` : value;
  if (Array.isArray(value)) return `[array of ${value.length}]`;
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  const id = (value as { node?: { id?: unknown } }).node?.id;
  return `[${name && name !== 'Object' ? name : 'object'}${typeof id === 'string' ? ` ${id}` : ''}]`;
}

/** The Levenshtein distance of two strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The valid name nearest to `name` (ignoring case), when it is near enough to be a typo of it. */
export function nearestName(name: string, valid: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const candidate of valid) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || d < best.d) best = { name: candidate, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/**
 * Checks a props object against its shape: every key the shape does not list is an unknown prop
 * (reported with the nearest valid name), and every value with a kind check is checked.
 */
export function checkProps<P>(props: unknown, shape: PropShape<P>, construct: string): PropCheck {
  const keys = Object.keys(shape);
  if (props === undefined) return { issues: [], wrongKind: false };
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    return {
      issues: [{ field: 'props', value: quoteValue(props), message: `the props of a ${construct} must be an object`, fix: `pass an object with ${keys.join(', ')}` }],
      wrongKind: true,
    };
  }
  const record = props as Record<string, unknown>;
  const unknown = Object.keys(record)
    .filter((key) => !keys.includes(key))
    .map((key): PropIssue => {
      const nearest = nearestName(key, keys);
      return {
        field: key,
        value: quoteValue(record[key]),
        message: `${construct} has no prop "${key}", so the value would be ignored`,
        fix: nearest ? `did you mean "${nearest}"? Rename it` : `remove it; the props of ${construct} are ${keys.join(', ')}`,
      };
    });
  const kinds = Object.entries(shape as Record<string, PropKind | true>).flatMap(([key, kind]) =>
    kind === true || record[key] === undefined ? [] : kind.issues(record[key], key),
  );
  return { issues: [...unknown, ...kinds], wrongKind: kinds.length > 0 };
}

/** A kind check: the value must be an instance of `type`, made by the factories `example` shows. */
export function instanceOf(type: { readonly name: string; [Symbol.hasInstance](value: unknown): boolean }, example: string): PropKind {
  const article = /^[AEIOU]/.test(type.name) ? 'an' : 'a';
  return {
    issues: (value, field) =>
      value instanceof type
        ? []
        : [{ field, value: quoteValue(value), message: `expected ${article} ${type.name}, such as ${example}`, fix: `set ${field} to ${article} ${type.name} made by its factories, e.g. ${example}` }],
  };
}

/** The items of a list prop, or none when the value is not a list (the shape's `LIST` check reports it). */
export function asList<T>(value: readonly T[] | undefined): T[] {
  return Array.isArray(value) ? [...(value as readonly T[])] : [];
}

/** A kind check of every item of a list. */
export function listOf(item: PropKind): PropKind {
  return {
    issues: (value, field) =>
      Array.isArray(value)
        ? value.flatMap((v: unknown, i) => item.issues(v, `${field}.${i}`))
        : [{ field, value: quoteValue(value), message: 'expected a list', fix: `set ${field} to an array` }],
  };
}

/** The kind check of a list prop whose items are checked elsewhere (after `addXxx` calls, too). */
export const LIST: PropKind = listOf({ issues: () => [] });
