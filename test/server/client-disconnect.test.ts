import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { exited, startChild } from './serve-process';

const TOKEN = 'disconnect-tenant-token';
const ADMIN = 'disconnect-admin-token';
const RESTRICTIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';

/** Sends the head of a POST, waits for the server's "100 Continue" (it has the request), sends part of the body and hangs up. */
function abortMidBody(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${RESTRICTIONS} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n',
      );
    });
    socket.once('data', (chunk: Buffer) => {
      if (!chunk.toString().startsWith('HTTP/1.1 100 Continue')) reject(new Error(`expected 100 Continue, got ${chunk.toString()}`));
      socket.write('{"displayName":', () => socket.destroy());
    });
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}

describe('a client that disconnects mid-request', () => {
  it('is not an error: the server logs nothing, stores nothing and goes on serving', async () => {
    const child = await startChild(['--data', ':memory:', '--token', TOKEN, '--admin-token', ADMIN]);
    let stderr = '';
    child.process.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await abortMidBody(child.url);
      const admin = { Authorization: `Bearer ${ADMIN}` };
      let log: { total: number; entries: { method: string; path: string; status: number }[] } = { total: 0, entries: [] };
      // The server settles the aborted request once it has seen the connection close.
      while (log.total === 0) {
        await sleep(20);
        log = (await (await fetch(`${child.url}/_enrollkit/requests`, { headers: admin })).json()) as typeof log;
      }
      expect(log.entries).toEqual([expect.objectContaining({ method: 'POST', path: RESTRICTIONS, status: 400 })]);

      const list = await fetch(`${child.url}${RESTRICTIONS}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(list.status).toBe(200);
      const names = ((await list.json()) as { value: { displayName: string }[] }).value.map((c) => c.displayName);
      expect(names).toEqual(['All users and all devices', 'All users and all devices']);
      expect(stderr).toBe('');
    } finally {
      const stopped = exited(child.process);
      child.process.kill('SIGTERM');
      await stopped;
    }
  });
});
