import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exited, startChild } from './serve-process';

describe('crash safety', () => {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write when killed with SIGKILL in the middle of a burst', async () => {
    const data = join(dir, 'reference.db');
    const first = await startChild(['--data', data]);
    const token = /token\s+(\S+)/.exec(first.output)?.[1];
    if (!token) throw new Error(`no token in ${first.output}`);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

    const acknowledged: string[] = [];
    let stop = false;
    const killed = exited(first.process);
    const writer = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${first.url}/beta/deviceAppManagement/mobileApps`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ '@odata.type': '#microsoft.graph.webApp', displayName: `w${worker}-${i}`, appUrl: 'https://x.example' }),
          });
          if (response.status === 201) {
            acknowledged.push(((await response.json()) as { id: string }).id);
            if (acknowledged.length === 150) {
              first.process.kill('SIGKILL');
              stop = true;
            }
          }
        } catch {
          stop = true;
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, (_, worker) => writer(worker)));
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    const second = await startChild(['--data', data]);
    try {
      expect(second.output).not.toContain('token ');
      const stored = new Set<string>();
      let next: string | undefined = `${second.url}/beta/deviceAppManagement/mobileApps?$select=id&$top=999`;
      while (next) {
        const page = (await (await fetch(next, { headers })).json()) as { value: { id: string }[]; '@odata.nextLink'?: string };
        for (const app of page.value) stored.add(app.id);
        next = page['@odata.nextLink'];
      }
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      const closed = exited(second.process);
      second.process.kill('SIGTERM');
      expect(await closed).toBe(0);
    }

    const db = new Database(data, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});
