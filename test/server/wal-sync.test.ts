import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReferenceServer, type FileSync } from '../../src/server';
import { WalSync } from '../../src/server/wal-sync';

/** A flush on the thread pool that the test completes (or fails) when it chooses. */
interface HeldFlush {
  readonly complete: () => void;
  readonly fail: (error: Error) => void;
}

/** Counts flushes; those on the thread pool wait for the test. */
function heldFileSync(): FileSync & { readonly now: jest.Mock; readonly held: HeldFlush[] } {
  const held: HeldFlush[] = [];
  return {
    now: jest.fn(),
    held,
    later: () => new Promise<void>((resolve, reject) => held.push({ complete: resolve, fail: reject })),
  };
}

/** Whether a promise has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('WalSync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-wal-sync-'));
  const log = join(dir, 'log');
  writeFileSync(log, '');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flushes a lone write on the event loop thread, once', () => {
    let changes = 1;
    const fileSync = heldFileSync();
    const sync = new WalSync(log, () => changes, fileSync);
    expect(sync.durable({ write: true, alone: true })).toBe('flushed');
    expect(sync.durable({ write: true, alone: true })).toBe('durable');
    changes = 2;
    expect(sync.durable({ write: false, alone: true })).toBe('flushed');
    expect(fileSync.now).toHaveBeenCalledTimes(2);
    expect(fileSync.held).toHaveLength(0);
    sync.close();
  });

  it('hands the flush to the thread pool when others wait, and answers once it completes', async () => {
    const fileSync = heldFileSync();
    const sync = new WalSync(log, () => 5, fileSync);
    const durable = sync.durable({ write: true, alone: false });
    if (!(durable instanceof Promise)) throw new Error(`expected a promise, got ${durable}`);
    expect(await settled(durable)).toBe(false);
    expect(fileSync.held).toHaveLength(1);
    fileSync.held[0]!.complete();
    expect(await settled(durable)).toBe(true);
    expect(sync.durable({ write: true, alone: false })).toBe('durable');
    expect(fileSync.now).not.toHaveBeenCalled();
    sync.close();
  });

  it('makes a read wait for the flushes under way, and flushes what none of them covers', async () => {
    let changes = 3;
    const fileSync = heldFileSync();
    const sync = new WalSync(log, () => changes, fileSync);
    const writer = sync.durable({ write: true, alone: false }) as Promise<void>;
    changes = 4; // a second write commits while the first one's flush is under way, and its request has not finished
    const reader = sync.durable({ write: false, alone: false }) as Promise<void>;
    expect(fileSync.held).toHaveLength(1); // the read starts no flush of its own
    fileSync.held[0]!.complete();
    expect(await settled(writer)).toBe(true);
    // The completed flush began at 3 changes; the read could have shown the 4th, so a flush of it starts.
    expect(await settled(reader)).toBe(false);
    expect(fileSync.held).toHaveLength(2);
    fileSync.held[1]!.complete();
    expect(await settled(reader)).toBe(true);
    sync.close();
  });

  it('fails every request waiting for a flush that fails', async () => {
    const fileSync = heldFileSync();
    const sync = new WalSync(log, () => 7, fileSync);
    const writer = sync.durable({ write: true, alone: false }) as Promise<void>;
    const reader = sync.durable({ write: false, alone: false }) as Promise<void>;
    fileSync.held[0]!.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(writer).rejects.toThrow('EIO');
    await expect(reader).rejects.toThrow('EIO');
    sync.close();
  });

  it('has nothing to flush for a database in memory', () => {
    const fileSync = heldFileSync();
    const sync = new WalSync(undefined, () => 9, fileSync);
    expect(sync.durable({ write: true, alone: true })).toBe('durable');
    sync.flush();
    expect(fileSync.now).not.toHaveBeenCalled();
  });
});

describe('durable answers over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'enrollkit-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * A server whose flushes record the ids each one makes durable: those committed when it starts.
   * Flushes on the thread pool complete after a seeded delay of 0-3 ms.
   */
  async function recordingServer(file: string) {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const durableIds = new Set<string>();
    const flushes = { now: 0, later: 0 };
    let committedIds = (): string[] => [];
    const fileSync: FileSync = {
      now: () => {
        flushes.now++;
        for (const id of committedIds()) durableIds.add(id);
      },
      later: () => {
        flushes.later++;
        const ids = committedIds();
        return new Promise((resolve) =>
          setTimeout(
            () => {
              for (const id of ids) durableIds.add(id);
              resolve();
            },
            Math.floor(random() * 4),
          ),
        );
      },
    };
    const server = createReferenceServer({ data: file, fileSync });
    const ids = server.store.db.prepare('SELECT id FROM entities').pluck();
    committedIds = () => ids.all() as string[];
    const { token } = server.defaultTenant();
    const listening = await server.listen();
    const reset = () => {
      flushes.now = 0;
      flushes.later = 0;
    };
    return { server, listening, token, durableIds, flushes, reset };
  }

  it('answers each write only after a flush that covers it, one flush per write request or $batch', async () => {
    const { server, listening, token, durableIds, flushes, reset } = await recordingServer(join(dir, 'writes.db'));
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const apps = `${listening.url}/beta/deviceAppManagement/mobileApps`;
    const notDurableWhenAnswered: string[] = [];
    const create = async (name: string) => {
      const response = await fetch(apps, { method: 'POST', headers, body: JSON.stringify({ '@odata.type': '#microsoft.graph.webApp', displayName: name, appUrl: 'https://x.example' }) });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      if (!durableIds.has(id)) notDurableWhenAnswered.push(id);
      return id;
    };
    try {
      reset();
      for (let i = 0; i < 10; i++) await create(`serial ${i}`);
      expect(flushes).toEqual({ now: 10, later: 0 });

      reset();
      const written = (await Promise.all(Array.from({ length: 8 }, (_, worker) => (async () => {
        const mine: string[] = [];
        for (let i = 0; i < 10; i++) mine.push(await create(`w${worker}-${i}`));
        return mine;
      })()))).flat();
      expect(written).toHaveLength(80);
      expect(flushes.later).toBeGreaterThan(0);
      expect(flushes.now + flushes.later).toBeLessThanOrEqual(80);

      reset();
      const batch = await fetch(`${listening.url}/beta/$batch`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          requests: Array.from({ length: 5 }, (_, i) => ({
            id: String(i + 1),
            method: 'POST',
            url: '/deviceAppManagement/mobileApps',
            headers: { 'Content-Type': 'application/json' },
            body: { '@odata.type': '#microsoft.graph.webApp', displayName: `batched ${i}`, appUrl: 'https://x.example' },
          })),
        }),
      });
      const answers = ((await batch.json()) as { responses: { status: number; body: { id: string } }[] }).responses;
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
      expect(answers.filter((answer) => !durableIds.has(answer.body.id))).toEqual([]);
      expect(flushes.now + flushes.later).toBe(1);

      reset();
      for (let i = 0; i < 5; i++) expect((await fetch(apps, { headers })).status).toBe(200);
      expect(flushes).toEqual({ now: 0, later: 0 });
      expect(notDurableWhenAnswered).toEqual([]);
    } finally {
      await listening.close();
      server.close();
    }
  });

  it('answers a read that could show a write only once that write is durable', async () => {
    const held: HeldFlush[] = [];
    let flushedNow = 0;
    const server = createReferenceServer({
      data: join(dir, 'reads.db'),
      fileSync: { now: () => void flushedNow++, later: () => new Promise<void>((resolve, reject) => held.push({ complete: resolve, fail: reject })) },
    });
    const { token } = server.defaultTenant();
    server.store.commits.flush();
    flushedNow = 0;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const apps = '/beta/deviceAppManagement/mobileApps';
    const post = async (name: string) =>
      server.app.request(apps, { method: 'POST', headers, body: JSON.stringify({ '@odata.type': '#microsoft.graph.webApp', displayName: name, appUrl: 'https://x.example' }) });
    try {
      // Two writes at once: the second one's flush goes to the thread pool, where it is held.
      const writes = [post('first'), post('second')];
      for (let turn = 0; turn < 50 && held.length === 0; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect(held.length).toBeGreaterThan(0);
      const read = Promise.resolve(server.app.request(`${apps}?$filter=displayName eq 'second'`, { headers }));
      expect(await settled(read)).toBe(false);
      // Each completed flush may leave a later commit to flush: complete them until the read is answered.
      for (let round = 0; round < 10 && !(await settled(read)); round++) for (const flush of held.splice(0)) flush.complete();
      const listed = (await (await read).json()) as { value: { displayName: string }[] };
      expect(listed.value.map((app) => app.displayName)).toEqual(['second']);
      for (let round = 0; round < 10 && !(await settled(Promise.all(writes))); round++) for (const flush of held.splice(0)) flush.complete();
      expect((await Promise.all(writes)).map((response) => response.status)).toEqual([201, 201]);
      expect(flushedNow).toBe(0);
    } finally {
      server.close();
    }
  });
});
