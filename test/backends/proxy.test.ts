import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { rankedApp } from '../_helpers/ranked-app';
import { recordingIo, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

/** A forward proxy on loopback that only tunnels (HTTP CONNECT), counting the tunnels it opened and to where. */
async function startConnectProxy(): Promise<{ url: string; tunnels: string[]; close: () => Promise<void> }> {
  const tunnels: string[] = [];
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    tunnels.push(String(req.url));
    const [host, port] = String(req.url).split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Graph requests behind a proxy', () => {
  let server: StartedReferenceServer;
  let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
  beforeEach(async () => {
    server = await startReferenceServer({ data: ':memory:' });
    proxy = await startConnectProxy();
  });
  afterEach(async () => {
    await server.close();
    await proxy.close();
  });

  async function plan(env: Record<string, string>) {
    const io = recordingIo(rankedApp());
    Object.assign(io.env as Record<string, string>, { ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token, NO_PROXY: '' }, env);
    for (const name of ['http_proxy', 'https_proxy', 'no_proxy']) delete (io.env as Record<string, string | undefined>)[name];
    const code = await exec(['plan', '--stack', 'other'], io, COMMANDS);
    return { code, out: io.out(), err: io.err() };
  }

  it('go through the CONNECT proxy HTTPS_PROXY and HTTP_PROXY name', async () => {
    const { code, out } = await plan({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    expect(code).toBe(0);
    expect(out).toMatch(/Stack other against reference/);
    const host = new URL(server.url).host;
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(proxy.tunnels.every((t) => t === host)).toBe(true);
  });

  it('go directly to hosts NO_PROXY names', async () => {
    const { code } = await plan({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(code).toBe(0);
    expect(proxy.tunnels).toEqual([]);
  });
});
