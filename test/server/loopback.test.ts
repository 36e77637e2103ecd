import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '../../src/server';

describe('over a loopback port', () => {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-loopback-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves Graph on 127.0.0.1 and nextLinks that work verbatim', async () => {
    const server = await startReferenceServer({ pageSize: { intune: 2 } });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const headers = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
      for (let i = 0; i < 3; i++) {
        const created = await fetch(`${server.url}/beta/deviceAppManagement/mobileApps`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ '@odata.type': '#microsoft.graph.webApp', displayName: `Link ${i}`, appUrl: 'https://x.example' }),
        });
        expect(created.status).toBe(201);
      }
      const names: string[] = [];
      let next: string | undefined = `${server.url}/beta/deviceAppManagement/mobileApps?$select=displayName&$filter=${encodeURIComponent("isof('microsoft.graph.webApp')")}`;
      while (next) {
        const page = (await (await fetch(next, { headers })).json()) as { value: { displayName: string }[]; '@odata.nextLink'?: string };
        names.push(...page.value.map((app) => app.displayName));
        next = page['@odata.nextLink'];
      }
      expect(names).toEqual(['Link 0', 'Link 1', 'Link 2']);
      const anonymous = await fetch(`${server.url}/v1.0/groups`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await server.close();
    }
  });

  it('keeps the default tenant, its token and its objects when the same file is reopened', async () => {
    const data = join(dir, 'nested', 'reference.db');
    const first = await startReferenceServer({ data, domains: ['contoso.com'] });
    const headers = { Authorization: `Bearer ${first.token}`, 'Content-Type': 'application/json' };
    const group = await fetch(`${first.url}/v1.0/groups`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ displayName: 'Kept', mailEnabled: false, mailNickname: 'kept', securityEnabled: true }),
    });
    expect(group.status).toBe(201);
    expect(first.tenantCreated).toBe(true);
    await first.close();

    const second = await startReferenceServer({ data });
    try {
      expect(second.tenantCreated).toBe(false);
      expect(second.tenantId).toBe(first.tenantId);
      expect(second.token).toBe(first.token);
      expect(second.adminToken).toBe(first.adminToken);
      const list = (await (await fetch(`${second.url}/v1.0/groups`, { headers })).json()) as { value: { displayName: string }[] };
      expect(list.value.map((g) => g.displayName)).toEqual(['Kept']);
      // fetch() may not set Host, which is what discovery keys on; node:http can.
      const status = await new Promise<number | undefined>((resolve, reject) => {
        get(`${second.url}/.well-known/com.apple.remotemanagement`, { headers: { Host: 'contoso.com' } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        }).once('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('adds a given token to the stored default tenant', async () => {
    const data = join(dir, 'tokens.db');
    const first = await startReferenceServer({ data });
    await first.close();
    const second = await startReferenceServer({ data, token: 'a-token-chosen-by-the-caller' });
    try {
      expect(second.tenantId).toBe(first.tenantId);
      const reply = await fetch(`${second.url}/v1.0/users`, { headers: { Authorization: 'Bearer a-token-chosen-by-the-caller' } });
      expect(reply.status).toBe(200);
      const old = await fetch(`${second.url}/v1.0/users`, { headers: { Authorization: `Bearer ${first.token}` } });
      expect(old.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
