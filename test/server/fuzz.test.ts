import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createReferenceServer } from '../../src/server';
import { seededRandom } from '../../src/server/seeded-random';
import { KINDS } from './kinds';
import { expectGraphError, harness, type Json, toReply } from './harness';

const SEED = 20261207;
const REQUESTS = 3000;

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function nested(depth: number, leaf: unknown, array: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
}

const NASTY_STRINGS = ['', ' ', '\u0000', '%', '%zz', '..', '../..', '\ud800', '🙂', "'", '"', '\\', 'x'.repeat(5000), '$batch', 'null', '1e999', '-0'];

/** A JSON-ish value: scalars, nasty strings, deep nesting, wrong shapes. */
function randomValue(random: Random, depth = 0): unknown {
  const roll = random();
  if (roll < 0.1) return null;
  if (roll < 0.2) return random() < 0.5;
  if (roll < 0.3) return pick(random, [0, -1, 1.5, 2 ** 31, -(2 ** 53), 1e308, 15, 16]);
  if (roll < 0.45) return pick(random, NASTY_STRINGS);
  if (roll < 0.5) return nested(pick(random, [50, 200, 3000]), 1, random() < 0.5);
  if (depth > 3) return 'leaf';
  if (roll < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const keys = ['@odata.type', 'displayName', 'target', 'settings', 'priority', 'limit', 'value', 'requests', 'members@odata.bind', 'intent', 'a'];
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(random, keys), randomValue(random, depth + 1)]));
}

/** A valid body of some kind with one property changed to something random. */
function mutated(random: Random, body: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(body);
  const key = random() < 0.8 && keys.length > 0 ? pick(random, keys) : pick(random, ['unknownProperty', '@odata.type', 'assignments']);
  return { ...body, [key]: randomValue(random) };
}

const ODATA_TYPES = [
  '#microsoft.graph.group',
  'microsoft.graph.iosStoreApp',
  '#microsoft.graph.nope',
  '#microsoft.graph.groupAssignmentTarget',
  '#microsoft.graph.allLicensedUsersAssignmentTarget',
  '#microsoft.graph.mobileAppAssignment',
  'nonsense',
];

function randomBody(random: Random, path: string): unknown {
  const roll = random();
  const kind = KINDS.find((candidate) => path.includes(candidate.path.replace(/^\/(beta|v1\.0)/, ''))) ?? pick(random, KINDS);
  if (roll < 0.35) return mutated(random, kind.create(String(Math.floor(random() * 1e6))));
  if (roll < 0.45) return kind.create(String(Math.floor(random() * 1e6)));
  if (roll < 0.55) return { ...kind.update, '@odata.type': pick(random, ODATA_TYPES) };
  if (roll < 0.65) return { requests: randomBatchItems(random) };
  if (roll < 0.7) return { priority: randomValue(random) };
  if (roll < 0.75) return { target: { '@odata.type': pick(random, ODATA_TYPES), groupId: randomValue(random) }, intent: pick(random, ['required', 'bogus']) };
  if (roll < 0.8) return { mobileAppAssignments: [randomValue(random)], enrollmentConfigurationAssignments: randomValue(random), assignments: randomValue(random) };
  if (roll < 0.85) return pick(random, ['{', '[]', 'null', '"x"', '{"a":', '\u0000', '{"a":1}{"b":2}', `${'['.repeat(100000)}`]);
  return randomValue(random);
}

function randomBatchItems(random: Random): unknown[] {
  const urls = ['/./$batch', '/../beta/$batch', '/%24batch', '$batch', '/beta/$batch', '//$batch', '/v1.0/$batch', '/$batch?x=1', '/%2e/$batch', '/../_enrollkit/tenants', '/groups', 'groups', '/deviceAppManagement/mobileApps', 'https://graph.microsoft.com/beta/groups', '/groups/../users', '/\u0000', '/groups?$filter=((((('];
  return Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => {
    const item: Record<string, unknown> = { id: random() < 0.9 ? String(i) : randomValue(random), method: pick(random, ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'get', 'TRACE']), url: pick(random, urls) };
    if (random() < 0.5) item['body'] = randomValue(random);
    if (random() < 0.5) item['headers'] = pick(random, [{ 'Content-Type': 'application/json' }, { 'bad header': 'x' }, { 'Content-Type': 'text/plain\r\nx: y' }, { Authorization: 'Bearer nope' }, {}]);
    if (random() < 0.3) item['dependsOn'] = pick(random, [['0'], ['9'], [String(i)], []]);
    return item;
  });
}

function randomQuery(random: Random): string {
  if (random() < 0.5) return '';
  const options = [
    `$filter=${encodeURIComponent(pick(random, ["displayName eq 'x'", '('.repeat(5000), 'not '.repeat(5000) + 'true', Array(5000).fill('true').join(' and '), "isof('microsoft.graph.iosStoreApp')", 'displayName eq', "startswith(displayName,'a'", 'x/any(a:a eq 1)']))}`,
    `$select=${pick(random, ['id', 'nope', ',,', 'id,displayName', '*'])}`,
    `$top=${pick(random, ['-1', '0', '1', 'abc', '1e9', '999999999999999999999'])}`,
    `$skip=${pick(random, ['-1', '2', 'x'])}`,
    `$skiptoken=${pick(random, ['abc', '%%', 'eyJvIjotMX0', ''])}`,
    `$orderby=${encodeURIComponent(pick(random, ['displayName desc', 'nope', 'displayName sideways', ',']))}`,
    `$expand=${encodeURIComponent(pick(random, ['assignments', 'assignments($select=nope)', 'assignments(', 'members', '(((']))}`,
    `$count=${pick(random, ['true', 'maybe'])}`,
    '$search=x',
    '%zz=1',
  ];
  return `?${Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, options)).join('&')}`;
}

