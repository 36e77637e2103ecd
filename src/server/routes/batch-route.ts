import type { Handler } from 'hono';
import { z } from 'zod';
import { badRequest, GraphError } from '../graph-error';
import { DROP_CONNECTION_HEADER } from '../middleware/inject-faults';
import { toGraphError } from '../middleware/render-error';
import { readJsonBody } from '../request-body';
import { GRAPH_JSON, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import { parseActionBody } from '../wire/parse-body';

/** Most requests one `$batch` may carry. */
export const MAX_BATCH_REQUESTS = 20;

/**
 * Header the server sets on every request it runs for a batch, so that a batch reached from inside
 * a batch is refused however its URL is spelt (`/./$batch`, `/../beta/$batch`, `%24batch`, ...).
 */
const BATCH_ITEM_HEADER = 'x-enrollkit-batch-item';

const NESTED_BATCH = 'A batch cannot contain another batch.';

const batchRequest = z.object({
  id: z.string().min(1),
  method: z
    .string()
    .transform((method) => method.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});

const batchBody = z.object({ requests: z.array(batchRequest) });

type BatchRequest = z.infer<typeof batchRequest>;

interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The body as JSON text: a JSON answer as the item's route wrote it, any other as a base64 string. */
  readonly bodyJson?: string;
}

/** A response of the batch as JSON text; item bodies are put in as they are, not parsed and written again. */
function responseJson({ bodyJson, ...response }: BatchResponse): string {
  const head = JSON.stringify(response);
  return bodyJson === undefined ? head : `${head.slice(0, -1)},"body":${bodyJson}}`;
}

function header(request: BatchRequest, name: string): string | undefined {
  return Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

function isJson(contentType: string | undefined | null): boolean {
  return /^application\/json/i.test(contentType ?? '');
}

/** Throws a 400 when the batch breaks Graph's rules: size, unique ids, known and acyclic dependencies, relative URLs, typed bodies. */
function checkBatch(requests: readonly BatchRequest[]): void {
  if (requests.length === 0) throw badRequest('The batch contains no requests.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(`The number of requests in the batch (${requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  }
  const ids = new Set<string>();
  for (const request of requests) {
    const id = request.id.toLowerCase();
    if (ids.has(id)) throw badRequest(`Batch request ids must be unique; '${request.id}' appears more than once.`);
    ids.add(id);
  }
  for (const request of requests) {
    for (const dependency of request.dependsOn ?? []) {
      if (!ids.has(dependency.toLowerCase())) throw badRequest(`Request '${request.id}' depends on '${dependency}', which is not in the batch.`);
    }
    if (/^[a-z]+:/i.test(request.url)) throw badRequest(`Request '${request.id}': the url must be relative to the version, e.g. '/groups'.`);
    if (request.body !== undefined && header(request, 'content-type') === undefined) {
      throw badRequest(`Request '${request.id}' has a body but no Content-Type header.`);
    }
  }
  // Graph refuses mixing: either no request has `dependsOn`, or every request but the first has it.
  const dependent = requests.filter((request) => (request.dependsOn ?? []).length > 0).length;
  if (dependent > 0 && dependent < requests.length - 1) throw badRequest('Batch should be either fully sequential or fully parallel');
  if (dependent > 0 && (requests[0]?.dependsOn ?? []).length > 0) throw badRequest('Batch should be either fully sequential or fully parallel');
  const done = new Set<string>();
  while (done.size < requests.length) {
    const ready = requests.filter((r) => !done.has(r.id.toLowerCase()) && (r.dependsOn ?? []).every((d) => done.has(d.toLowerCase())));
    if (ready.length === 0) throw badRequest('The dependencies of the batch requests form a cycle.');
    for (const request of ready) done.add(request.id.toLowerCase());
  }
}

function encodeBody(request: BatchRequest): string | Buffer | undefined {
  if (request.body === undefined) return undefined;
  if (typeof request.body === 'string' && !isJson(header(request, 'content-type'))) return Buffer.from(request.body, 'base64');
  return JSON.stringify(request.body);
}

/** The request a batch item stands for; a {@link GraphError} when it cannot be one (checked before anything runs). */
function itemRequest(c: ServerContextOf, request: BatchRequest): Request {
  const outer = new URL(c.req.url);
  const version = c.get('version');
  // Microsoft's SDKs send the version segment inside batch URLs ('/beta/groups'); Graph accepts it.
  const path = (request.url.startsWith('/') ? request.url : `/${request.url}`).replace(new RegExp(`^/${version.replace('.', '\\.')}(?=/|\\?|$)`), '');
  let url: URL;
  try {
    url = new URL(`/${version}${path}`, outer.origin);
  } catch {
    throw badRequest(`Request '${request.id}': '${request.url}' is not a valid URL.`);
  }
  if (!url.pathname.startsWith(`/${version}/`) || url.origin !== outer.origin) {
    throw badRequest(`Request '${request.id}': the url '${request.url}' leaves the '${version}' API; send a path relative to it, e.g. '/groups'.`);
  }
  if (/^\/[^/]+\/(\$|%24)batch(\/|\?|$)/i.test(url.pathname)) throw badRequest(NESTED_BATCH);
  let headers: Headers;
  try {
    headers = new Headers(request.headers ?? {});
  } catch {
    throw badRequest(`Request '${request.id}' has an invalid header name or value; header names are tokens and values have no line breaks.`);
  }
  const authorization = c.req.header('authorization');
  if (!headers.has('authorization') && authorization) headers.set('authorization', authorization);
  headers.set(BATCH_ITEM_HEADER, request.id);
  const body = encodeBody(request);
  if (body !== undefined && (request.method === 'GET' || request.method === 'DELETE')) {
    throw badRequest(`Request '${request.id}' is a ${request.method} with a body; send ${request.method} requests without one.`);
  }
  return new Request(url, { method: request.method, headers, ...(body === undefined ? {} : { body }) });
}

async function execute(c: ServerContextOf, ctx: ServerContext, request: BatchRequest): Promise<BatchResponse> {
  let inner: Request;
  try {
    inner = itemRequest(c, request);
  } catch (error) {
    return failure(c, request.id, toGraphError(error));
  }
  const response = await ctx.dispatch(inner);
  if (response.headers.has(DROP_CONNECTION_HEADER)) c.set('dropConnection', true);
  const text = await response.text();
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'content-length' && key !== DROP_CONNECTION_HEADER) responseHeaders[key] = value;
  });
  const result = { id: request.id, status: response.status, headers: responseHeaders };
  if (text.length === 0) return result;
  return { ...result, bodyJson: isJson(response.headers.get('content-type')) ? text : JSON.stringify(Buffer.from(text).toString('base64')) };
}

