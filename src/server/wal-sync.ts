import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import { promisify } from 'node:util';

/** How the written data of a file is made durable. */
export interface FileSync {
  /** Flushes on the calling thread, which waits for the disk. */
  now(fd: number): void;
  /** Flushes on libuv's thread pool, so that the event loop goes on meanwhile. */
  later(fd: number): Promise<void>;
}

/** `fdatasync(2)`: the file's data, and the size needed to read it, reach the disk (its times need not). */
export const FDATASYNC: FileSync = { now: fdatasyncSync, later: promisify(fdatasync) };

/** What {@link WalSync.durable} is asked for. */
export interface DurableRequest {
  /** The request may have written (it is not a GET): it flushes its own commits instead of waiting for another request's flush. */
  readonly write: boolean;
  /** No other request is waiting: a flush may block the event loop, which is cheaper than handing it to the thread pool. */
  readonly alone: boolean;
}

interface Waiter {
  readonly target: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Makes commits durable before anyone is told of them. The database commits without waiting for
 * the disk (`synchronous=NORMAL`); before a request is answered, its write-ahead log file is
 * flushed past every commit the answer could show. A commit is counted by SQLite's change count:
 * a flush started when the count was N makes every commit up to N durable once it completes.
 *
 * A request that wrote flushes the log itself, on the event loop's thread when it is alone and on
 * the thread pool when other requests wait, so that they run while the disk works. A request that
 * only read waits for the flushes under way (or starts one when none is), and answers once they
 * cover what it could have read.
 */
export class WalSync {
  /** Change count that completed flushes cover. */
  private covered: number;
  /** Flushes on the thread pool under way. */
  private flushing = 0;
  private readonly waiters: Waiter[] = [];
  private fd: number | undefined;
  private closing = false;

  /**
   * @param walFile the write-ahead log file; `undefined` for a database in memory, which has nothing to flush
   * @param changeCount SQLite's count of rows changed by the connection so far (`total_changes()`)
   * @param fileSync how the file is flushed
   */
  constructor(
    private readonly walFile: string | undefined,
    private readonly changeCount: () => number,
    private readonly fileSync: FileSync = FDATASYNC,
  ) {
    // -1: the first flush flushes, so that a schema written when the file is opened (not counted as changes) is durable too.
    this.covered = walFile === undefined ? Number.POSITIVE_INFINITY : -1;
  }

  /** Makes every commit so far durable, on this thread (writes made outside requests, e.g. when a server starts). */
  flush(): void {
    const target = this.changeCount();
    if (target > this.covered) this.flushNow(target);
  }

  /**
   * Makes every commit made so far durable: `'durable'` when they already were, `'flushed'` when
   * this call flushed them on this thread, else a promise that resolves once they are (and rejects
   * when the flush fails).
   */
  durable(request: DurableRequest): 'durable' | 'flushed' | Promise<void> {
    const target = this.changeCount();
    if (target <= this.covered) return 'durable';
    if (request.alone && this.flushing === 0) {
      this.flushNow(target);
      return 'flushed';
    }
    if (request.write || this.flushing === 0) this.flushLater();
    return new Promise((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /** Closes the log file once the flushes under way are done. */
  close(): void {
    this.closing = true;
    if (this.flushing === 0 && this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private file(): number {
    this.fd ??= openSync(this.walFile!, 'r');
    return this.fd;
  }

  /** Flushes on this thread the commits up to `target`, the change count now. */
  private flushNow(target: number): void {
    this.fileSync.now(this.file());
    this.reached(target);
  }

  private flushLater(): void {
    const target = this.changeCount();
    this.flushing++;
    this.fileSync.later(this.file()).then(
      () => {
        this.flushing--;
        this.reached(target);
        if (this.closing) this.close();
      },
      (error: unknown) => {
        this.flushing--;
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
        if (this.closing) this.close();
      },
    );
  }

  /** Records that commits up to `target` are durable and answers the requests waiting for them. */
  private reached(target: number): void {
    this.covered = Math.max(this.covered, target);
    const still: Waiter[] = [];
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.target <= this.covered) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters.push(...still);
    // Readers wait for commits that no flush under way covers (their writer failed before flushing, or wrote outside a request).
    if (this.waiters.length > 0 && this.flushing === 0 && !this.closing) this.flushLater();
  }
}
