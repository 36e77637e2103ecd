import { randomUUID } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { GraphError } from '../graph-error';
import type { ServerContextOf } from '../server-context';

/** True when the client closed the connection before its request was read: Node's `aborted` reset, not a fault of the server. */
function isClientDisconnect(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'ECONNRESET';
}

/**
 * Any thrown value as a {@link GraphError}: unexpected ones become a 500 `InternalError` and are
 * logged; a client that went away mid-request gets a 400 nobody reads, and nothing is logged.
 */
export function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof HTTPException) return new GraphError(error.status, 'BadRequest', error.message || 'Bad request.');
  if (isClientDisconnect(error)) return new GraphError(400, 'BadRequest', 'The client closed the connection before the request body was read.');
  process.stderr.write(`enrollkit reference server: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return new GraphError(500, 'InternalError', 'An internal server error occurred.');
}

/** The response of a {@link GraphError}: Graph's error body, with the error's headers. */
export function renderError(c: ServerContextOf, error: GraphError): Response {
  const requestId = c.get('requestId') ?? randomUUID();
  const body = error.toBody({ requestId, clientRequestId: c.get('clientRequestId') ?? requestId, date: new Date(), url: c.req.url });
  return c.body(JSON.stringify(body), error.status as ContentfulStatusCode, { 'Content-Type': 'application/json', ...error.headers });
}
