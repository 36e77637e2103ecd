/**
 * Baseline for the server benchmark: bare `node:http` with the same storage, paths and answers
 * as the plain Hono server, to show what the HTTP framework costs.
 * Run: node --import tsx bench/server/plain-http-server.ts --port 0 --data FILE --token T [--templates FILE]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPlainStore, serverArgs } from './plain-store';

const { port, data, token, templates } = serverArgs(process.argv);
const store = openPlainStore(data, templates);
const collections = new Map(
  ['deviceAppManagement/mobileApps', 'deviceManagement/deviceConfigurations'].map((path) => [`/beta/${path}`, { collection: path.split('/')[1]!, context: `https://graph.microsoft.com/beta/$metadata#${path}` }]),
);
const server = createServer((req, res) => {
  const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  const target = collections.get(req.url ?? '');
  if (req.headers.authorization !== `Bearer ${token}`) return send(401, '{"error":{"code":"InvalidAuthenticationToken"}}');
  if (!target) return send(404, '{"error":{"code":"ResourceNotFound"}}');
  if (req.method === 'GET') return send(200, `{"@odata.context":"${target.context}","value":${store.list(target.collection)}}`);
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => send(201, store.create(target.collection, JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)));
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close());
