import { createReferenceServer, type ReferenceServer, type ReferenceServerOptions, type TenantCredentials } from '../../src/server';

/** A JSON response body, inspected by assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are arbitrary JSON checked field by field
export type Json = any;

/** A response of the server. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON body, the raw text when it is not JSON, `undefined` when empty. */
  readonly body: Json;
}

/** Options of one request. */
export interface CallOptions {
  /** JSON body (serialised) or raw text. */
  readonly body?: unknown;
  /** Bearer token; the harness tenant's by default, `null` for none. */
  readonly token?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An in-process server with one tenant, and a way to call it. */
export interface Harness {
  readonly server: ReferenceServer;
  readonly tenant: TenantCredentials;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
}

/** Reads a response into a {@link Reply}. */
export async function toReply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: Json = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body };
}

/** Creates an in-memory server with one tenant (`contoso.com`). */
export function harness(options: ReferenceServerOptions = {}): Harness {
  const server = createReferenceServer(options);
  const tenant = server.createTenant({ domains: ['contoso.com'] });
  const call = async (method: string, path: string, callOptions: CallOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = {};
    const token = callOptions.token === undefined ? tenant.token : callOptions.token;
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    let body: string | undefined;
    if (callOptions.body !== undefined) {
      body = typeof callOptions.body === 'string' ? callOptions.body : JSON.stringify(callOptions.body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await server.app.request(`http://localhost${path}`, {
      method,
      headers: { ...headers, ...callOptions.headers },
      ...(body === undefined ? {} : { body }),
    });
    return toReply(response);
  };
  return { server, tenant, call };
}

/** Expects Graph's error shape, with matching request ids, and returns the error. */
export function expectGraphError(reply: Reply, status: number, code?: string): Json {
  expect(reply.status).toBe(status);
  const error = reply.body?.error;
  const { message: innerMessage, ...innerError } = error?.innerError ?? {};
  expect({ ...error, innerError }).toEqual({
    code: code ?? expect.any(String),
    message: expect.any(String),
    innerError: { date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), 'request-id': expect.any(String), 'client-request-id': expect.any(String) },
  });
  // Intune repeats the message of a model validation failure in innerError.
  if (innerMessage !== undefined) expect(innerMessage).toBe(error.message);
  expect(error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  expect(error.innerError['client-request-id']).toBe(reply.headers.get('client-request-id'));
  return error;
}

/** Expects Intune's answer to a PATCH that changes nothing: 400 with the reason in its serialised message. */
export function expectUnchangedPatch(reply: Reply): void {
  const error = expectGraphError(reply, 400, 'BadRequest');
  expect(JSON.parse(error.message)).toMatchObject({ _version: 3, Message: expect.stringMatching(/^Invalid patch, at least 1 property must be changed\. /) });
}
