import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultOutcome } from '../fault-injector';
import { requestPath, type ServerContext, type ServerContextOf } from '../server-context';
import { renderError } from './render-error';

/** Set on the answer of a `$batch` item whose connection a fault drops: the batch drops its own connection. */
export const DROP_CONNECTION_HEADER = 'x-enrollkit-drop-connection';

/**
 * Drops the request's connection without an answer. A request with no socket of its own (a `$batch`
 * item, or one served in-process) is marked instead, so that the batch around it drops its connection.
 */
function dropConnection(c: ServerContextOf): void {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (socket) socket.destroy();
  else c.res.headers.set(DROP_CONNECTION_HEADER, '1');
}

/** The outcome of the fault rules that a request hits; `undefined` when it hits none. */
export function faultsOf(ctx: ServerContext, c: ServerContextOf): FaultOutcome | undefined {
  const path = requestPath(c);
  return ctx.faults.match(c.req.method, [path, path.slice(c.get('version').length + 1)], c.get('tenantId'));
}

/** Delays a request that hit fault rules by their latency, then throws the injected error of a rule that answers before serving. */
export async function faultsBefore(outcome: FaultOutcome): Promise<void> {
  if (outcome.latencyMs > 0) await sleep(outcome.latencyMs);
  if (outcome.error) throw outcome.error;
}

/**
 * Loses a served request's answer as its `afterCommit` rule says (another status, or a dropped
 * connection), as a gateway timing out after the service committed a write does; drops the
 * connection of a `$batch` one of whose items lost theirs.
 */
export function faultsAfter(c: ServerContextOf, outcome: FaultOutcome | undefined): void {
  const lost = outcome?.lost;
  if (lost && 'error' in lost) c.res = renderError(c, lost.error);
  if ((lost && 'reset' in lost) || c.get('dropConnection')) dropConnection(c);
}