describe('the reference server under hostile input', () => {
  it('answers a body nested 3000 levels deep with 400 naming the limit, on every write route', async () => {
    const { call } = harness();
    for (const path of ['/beta/deviceAppManagement/mobileApps', '/v1.0/groups', '/beta/$batch', '/_enrollkit/simulate']) {
      const error = expectGraphError(await call('POST', path, { body: { displayName: nested(3000, 1, false) } }), 400, 'BadRequest');
      expect(error.message).toContain('nested more than 100 levels');
    }
  });

  it.each([
    ['parentheses', `${'('.repeat(3000)}true${')'.repeat(3000)}`],
    ['not', `${'not '.repeat(3000)}true`],
    ['and', Array(3000).fill("displayName eq 'x'").join(' and ')],
  ])('answers a $filter of 3000 nested or chained %s with 400', async (_name, filter) => {
    const { call } = harness();
    const error = expectGraphError(await call('GET', `/v1.0/groups?$filter=${encodeURIComponent(filter)}`), 400, 'BadRequest');
    expect(error.message).toMatch(/Invalid filter clause: the expression (is nested more than 100 levels deep|combines more than 1000 terms)/);
  });

  it(`answers ${REQUESTS} seeded random requests over every route without a 5xx, every error in Graph's shape, and stays whole`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'enrollkit-fuzz-'));
    const data = join(dir, 'fuzz.db');
    const server = createReferenceServer({ data, bodyLimitBytes: 256 * 1024 });
    const random = seededRandom(SEED);
    try {
      const tenant = server.createTenant({ domains: ['contoso.com'] });
      const ids: string[] = ['missing', `${tenant.tenantId}_DefaultPlatformRestrictions`, `${tenant.tenantId}_DefaultLimit`, '..', '%2e%2e', 'a%2Fb', "o'brien@contoso.com"];
      const roots = [...new Set(KINDS.map((kind) => kind.path.replace(/^\/(beta|v1\.0)/, '')))];
      const routes = [
        ...roots.flatMap((root) => [root, `${root}/{id}`, `${root}/{id}/assignments`, `${root}/{id}/assignments/{id}`, `${root}/{id}/assign`, `${root}/{id}/setPriority`]),
        '/deviceManagement/applePushNotificationCertificate',
        '/deviceManagement/managedDevices',
        '/deviceManagement/managedDevices/{id}',
        '/groups/{id}/members',
        '/groups/{id}/members/$ref',
        '/groups/{id}/members/{id}/$ref',
        '/groups/{id}/memberOf',
        '/users/{id}/memberOf',
        '/$batch',
        '/./$batch',
        '/nope',
        '/groups/{id}/{id}/{id}',
      ];
      const adminRoutes = ['/_enrollkit/tenants', '/_enrollkit/tenants/{id}', '/_enrollkit/tenants/{id}/applePushNotificationCertificate', '/_enrollkit/requests', '/_enrollkit/simulate', '/.well-known/com.apple.remotemanagement'];
      const statuses = new Map<number, number>();
      for (let n = 0; n < REQUESTS; n++) {
        const admin = random() < 0.1;
        const template = admin ? pick(random, adminRoutes) : `/${pick(random, ['beta', 'v1.0'])}${pick(random, routes)}`;
        const path = template.replace(/\{id\}/g, () => encodeURIComponent(pick(random, ids)));
        const method = pick(random, ['GET', 'GET', 'POST', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']);
        const token = pick(random, [tenant.token, tenant.token, tenant.token, server.adminToken, 'nope', null]);
        const headers: Record<string, string> = {};
        if (token !== null) headers['Authorization'] = admin && token === tenant.token && !path.endsWith('/simulate') ? `Bearer ${server.adminToken}` : `Bearer ${token}`;
        let body: string | undefined;
        if (method !== 'GET' && method !== 'OPTIONS') {
          const value = randomBody(random, path);
          body = typeof value === 'string' && random() < 0.5 ? value : JSON.stringify(value);
          headers['Content-Type'] = pick(random, ['application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/jsonx']);
        }
        if (random() < 0.05) headers['client-request-id'] = pick(random, ['abc', 'x'.repeat(300)]);
        const reply = await toReply(await server.app.request(`http://localhost${path}${randomQuery(random)}`, { method, headers, ...(body === undefined ? {} : { body }) }));
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        const context = `${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 300)}`;
        if (reply.status >= 500) throw new Error(`5xx answered: ${context}`);
        if (reply.status >= 400) expectGraphShape(reply.body, context);
        if (reply.status === 201 && typeof reply.body?.id === 'string') ids.push(reply.body.id);
        if (reply.status === 200 && Array.isArray(reply.body?.responses)) {
          for (const item of reply.body.responses as Json[]) {
            if (item.status >= 500) throw new Error(`5xx batch item: ${context}`);
            if (item.status >= 400) expectGraphShape(item.body, context);
          }
        }
      }
      // Something of every outcome family was exercised, not only refusals.
      expect([...statuses.keys()].filter((status) => status < 300).length).toBeGreaterThan(1);
      const alive = await server.app.request('http://localhost/beta/deviceManagement/deviceEnrollmentConfigurations', { headers: { Authorization: `Bearer ${tenant.token}` } });
      expect(alive.status).toBe(200);
    } finally {
      server.close();
    }
    const db = new Database(data, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function expectGraphShape(body: Json, context: string): void {
  const error = body?.error;
  const ok =
    typeof error?.code === 'string' &&
    typeof error.message === 'string' &&
    typeof error.innerError?.['request-id'] === 'string' &&
    typeof error.innerError?.date === 'string';
  if (!ok) throw new Error(`not in Graph's error shape: ${context}`);
}
