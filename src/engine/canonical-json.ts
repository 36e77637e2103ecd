import { createHash } from 'node:crypto';

/** An array-index key, which JavaScript objects always order first, by number. */
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;

function isIndexKey(key: string): boolean {
  return INDEX_KEY.test(key) && Number(key) < 2 ** 32 - 1;
}

/** Keys in code-unit order, array-index keys first by number (the order a rebuilt object keeps). */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object).sort();
  // Index keys start with a digit (code 48 to 57): the regular expression runs for such keys alone.
  const indexes = keys.filter((k) => k.charCodeAt(0) <= 57 && isIndexKey(k));
  if (indexes.length === 0) return keys;
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndexKey(k))];
}

/** Plans and objects repeat the same few keys: each is quoted once. */
const quotedKeys = new Map<string, string>();

/** A key as JSON text. */
function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    // At most 4096 are kept, so that keys made of data (such as IDs) cannot grow it without bound.
    if (quotedKeys.size < 4096) quotedKeys.set(key, text);
  }
  return text;
}

/** The JSON text of a value with object keys sorted; undefined where `JSON.stringify` leaves a value out. */
function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return write((toJson as () => unknown).call(value));
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const object = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of sortedKeys(object)) {
    const text = write(object[key]);
    if (text !== undefined) members.push(`${quoted(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * JSON with object keys sorted at every depth, so equal values give equal text: what
 * `JSON.stringify` writes once every object is rebuilt with sorted keys (array-index keys first,
 * as JavaScript orders them), written in one pass.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/** A short, stable hash of a value's canonical JSON. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}
