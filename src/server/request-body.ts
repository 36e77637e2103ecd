import { badRequest, GraphError } from './graph-error';
import type { ServerContextOf } from './server-context';

const MALFORMED = 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** Parses a JSON value that must be a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest(MALFORMED);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest(MALFORMED);
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
