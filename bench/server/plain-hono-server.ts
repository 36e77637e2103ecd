/**
 * Baseline for the server benchmark: a plain Hono + better-sqlite3 server with the reference
 * server's paths and answers for list and create, a bearer token check, and nothing else.
 * Run: node --import tsx bench/server/plain-hono-server.ts --port 0 --data FILE --token T [--templates FILE]
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openPlainStore, serverArgs } from './plain-store';

const { port, data, token, templates } = serverArgs(process.argv);
const store = openPlainStore(data, templates);
const app = new Hono();
const json = { 'content-type': 'application/json' };
app.use('/beta/*', async (c, next) => {
  if (c.req.header('authorization') !== `Bearer ${token}`) return c.json({ error: { code: 'InvalidAuthenticationToken' } }, 401);
  await next();
});
for (const path of ['deviceAppManagement/mobileApps', 'deviceManagement/deviceConfigurations']) {
  const collection = path.split('/')[1]!;
  const context = `https://graph.microsoft.com/beta/$metadata#${path}`;
  app.get(`/beta/${path}`, (c) => c.body(`{"@odata.context":"${context}","value":${store.list(collection)}}`, 200, json));
  app.post(`/beta/${path}`, async (c) => c.body(store.create(collection, await c.req.json()), 201, json));
}
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on http://127.0.0.1:${info.port}\n`);
});
process.on('SIGTERM', () => server.close());
