import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BackendError, StackLockedError } from '../model';
import type { Backend } from './backend';
import { graphErrorMessage, isSuccess } from './graph-errors';
import { deleteWebLink, readWebLinks, recordFields, recordLine, writeWebLinkRequest, type WebLinkItem } from './web-link-records';

/** One lock object as read from the tenant. */
export interface LockRecord {
  /** Graph ID of the lock object. */
  readonly id: string;
  /** The run that made it. */
  readonly run: string;
  /** Who holds it. */
  readonly holder: string;
  /** When it was taken, ISO 8601. */
  readonly since: string;
  /** When the lease ends, ISO 8601: after that, the lock is stale and the next run breaks it. */
  readonly until: string;
  /** Graph's creation time, which orders racing lock objects. */
  readonly created: string;
}

/** How a run takes a stack's lock. */
export interface StackLockOptions {
  /** The stack. */
  readonly stack: string;
  /** Who is asking, for the message another run shows (user@host and pid, or the CI run). */
  readonly holder: string;
  /** How long to wait for a lock another run holds, in milliseconds (0: refuse at once). */
  readonly timeoutMs: number;
  /**
   * How long after taking the lock to look again for an older lock object before going on, to
   * cover the delay of Graph's eventually consistent lists (0 against a strongly consistent tenant).
   */
  readonly settleMs?: number;
  /** How long the lease lasts, in milliseconds. @default 1 hour */
  readonly leaseMs?: number;
  /** Time between looks while waiting. @default 1000 */
  readonly pollMs?: number;
  /** Told once when the run starts to wait, and when it breaks a stale lock. */
  readonly onEvent?: (event: { readonly type: 'waiting' | 'broke-stale'; readonly lock: LockRecord }) => void;
}

/** A lock held by this run. */
export interface HeldLock {
  /** The lock object. */
  readonly lock: LockRecord;
  /** Deletes the lock object. */
  release(): Promise<void>;
}

function displayName(stack: string): string {
  return `enrollkit lock: ${stack}`;
}

function parseLock(item: WebLinkItem): LockRecord | undefined {
  const fields = recordFields(item, 'lock');
  const run = fields?.get('run');
  if (!fields || !run) return undefined;
  return {
    id: String(item.id),
    run,
    holder: fields.get('holder') ?? 'unknown',
    since: fields.get('since') ?? String(item.createdDateTime ?? ''),
    until: fields.get('until') ?? '',
    created: String(item.createdDateTime ?? ''),
  };
}

/** The lock objects of a stack, oldest first (Graph's creation time, then ID: every reader sees one order). */
export async function readStackLocks(backend: Backend, stack: string): Promise<LockRecord[]> {
  const items = await readWebLinks(backend, displayName(stack), `the lock of stack '${stack}'`);
  return items
    .flatMap((item) => parseLock(item) ?? [])
    .sort((x, y) => x.created.localeCompare(y.created) || x.id.localeCompare(y.id));
}

function deleteLock(backend: Backend, id: string): Promise<void> {
  return deleteWebLink(backend, id, 'the lock object');
}

/** Deletes every lock object of a stack (`enrollkit unlock`): for a lock whose run died. Returns what was deleted. */
export async function breakStackLock(backend: Backend, stack: string): Promise<LockRecord[]> {
  const locks = await readStackLocks(backend, stack);
  for (const lock of locks) await deleteLock(backend, lock.id);
  return locks;
}

function lockedError(stack: string, lock: LockRecord, waitedMs: number): StackLockedError {
  const waited = waitedMs > 0 ? ` (waited ${Math.round(waitedMs / 1000)} s)` : '';
  return new StackLockedError(
    `stack '${stack}' is locked by ${lock.holder} since ${lock.since}${waited}: another apply or destroy of this stack is running against this tenant. Fix: wait for it (--lock-timeout 10m waits up to ten minutes), or, if that run died, 'enrollkit unlock --stack ${stack}' breaks the lock (it also expires at ${lock.until}).`,
    lock.holder,
    lock.since,
  );
}

/**
 * Takes the lock of a stack in the tenant, waiting up to `timeoutMs` for another run's. The lock is
 * an object this run creates; when several exist, the oldest holds the lock and the others are
 * deleted by their makers, so two racing runs agree on the winner. A lock whose lease ran out is
 * broken. See docs/concurrency.md for what this relies on in Graph.
 */
export async function acquireStackLock(backend: Backend, options: StackLockOptions): Promise<HeldLock> {
  const { stack, holder, timeoutMs, settleMs = 0, leaseMs = 3_600_000, pollMs = 1000, onEvent = () => {} } = options;
  const run = randomUUID();
  const started = Date.now();
  let toldWaiting = false;
  for (;;) {
    const now = new Date();
    const locks = await readStackLocks(backend, stack);
    for (const stale of locks.filter((l) => l.until !== '' && l.until < now.toISOString())) {
      await deleteLock(backend, stale.id);
      onEvent({ type: 'broke-stale', lock: stale });
    }
    const live = locks.filter((l) => !(l.until !== '' && l.until < now.toISOString()));
    let holderLock = live[0];
    if (!holderLock) {
      const mine = await createLock(backend, stack, { run, holder, since: now.toISOString(), until: new Date(now.getTime() + leaseMs).toISOString() });
      if (settleMs > 0) await sleep(settleMs);
      const after = (await readStackLocks(backend, stack)).filter((l) => !(l.until !== '' && l.until < now.toISOString()));
      holderLock = after[0];
      if (!holderLock || holderLock.run === run) return { lock: mine, release: () => deleteLock(backend, mine.id) };
      await deleteLock(backend, mine.id);
    }
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw lockedError(stack, holderLock, waited);
    if (!toldWaiting) onEvent({ type: 'waiting', lock: holderLock });
    toldWaiting = true;
    await sleep(Math.min(pollMs, Math.max(0, timeoutMs - waited)));
  }
}

/**
 * Creates this run's lock object and reads it back until the list shows it (read your own write);
 * a create whose answer is lost is looked up by the run's ID before it is sent again.
 */
async function createLock(backend: Backend, stack: string, fields: { run: string; holder: string; since: string; until: string }): Promise<LockRecord> {
  const request = writeWebLinkRequest(
    displayName(stack),
    `Lock of enrollkit stack ${stack}, held by ${fields.holder} since ${fields.since}. Delete it only if that run died ('enrollkit unlock --stack ${stack}').\n${recordLine('lock', fields)}`,
  );
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const [answer] = await backend.send([request]);
    if (answer && !answer.unknownOutcome && !isSuccess(answer)) {
      throw new BackendError(`taking the lock of stack '${stack}' failed with ${answer.status}: ${graphErrorMessage(answer.body)}.`);
    }
    for (let look = 0; look < 5; look += 1) {
      const mine = (await readStackLocks(backend, stack)).find((l) => l.run === fields.run);
      if (mine) return mine;
      if (answer && !answer.unknownOutcome) await sleep(200 * (look + 1));
      else break;
    }
  }
  throw new BackendError(`taking the lock of stack '${stack}' failed: the lock object never showed in the tenant's list.`);
}

/** Runs `work` holding the stack's lock, and releases the lock however `work` ends. */
export async function withStackLock<T>(backend: Backend, options: StackLockOptions, work: () => Promise<T>): Promise<T> {
  const held = await acquireStackLock(backend, options);
  try {
    return await work();
  } finally {
    await held.release();
  }
}
