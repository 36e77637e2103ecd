import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createReferenceServer, type ReferenceServer } from '../../src/server';
import { UsageError } from '../../src/model';
import { toReply, type Json } from './harness';

/**
 * Database files written by the server of earlier schema versions, each holding every kind with
 * assignments, a deleted object and priorities, with the answers that server gave from it to lists,
 * pages, `$expand`, display-name and UPN filters. Version 0 (before files had versions): objects
 * numbered by `AUTOINCREMENT`, with a creation-order index and a display-name index of every
 * collection. Version 1: objects stored as their properties alone, without `@odata.type`. Version 2:
 * objects keyed by tenant and collection name in every index, with creation and modification
 * times in columns of their own (the version 1 file, opened by the server of version 2).
 */
const FIXTURES = join(__dirname, '..', '_fixtures', 'reference-db');
/** The answers recorded from each file: the version 2 file is the version 1 file opened by the version 2 server, which gave the same answers. */
const ANSWERS_OF = ['version0-answers.json', 'version1-answers.json', 'version1-answers.json'];
const CONFIGS = '/beta/deviceManagement/deviceConfigurations';

describe.each([0, 1, 2])('database files of schema version %d', (version) => {
  const ANSWERS = JSON.parse(readFileSync(join(FIXTURES, ANSWERS_OF[version]!), 'utf8')) as Record<string, Json>;
  const TOKEN = `version${version}-token-0123456789`;
  const get = async (server: ReferenceServer, path: string): Promise<Json> =>
    (await toReply(await server.app.request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } }))).body;
  let dir: string;
  let data: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'enrollkit-migration-'));
    data = join(dir, 'reference.db');
    copyFileSync(join(FIXTURES, `version${version}.db`), data);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every list, page, expansion and filter as the server that wrote the file did, opened once and again', async () => {
    for (let opening = 0; opening < 2; opening++) {
      const server = createReferenceServer({ data });
      try {
        for (const [path, answer] of Object.entries(ANSWERS)) expect({ path, body: await get(server, path) }).toEqual({ path, body: answer });
      } finally {
        server.close();
      }
    }
  });

  it('lists objects created after the upgrade after the older ones, and numbers new priorities after theirs', async () => {
    const server = createReferenceServer({ data });
    try {
      const post = async (path: string, body: unknown) =>
        toReply(await server.app.request(`http://localhost${path}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
      const created = await post(CONFIGS, { '@odata.type': '#microsoft.graph.iosDeviceFeaturesConfiguration', displayName: 'After the upgrade' });
      expect(created.status).toBe(201);
      const before = ANSWERS[CONFIGS].value.map((item: Json) => item.id);
      expect((await get(server, CONFIGS)).value.map((item: Json) => item.id)).toEqual([...before, created.body.id]);

      const restrictions = '/beta/deviceManagement/deviceEnrollmentConfigurations';
      const limits = ANSWERS[restrictions].value.filter((item: Json) => item['@odata.type'] === '#microsoft.graph.deviceEnrollmentLimitConfiguration');
      const limit = await post(restrictions, { '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', displayName: 'New limit', limit: 3 });
      expect(limit.body.priority).toBe(Math.max(...limits.map((item: Json) => item.priority)) + 1);
    } finally {
      server.close();
    }
  });

  it('refuses a file of a newer schema, naming the file and the fix', () => {
    const newer = new Database(data);
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => createReferenceServer({ data })).toThrow(UsageError);
    expect(() => createReferenceServer({ data })).toThrow(/cannot open the database '.*reference\.db': the database has schema version 99, newer than this enrollkit's \d+.*Fix:/);
  });
});
