const NEEDS_ESCAPE = /[\\'\u0000-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A single-quoted TypeScript string literal that evaluates to `text`: backslashes, quotes, line
 * breaks, control characters and lone surrogates are escaped, so the literal stays on one line.
 */
export function tsString(text: string): string {
  const body = text.replace(NEEDS_ESCAPE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${body}'`;
}

/** A TypeScript literal for a JSON-like value (strings, numbers, booleans, arrays, plain objects), on one line. */
export function tsValue(value: unknown): string {
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tsValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${tsPropertyName(k)}: ${tsValue(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  throw new Error(`cannot write ${String(value)} as a TypeScript literal`);
}

/** An object literal's property name: bare when it is an identifier, quoted otherwise. */
function tsPropertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsString(name);
}
