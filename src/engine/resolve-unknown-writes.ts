import { parseMarker, type OwnershipMarker } from '../model';
import type { Backend, GraphRequest, GraphResponse, SendOptions } from './backend';
import { canonicalJson } from './canonical-json';
import { isSuccess } from './graph-errors';
import { filterLiteral } from './read-state';
import type { SentWrite } from './step-request';

type Json = Record<string, unknown>;

/** What a write whose answer was lost turned out to have done. */
export type WriteOutcome =
  /** It happened (or its effect is in the tenant): for a create, the ID of the object it made. */
  | { readonly happened: true; readonly createdId?: string }
  /** It did not happen: it may be sent again. */
  | { readonly happened: false }
  /** The tenant cannot tell (a create without ownership marker): it must not be sent again. */
  | { readonly happened: 'unknown'; readonly reason: string };

/** The ownership marker a create writes into its object's description, if any. */
export function markerOfCreate(request: GraphRequest): OwnershipMarker | undefined {
  const description = (request.body as Json | undefined)?.description;
  return typeof description === 'string' ? parseMarker(description).marker : undefined;
}

function sameMarker(a: OwnershipMarker | undefined, b: OwnershipMarker): boolean {
  return a !== undefined && a.stack === b.stack && a.logicalId === b.logicalId;
}

/** Objects of a collection that carry an ownership marker, found by display name (the create's own). */
export function markedObjectsRequest(create: GraphRequest): GraphRequest {
  const name = String((create.body as Json | undefined)?.displayName ?? '');
  const select = create.version === 'v1.0' ? '&$select=id,displayName,description,createdDateTime' : '';
  return { method: 'GET', version: create.version, path: `${create.path}?$filter=displayName eq ${filterLiteral(name)}${select}` };
}

/** The objects of a create's collection and display name that carry its marker, oldest first. */
export function objectsWithMarker(response: GraphResponse, marker: OwnershipMarker): Json[] {
  const items = ((response.body as { value?: Json[] } | undefined)?.value ?? []) as Json[];
  return items
    .filter((item) => sameMarker(parseMarker(typeof item.description === 'string' ? item.description : '').marker, marker))
    .sort((x, y) => String(x.createdDateTime ?? '').localeCompare(String(y.createdDateTime ?? '')) || String(x.id).localeCompare(String(y.id)));
}

/** The read that tells whether a write happened, and how to judge its answer. */
function probeOf(write: SentWrite): { read: GraphRequest; judge: (response: GraphResponse) => WriteOutcome } | WriteOutcome {
  const { request, operation, objectRead, assignmentsRead } = write;
  const body = (request.body ?? {}) as Json;
  const unknownObject: WriteOutcome = { happened: 'unknown', reason: `the '${operation}' write names no object to read` };
  if (operation === 'delete' || operation === 'unassign') {
    return { read: { method: 'GET', version: request.version, path: request.path }, judge: (r) => ({ happened: r.status === 404 }) };
  }
  if (operation === 'update') {
    if (!objectRead) return unknownObject;
    const sent = Object.entries(body).filter(([key]) => key !== '@odata.type');
    return {
      read: objectRead,
      judge: (r) => ({ happened: isSuccess(r) && sent.every(([key, value]) => canonicalJson((r.body as Json)[key]) === canonicalJson(value)) }),
    };
  }
  if (operation === 'setPriority') {
    if (!objectRead) return unknownObject;
    return { read: objectRead, judge: (r) => ({ happened: isSuccess(r) && (r.body as Json).priority === body.priority }) };
  }
  // An `assign` action replaces the whole set and other actions set a state: sending either again does no harm.
  if ((operation === 'assign' && !assignmentsRead) || operation === 'action') return { happened: false };
  if (operation === 'assign' && assignmentsRead) {
    const wanted = canonicalJson({ intent: body.intent, target: body.target });
    return {
      read: assignmentsRead,
      judge: (r) => {
        const found = ((r.body as { value?: Json[] } | undefined)?.value ?? []).find((a) => canonicalJson({ intent: a.intent, target: a.target }) === wanted);
        return found ? { happened: true, createdId: String(found.id) } : { happened: false };
      },
    };
  }
  const marker = markerOfCreate(request);
  if (!marker) return { happened: 'unknown', reason: 'the object carries no ownership marker, so the tenant cannot tell whether it was created' };
  return {
    read: markedObjectsRequest(request),
    judge: (r) => {
      if (!isSuccess(r)) return { happened: 'unknown', reason: `reading the tenant to find out failed with ${r.status}` };
      const [first] = objectsWithMarker(r, marker);
      return first ? { happened: true, createdId: String(first.id) } : { happened: false };
    },
  };
}

/**
 * Finds out what writes whose answer was lost did, by reading the tenant: a create is looked up by
 * the ownership marker it wrote (never sent blindly again), an assignment by its target, a
 * `setPriority` by the priority, a PATCH by the values it sent, a DELETE by the object's absence.
 * Reads are batched in one send.
 */
