import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphBackend, retryDelayMs, staticToken, type RequestLimit, type RetryPolicy } from '../../src/backends/graph';
import type { PacingWait } from '../../src/engine';
import { startReferenceServer } from '../../src/server';
import { BackendError } from '../../src/model';
import { startReferenceTenant, TEST_RETRY, type ReferenceTenant } from '../_helpers/reference-tenant';

function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.`;
}

describe('retryDelayMs', () => {
  const policy: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 8000 };

  it("waits what Retry-After says, capped by the policy's longest wait", () => {
    expect(retryDelayMs(policy, 1, '3')).toBe(3000);
    expect(retryDelayMs(policy, 1, '0')).toBe(0);
    expect(retryDelayMs(policy, 1, '120')).toBe(8000);
  });

  it('backs off exponentially with jitter when there is no Retry-After', () => {
    for (const attempt of [1, 2, 3, 4, 5]) {
      const ceiling = Math.min(1000 * 2 ** (attempt - 1), 8000);
      const delay = retryDelayMs(policy, attempt, null);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});

describe('GraphBackend against the reference server', () => {
  let tenant: ReferenceTenant;
  beforeEach(async () => {
    tenant = await startReferenceTenant();
  });
  afterEach(() => tenant.close());

  it('sends many requests as $batch envelopes of at most 20, all at once in one wave, and answers in request order', async () => {
    const requests = Array.from({ length: 45 }, (_, i) => ({
      method: 'POST' as const,
      version: 'beta' as const,
      path: '/deviceAppManagement/mobileApps',
      body: { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: `Clip ${i}`, appUrl: `https://example.com/${i}` },
    }));
    const responses = await tenant.backend.send(requests);
    expect(responses.map((r) => (r.body as { displayName: string }).displayName)).toEqual(requests.map((r) => r.body.displayName));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(tenant.backend.counters()).toMatchObject({ roundTrips: 3, waves: 1, requests: 45 });
  });

  it('sends again the requests throttled inside a batch, and only those', async () => {
    tenant.server.server.faults.add({ path: '/deviceAppManagement/mobileApps', method: 'GET', status: 429, count: 1 });
    const get = { method: 'GET' as const, version: 'beta' as const };
    const responses = await tenant.backend.send([
      { ...get, path: '/deviceAppManagement/mobileApps' },
      { ...get, path: '/deviceManagement/deviceConfigurations' },
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    // The retry waits for the first answer: a second wave.
    expect(tenant.backend.counters()).toMatchObject({ roundTrips: 2, waves: 2, requests: 2, retries: 1 });
  });

  it('gives up after the policy bound and returns the last throttled answer, with its request id', async () => {
    tenant.server.server.faults.add({ path: '/deviceManagement/**', status: 503, rate: 1 });
    const backend = new GraphBackend({ baseUrl: tenant.server.url, tokens: staticToken(tenant.server.token), description: 't', retry: { ...TEST_RETRY, maxRetries: 2 } });
    const get = { method: 'GET' as const, version: 'beta' as const, path: '/deviceManagement/deviceConfigurations' };
    const [single] = await backend.send([get]);
    expect(single).toMatchObject({ status: 503, requestId: expect.any(String) });
    const batched = await backend.send([get, get]);
    expect(batched.map((r) => r.status)).toEqual([503, 503]);
  });

  it('sends request headers alone and in a batch, and reads a text answer in a batch as a direct answer reads it', async () => {
    const count = { method: 'GET' as const, version: 'v1.0' as const, path: '/users/$count' };
    const eventual = { ...count, headers: { ConsistencyLevel: 'eventual' } };
    const [direct] = await tenant.backend.send([eventual]);
    expect(direct).toMatchObject({ status: 200, body: 0 });
    const batched = await tenant.backend.send([eventual, count]);
    expect(batched[0]).toMatchObject({ status: 200, body: 0 });
    expect(batched[1]).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/ConsistencyLevel: eventual/) } } });
  });

  it('sends a sequence as one $batch chained by dependsOn, and answers 424 after a failure without running the rest', async () => {
    const clip = (name: string, appUrl = 'https://example.com/') => ({
      method: 'POST' as const,
      version: 'beta' as const,
      path: '/deviceAppManagement/mobileApps',
      body: { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: name, appUrl },
    });
    const ok = await tenant.backend.send([clip('First'), clip('Second'), clip('Third')], { sequential: true });
    expect(ok.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(tenant.backend.counters()).toMatchObject({ roundTrips: 1, requests: 3 });
    const broken = await tenant.backend.send([clip('Fourth'), { ...clip('Fifth'), body: { '@odata.type': '#microsoft.graph.notAType' } }, clip('Sixth')], { sequential: true });
    expect(broken.map((r) => r.status)).toEqual([201, 400, 424]);
    const names = await tenant.backend.send([{ method: 'GET', version: 'beta', path: '/deviceAppManagement/mobileApps?$select=displayName' }]);
    expect(((names[0]!.body as { value: { displayName: string }[] }).value).map((a) => a.displayName)).not.toContain('Sixth');
  });

  it('holds writes back to stay within request limits, so a throttling server never answers 429', async () => {
    const limits = { windowMs: 1000, tenantWrites: 100, tenantAll: 100, tokenWrites: 5, tokenAll: 100 };
    const server = await startReferenceServer({ data: ':memory:', throttle: limits });
    try {
      const pace: RequestLimit[] = [{ name: 'test writes: 5 per second', requests: 5, windowMs: 1000, counts: (r) => r.method !== 'GET' }];
      const backend = new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: 't', retry: TEST_RETRY, limits: pace });
      const waits: PacingWait[] = [];
      const write = (i: number) => ({
        method: 'POST' as const,
        version: 'beta' as const,
        path: '/deviceAppManagement/mobileApps',
        body: { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: `Clip ${i}`, appUrl: 'https://example.com/' },
      });
      for (let round = 0; round < 3; round++) {
        const responses = await backend.send([0, 1, 2, 3].map((i) => write(round * 4 + i)), { onWait: (wait) => waits.push(wait) });
        expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      }
      expect(backend.counters().retries).toBe(0);
      expect(waits.length).toBeGreaterThanOrEqual(2);
      expect(waits.every((w) => w.limit === 'test writes: 5 per second' && w.waitMs > 0 && w.waitMs <= 1000)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('sends the $batches of one send side by side under request limits when they fit, and holds back those that do not until answers leave the window', async () => {
    const pace: RequestLimit[] = [{ name: 'test requests: 50 per second', requests: 50, windowMs: 1000, counts: () => true }];
    const backend = new GraphBackend({ baseUrl: tenant.server.url, tokens: staticToken(tenant.server.token), description: 't', retry: TEST_RETRY, limits: pace });
    try {
      const reads = (n: number) => Array.from({ length: n }, () => ({ method: 'GET' as const, version: 'beta' as const, path: '/deviceManagement/deviceConfigurations' }));
      expect((await backend.send(reads(45))).every((r) => r.status === 200)).toBe(true);
      expect(backend.counters()).toMatchObject({ roundTrips: 3, waves: 1 });
      const waits: PacingWait[] = [];
      expect((await backend.send(reads(20), { onWait: (wait) => waits.push(wait) })).every((r) => r.status === 200)).toBe(true);
      expect(waits.length).toBeGreaterThan(0);
      expect(waits.every((w) => w.limit === 'test requests: 50 per second')).toBe(true);
      expect(backend.counters()).toMatchObject({ roundTrips: 4, waves: 2 });
    } finally {
      await backend.close();
    }
  });

  it('reads app-only permissions from a JWT and knows nothing of an opaque token', async () => {
    const app = new GraphBackend({ baseUrl: tenant.server.url, tokens: staticToken(jwt({ roles: ['DeviceManagementApps.ReadWrite.All'] })), description: 't' });
    expect(await app.identity()).toEqual({ appOnly: true, permissions: ['DeviceManagementApps.ReadWrite.All'] });
    const user = new GraphBackend({ baseUrl: tenant.server.url, tokens: staticToken(jwt({ scp: 'Group.Read.All User.Read' })), description: 't' });
    expect(await user.identity()).toEqual({ appOnly: false, permissions: ['Group.Read.All', 'User.Read'] });
    expect(await tenant.backend.identity()).toEqual({ appOnly: false });
  });
});

describe('GraphBackend over a connection that resets', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests += 1;
      if (requests === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'r-1' });
      res.end(JSON.stringify({ authorization: req.headers.authorization }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the request again, with the bearer token, to a host that is not Microsoft Graph', async () => {
    const backend = new GraphBackend({ baseUrl: url, tokens: staticToken('secret-token'), description: 't', retry: TEST_RETRY });
    const [response] = await backend.send([{ method: 'GET', version: 'beta', path: '/deviceManagement/deviceConfigurations' }]);
    expect(response).toEqual({ status: 200, body: { authorization: 'Bearer secret-token' }, requestId: 'r-1' });
    expect(backend.counters()).toMatchObject({ roundTrips: 2, retries: 1 });
  });
});

describe('GraphBackend against an address where nothing listens', () => {
  it('fails at once with an error that names the address and the fix', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const backend = new GraphBackend({ baseUrl: url, tokens: staticToken('secret-token'), description: 't', retry: TEST_RETRY });
    const failure = backend.send([{ method: 'GET', version: 'beta', path: '/deviceManagement/deviceConfigurations' }]);
    await expect(failure).rejects.toThrow(BackendError);
    await expect(failure).rejects.toThrow(new RegExp(`cannot reach ${url} \\(.+\\); check that the server is running`));
    expect(backend.counters().retries).toBe(0);
  });
});