function failure(c: ServerContextOf, id: string, error: GraphError): BatchResponse {
  const requestId = c.get('requestId');
  return {
    id,
    status: error.status,
    headers: { 'content-type': 'application/json' },
    bodyJson: JSON.stringify(error.toBody({ requestId, clientRequestId: c.get('clientRequestId'), date: new Date(), url: c.req.url })),
  };
}

/**
 * `POST /$batch`: up to 20 requests, each sent through the whole app (authentication, faults and
 * throttling apply per request); requests run once their `dependsOn` requests are done, and get
 * 424 Failed Dependency when one of those failed. Responses come in request order.
 */
export function batchRoute(ctx: ServerContext): Handler<ServerEnv> {
  return async (c) => {
    if (c.req.header(BATCH_ITEM_HEADER) !== undefined) throw badRequest(NESTED_BATCH);
    const { requests } = parseActionBody(batchBody, await readJsonBody(c), '$batch');
    checkBatch(requests);
    const results = new Map<string, BatchResponse>();
    while (results.size < requests.length) {
      const ready = requests.filter((r) => !results.has(r.id.toLowerCase()) && (r.dependsOn ?? []).every((d) => results.has(d.toLowerCase())));
      const responses = await Promise.all(
        ready.map((request) => {
          const failed = (request.dependsOn ?? []).find((d) => (results.get(d.toLowerCase())?.status ?? 0) >= 400);
          if (failed === undefined) return execute(c, ctx, request);
          return failure(c, request.id, new GraphError(424, 'FailedDependency', `The request depends on '${failed}', which failed.`));
        }),
      );
      for (const response of responses) results.set(response.id.toLowerCase(), response);
    }
    const responses = requests.map((request) => responseJson(results.get(request.id.toLowerCase())!));
    return c.body(`{"responses":[${responses.join(',')}]}`, 200, { 'Content-Type': GRAPH_JSON });
  };
}
