import { startReferenceServer } from '../../src/server';
import { harness } from './harness';

const APPS = '/beta/deviceAppManagement/mobileApps';
const CLIP = { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Portal', appUrl: 'https://portal.manage.microsoft.com' };
/** The web clips of the tenant (a new tenant also holds its synced Company Portal VPP app). */
const CLIPS = `${APPS}?$filter=${encodeURIComponent("isof('microsoft.graph.iosiPadOSWebClip')")}`;

describe('faults that lose the answer after the write', () => {
  it('commits the create and answers 504 instead of 201', async () => {
    const { call, server } = harness();
    server.faults.add({ method: 'POST', path: '/deviceAppManagement/mobileApps', afterCommit: true, status: 504, count: 1 });
    const reply = await call('POST', APPS, { body: CLIP });
    expect(reply.status).toBe(504);
    expect(reply.body.error.code).toBe('GatewayTimeout');
    expect((await call('GET', CLIPS)).body.value.map((a: { displayName: string }) => a.displayName)).toEqual(['Portal']);
  });

  it('answers 504 for one item of a batch whose write is committed, and the others normally', async () => {
    const { call, server } = harness();
    server.faults.add({ method: 'POST', path: '/deviceAppManagement/mobileApps', afterCommit: true, status: 504, count: 1 });
    const reply = await call('POST', '/beta/$batch', {
      body: {
        requests: [
          { id: '1', method: 'POST', url: '/deviceAppManagement/mobileApps', headers: { 'Content-Type': 'application/json' }, body: CLIP },
          { id: '2', method: 'GET', url: '/deviceAppManagement/mobileApps' },
        ],
      },
    });
    expect(reply.body.responses.map((r: { status: number }) => r.status)).toEqual([504, 200]);
    expect((await call('GET', CLIPS)).body.value).toHaveLength(1);
  });

  it('drops the connection after committing, over a real socket, for a request and for the batch around an item', async () => {
    const started = await startReferenceServer({ data: ':memory:' });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${started.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      started.server.faults.add({ method: 'POST', path: '/deviceAppManagement/mobileApps', afterCommit: true, reset: true, count: 2 });
      await expect(post(APPS, CLIP)).rejects.toThrow(/fetch failed/);
      const batch = { requests: [{ id: '1', method: 'POST', url: '/deviceAppManagement/mobileApps', headers: { 'Content-Type': 'application/json' }, body: CLIP }] };
      await expect(post('/beta/$batch', batch)).rejects.toThrow(/fetch failed/);
      const listed = await fetch(`${started.url}${CLIPS}`, { headers: { authorization: `Bearer ${started.token}` } });
      expect(((await listed.json()) as { value: unknown[] }).value).toHaveLength(2);
    } finally {
      await started.close();
    }
  });

  it('refuses a rule that drops the connection before serving', async () => {
    const { server } = harness();
    expect(() => server.faults.add({ path: '/**', reset: true })).toThrow(/reset needs afterCommit/);
  });
});
