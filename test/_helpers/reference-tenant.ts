import { GraphBackend, type RetryPolicy } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';

/** Fast retries for tests against an in-process server. */
export const TEST_RETRY: RetryPolicy = { maxRetries: 8, baseDelayMs: 20, maxDelayMs: 200 };

/** A reference server on a loopback port with a fresh in-memory tenant, and a backend talking to it. */
export interface ReferenceTenant {
  readonly server: StartedReferenceServer;
  readonly backend: GraphBackend;
  close(): Promise<void>;
}

/** Starts a reference server and opens a Graph backend against it over HTTP. */
export async function startReferenceTenant(): Promise<ReferenceTenant> {
  const server = await startReferenceServer({ data: ':memory:' });
  const backend = new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: `reference ${server.url}`, retry: TEST_RETRY });
  return { server, backend, close: () => server.close() };
}

/** Sends one request to a reference tenant over HTTP as its admin would, and returns the JSON answer; a non-2xx answer throws with its body. */
export async function graphJson(tenant: ReferenceTenant, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${tenant.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
