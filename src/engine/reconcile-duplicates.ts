import type { Backend, GraphRequest } from './backend';
import type { CreatedObject } from './step-request';
import { graphErrorMessage, isSuccess } from './graph-errors';
import { markedObjectsRequest, markerOfCreate, objectsWithMarker } from './resolve-unknown-writes';

/** Objects that carried one ownership marker after an apply wave, and what was done about it. */
export interface ReconciledDuplicate {
  /** The create step whose object was duplicated. */
  readonly step: string;
  /** Display name of the objects. */
  readonly displayName: string;
  /** The object kept: the oldest, so that concurrent runs keep the same one. */
  readonly kept: string;
  /** The extra objects deleted. */
  readonly deleted: readonly string[];
  /** Why an extra could not be deleted (the apply then fails and says so). */
  readonly error?: string;
}

/** A create that ran in a wave. */
export interface WaveCreate {
  /** Step ID. */
  readonly step: string;
  /** The object it made (references resolved). */
  readonly created: CreatedObject;
}

/**
 * After a wave in which creates lost their answers, reads each created object's collection for
 * objects carrying the same ownership marker; when there is more than one, keeps the oldest and
 * deletes the others. The objects were created from one step with one body, so the survivor holds
 * everything the extras do; later steps refer to the survivor's ID.
 */
export async function reconcileDuplicates(backend: Backend, creates: readonly WaveCreate[]): Promise<ReconciledDuplicate[]> {
  const marked = creates.flatMap((c) => {
    const marker = markerOfCreate(c.created);
    return marker ? [{ ...c, marker }] : [];
  });
  if (marked.length === 0) return [];
  const lists = await backend.send(marked.map((c) => markedObjectsRequest(c.created)));
  const found = marked.flatMap((c, i) => {
    const objects = isSuccess(lists[i]!) ? objectsWithMarker(lists[i]!, c.marker) : [];
    return objects.length > 1 ? [{ ...c, ids: objects.map((o) => String(o.id)) }] : [];
  });
  if (found.length === 0) return [];
  const deletes = found.flatMap((c) => c.ids.slice(1).map((id) => ({ step: c.step, request: { method: 'DELETE', version: c.created.version, path: `${c.created.collection}/${id}` } as GraphRequest })));
  const answers = await backend.send(deletes.map((d) => d.request));
  return found.map((c) => {
    const failures = deletes
      .map((d, i) => ({ d, answer: answers[i]! }))
      .filter(({ d, answer }) => d.step === c.step && !isSuccess(answer) && answer.status !== 404)
      .map(({ d, answer }) => `${d.request.method} ${d.request.path}: ${answer.status} ${graphErrorMessage(answer.body)}`);
    return {
      step: c.step,
      displayName: String(c.created.body[c.created.nameProperty] ?? ''),
      kept: c.ids[0]!,
      deleted: c.ids.slice(1),
      ...(failures.length > 0 ? { error: failures.join('; ') } : {}),
    };
  });
}
