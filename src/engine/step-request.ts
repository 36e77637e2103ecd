import { descriptorOf, GROUP_PROTOCOL, type GraphProtocol, type GraphRequest, type KindName, type ObjectRef } from '../model';
import type { Step } from './plan-types';

/** The protocol of a step's kind: its descriptor's, or Entra groups'. */
export function protocolOf(kind: KindName | 'group'): GraphProtocol {
  return kind === 'group' ? GROUP_PROTOCOL : descriptorOf(kind).graph;
}

/**
 * A reference, inside a request body, to the ID a step creates (e.g. a new group an assignment
 * targets), resolved at apply time; the step ID is percent-encoded.
 */
export function stepRef(stepId: string): string {
  return `{{ref:${encodeURIComponent(stepId)}}}`;
}

const REF = /\{\{ref:([^}]+)\}\}/g;

function replaceRefs(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return value.replace(REF, (token, step: string) => ids.get(decodeURIComponent(step)) ?? token);
  if (Array.isArray(value)) return value.map((v) => replaceRefs(v, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceRefs(v, ids)]));
  return value;
}

/** The steps a step refers to: the object and parent it writes, and IDs its body names. */
export function referencedSteps(step: Step): string[] {
  const refs = [step.object, step.parent].flatMap((ref) => (ref && 'step' in ref ? [ref.step] : []));
  const inBody = step.body === undefined ? [] : [...JSON.stringify(step.body).matchAll(REF)].map((m) => decodeURIComponent(m[1]!));
  return [...new Set([...refs, ...inBody])];
}

/** The object a create makes, as it lands in its collection (unwrapped from a creating action's list). */
export interface CreatedObject {
  /** API version of the collection. */
  readonly version: GraphRequest['version'];
  /** The collection path the object lands in. */
  readonly collection: string;
  /** The object's body, ownership marker included. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The property that names the object (`displayName`, or e.g. `serialNumber`). */
  readonly nameProperty: string;
  /** The answer the create gets when it made the object with this ID. */
  readonly answerFor: (id: string) => unknown;
}

/** A step ready to send: its request, and the reads that tell whether it happened when its answer is lost. */
export interface SentWrite {
  /** What the step does. */
  readonly operation: Step['operation'];
  /** The request. */
  readonly request: GraphRequest;
  /** The read of the object written (absent for `create`). */
  readonly objectRead?: GraphRequest;
  /** The read of the object's assignments, for kinds whose assignments are a navigation collection. */
  readonly assignmentsRead?: GraphRequest;
  /** For a create, the object it makes. */
  readonly created?: CreatedObject;
}

/**
 * The Graph request a step sends once the IDs it refers to are known (its kind's protocol builds
 * it), or the steps whose IDs are still missing (the request must then not be sent).
 */
export function stepRequest(step: Step, ids: ReadonlyMap<string, string>): { request: GraphRequest; write: SentWrite } | { missing: string[] } {
  const missing = referencedSteps(step).filter((id) => !ids.has(id));
  if (missing.length > 0) return { missing };
  const idOf = (ref: ObjectRef): string => ('id' in ref ? ref.id : ids.get(ref.step)!);
  const resolved = step.body === undefined ? step : { ...step, body: replaceRefs(step.body, ids) };
  const protocol = protocolOf(step.kind);
  const request = protocol.request(resolved, idOf);
  const objectRead = step.object ? protocol.objectRequest(resolved, idOf) : undefined;
  const assignmentsRead =
    step.object && protocol.assign.style === 'collection' ? protocol.assignmentsRequest(idOf(step.object), step.parent ? idOf(step.parent) : undefined) : undefined;
  const created: CreatedObject | undefined =
    step.operation === 'create'
      ? {
          version: request.version,
          collection: protocol.collectionPath(step.parent ? idOf(step.parent) : undefined),
          body: (resolved.body ?? {}) as Record<string, unknown>,
          nameProperty: (step.kind === 'group' ? undefined : descriptorOf(step.kind).nameProperty) ?? 'displayName',
          answerFor: (id) => protocol.createdAnswer(id),
        }
      : undefined;
  return {
    request,
    write: { operation: step.operation, request, ...(objectRead ? { objectRead } : {}), ...(assignmentsRead ? { assignmentsRead } : {}), ...(created ? { created } : {}) },
  };
}
