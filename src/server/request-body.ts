import { badRequest, GraphError } from './graph-error';
import type { ServerContextOf } from './server-context';

const MALFORMED = 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** Deepest nesting of objects and arrays a request body may have (OData's default reader quota). */
export const MAX_BODY_DEPTH = 100;

/** The nesting depth of a JSON value, walked without recursion so any depth is measured safely. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const inner of Object.values(current)) pending.push([inner, depth + 1]);
  }
  return deepest;
}

/** How many `{` and `[` a text holds, strings included: a JSON value is nested at most that deep. */
function openingBrackets(text: string): number {
  let count = 0;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) count++;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) count++;
  return count;
}

/** Parses a JSON value that must be a JSON object nested at most {@link MAX_BODY_DEPTH} levels deep. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest(MALFORMED);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest(MALFORMED);
  if (openingBrackets(text) > MAX_BODY_DEPTH && depthOf(value) > MAX_BODY_DEPTH) {
    throw badRequest(`The request payload is nested more than ${MAX_BODY_DEPTH} levels deep; send objects and arrays nested at most ${MAX_BODY_DEPTH} levels.`);
  }
  return value as Record<string, unknown>;
}

/**
 * The JSON object a write request carries: 400 when the body is empty or not JSON, 415 when it
 * is sent with a media type other than `application/json`.
 */
export async function readJsonBody(c: ServerContextOf): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim().length === 0) throw badRequest('Empty Payload. JSON content expected.');
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new GraphError(415, 'UnsupportedMediaType', `The content type '${contentType}' is not supported; send 'application/json'.`);
  }
  return parseJsonObject(text);
}