export async function resolveUnknownWrites(backend: Backend, writes: readonly SentWrite[]): Promise<WriteOutcome[]> {
  const probes = writes.map(probeOf);
  const reads = probes.flatMap((p) => ('read' in p ? [p.read] : []));
  const answers = reads.length > 0 ? await backend.send(reads) : [];
  let next = 0;
  return probes.map((p) => {
    if (!('read' in p)) return p;
    const answer = answers[next++]!;
    if (answer.unknownOutcome || answer.status === 0 || answer.status >= 500) {
      return { happened: 'unknown', reason: `reading the tenant to find out got no usable answer (${answer.status})` };
    }
    return p.judge(answer);
  });
}

/** How often a write whose answer is lost is looked up and sent again before the apply gives up on it. */
const MAX_LOST_ANSWERS = 4;

/** The answers to a wave of writes, with lost answers resolved by reading the tenant. */
export interface WaveAnswers {
  /** One answer per request; a resolved one is synthesised (a create's carries the ID found). */
  readonly responses: readonly GraphResponse[];
  /** Requests whose answer was lost at least once, or was a refusal the tenant showed to be moot, by index, with what was found. */
  readonly lost: ReadonlyMap<number, string>;
}

/**
 * True for a refusal that may only say the write's effect is there already: a DELETE answered 404
 * (the object is gone, for example when the request was sent again after a lost 503 or 504) and a
 * `setPriority` answered 400 (Intune refuses a move to the priority the object has).
 */
function mayBeDoneAlready(write: SentWrite, response: GraphResponse): boolean {
  if (write.operation === 'delete' || write.operation === 'unassign') return response.status === 404;
  return write.operation === 'setPriority' && response.status === 400;
}

/** Turns such refusals into successes where reading the tenant shows the effect is there. */
async function settleRefusals(backend: Backend, writes: readonly SentWrite[], responses: GraphResponse[], lost: Map<number, string>): Promise<void> {
  const refused = responses.flatMap((r, i) => (mayBeDoneAlready(writes[i]!, r) ? [i] : []));
  if (refused.length === 0) return;
  const outcomes = await resolveUnknownWrites(backend, refused.map((i) => writes[i]!));
  refused.forEach((i, j) => {
    if (outcomes[j]!.happened !== true) return;
    lost.set(i, `${lost.has(i) ? `${lost.get(i)!}; then ` : ''}answered ${responses[i]!.status}; it was so already (found in the tenant)`);
    responses[i] = { status: 204, body: undefined };
  });
}

/**
 * Sends a wave of writes (in parallel, or in order with `sequential`). A write whose answer is
 * lost is resolved with {@link resolveUnknownWrites} and sent again only when the tenant shows it
 * did not happen (in order again, for a sequence); after a few lost answers in a row, or when the
 * tenant cannot tell, it fails without being sent again. A DELETE answered 404 and a `setPriority`
 * answered 400 are done when the tenant shows the object gone or at that priority.
 */
export async function sendWrites(backend: Backend, writes: readonly SentWrite[], options: SendOptions = {}): Promise<WaveAnswers> {
  const requests = writes.map((w) => w.request);
  const responses = [...(await backend.send(requests, options))];
  const lost = new Map<number, string>();
  let unknown = responses.flatMap((r, i) => (r.unknownOutcome ? [i] : []));
  for (let round = 1; unknown.length > 0; round += 1) {
    const outcomes = await resolveUnknownWrites(backend, unknown.map((i) => writes[i]!));
    const resend: number[] = [];
    unknown.forEach((i, j) => {
      const outcome = outcomes[j]!;
      const lostHow = `${responses[i]!.status === 0 ? 'no answer' : `answered ${responses[i]!.status}`}`;
      if (outcome.happened === true) {
        lost.set(i, `${lostHow}; it had happened (found in the tenant)`);
        responses[i] = { status: 200, body: outcome.createdId ? { id: outcome.createdId } : undefined };
      } else if (outcome.happened === 'unknown' || round >= MAX_LOST_ANSWERS) {
        const reason = outcome.happened === 'unknown' ? outcome.reason : `the answer was lost ${round} times`;
        lost.set(i, `${lostHow}; not sent again: ${reason}`);
        responses[i] = { status: 0, body: { error: { code: 'OutcomeUnknown', message: `${lostHow}, and ${reason}; plan again to see what the tenant holds` } } };
      } else {
        lost.set(i, `${lostHow}; it had not happened, sent again`);
        resend.push(i);
      }
    });
    const again = resend.length > 0 ? await backend.send(resend.map((i) => requests[i]!), options) : [];
    resend.forEach((i, j) => {
      responses[i] = again[j]!;
    });
    unknown = resend.filter((i) => responses[i]!.unknownOutcome);
  }
  await settleRefusals(backend, writes, responses, lost);
  // In a sequence, what followed a lost answer was answered 424 without running; once everything
  // before it is known to have happened, it goes out again.
  const stalled = options.sequential ? responses.findIndex((r) => !isSuccess(r)) : -1;
  if (stalled > 0 && responses[stalled]!.status === 424) {
    const rest = await sendWrites(backend, writes.slice(stalled), options);
    rest.responses.forEach((response, j) => (responses[stalled + j] = response));
    rest.lost.forEach((how, j) => lost.set(stalled + j, how));
  }
  return { responses, lost };
}
