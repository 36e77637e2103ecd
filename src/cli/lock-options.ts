import { hostname } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import type { Backend, StackLockOptions } from '../engine';
import type { CliIo } from './io';

/** How long to look again for an older lock on real Graph, whose lists lag behind writes. */
const GRAPH_SETTLE_MS = 5000;

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a duration such as `0`, `30s`, `10m`, `1h` or `500ms` into milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`expected a duration such as 30s, 10m or 1h, got '${value}'.`);
  return Number(match[1]) * UNITS[match[2] ?? 's']!;
}

/** Adds `--lock-timeout` to a command that writes. */
export function addLockOptions(command: Command): Command {
  return command.option('--lock-timeout <duration>', "how long to wait for another run's lock of the stack (e.g. 30s, 10m)", parseDuration, 0);
}

/** Who this run is, for the message another run shows while this one holds the lock. */
export function lockHolder(io: CliIo): string {
  const env = io.env;
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_RUN_ID) {
    return `GitHub Actions run ${env.GITHUB_REPOSITORY ?? ''}#${env.GITHUB_RUN_ID} (${env.GITHUB_WORKFLOW ?? 'workflow'}, by ${env.GITHUB_ACTOR ?? 'unknown'})`;
  }
  return `${env.USER ?? env.USERNAME ?? 'someone'}@${hostname()} (pid ${process.pid})`;
}

/** The lock options of a run of one stack against a backend: real Graph's lists lag, so the lock settles there. */
export function lockOptions(io: CliIo, options: Record<string, unknown>, stack: string, backend: Backend, onWait: (text: string) => void): StackLockOptions {
  const settle = io.env.ENROLLKIT_LOCK_SETTLE_MS;
  return {
    stack,
    holder: lockHolder(io),
    timeoutMs: typeof options.lockTimeout === 'number' ? options.lockTimeout : 0,
    settleMs: settle !== undefined && /^\d+$/.test(settle) ? Number(settle) : backend.description.startsWith('graph') ? GRAPH_SETTLE_MS : 0,
    onEvent: (event) =>
      onWait(
        event.type === 'waiting'
          ? `Stack ${stack} is locked by ${event.lock.holder} since ${event.lock.since}; waiting for it.\n`
          : `Broke the stale lock of stack ${stack} held by ${event.lock.holder} since ${event.lock.since} (its lease ended ${event.lock.until}).\n`,
      ),
  };
}
