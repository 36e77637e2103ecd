/** One Graph request, relative to an API version root. */
export interface GraphRequest {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** API version. */
  readonly version: 'beta' | 'v1.0';
  /** Path and query below the version root, starting with `/`. */
  readonly path: string;
  /** JSON body, for writes. */
  readonly body?: unknown;
  /** Extra request headers, e.g. `ConsistencyLevel: eventual` for directory counts. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What one step of a plan does to one object. */
export type StepOperation = 'create' | 'update' | 'delete' | 'assign' | 'unassign' | 'setPriority' | 'action';

/** The object a step writes: one that exists (its Graph ID), or the one an earlier step of the plan creates. */
export type ObjectRef = { readonly id: string } | { readonly step: string };

/** A typed write: what a kind's protocol turns into a Graph request at apply time. */
export interface KindWrite {
  /** What the write does. */
  readonly operation: StepOperation;
  /** The object written; absent for `create`. */
  readonly object?: ObjectRef;
  /** The object whose collection holds it, for kinds nested under a parent (e.g. an ADE token). */
  readonly parent?: ObjectRef;
  /** The assignment removed by `unassign` (kinds whose assignments are a navigation collection). */
  readonly assignmentId?: string;
  /** The action called by `action` (e.g. `setDefaultProfile`). */
  readonly action?: string;
  /** The request body, in Graph's terms. */
  readonly body?: unknown;
}

/** How a kind's assignment set is written. */
export type AssignStyle =
  /** A `POST {id}/assign` action that replaces the whole set. */
  | { readonly style: 'action'; readonly bodyKey: string; readonly odataType: string }
  /** One `POST {id}/assignments` per assignment, `DELETE` per removal (no `assign` action in Graph). */
  | { readonly style: 'collection'; readonly odataType: string }
  /** Devices named by serial number through an action (ADE profiles: `updateDeviceProfileAssignment`). */
  | { readonly style: 'serials'; readonly action: string }
  /** The kind has no assignments. */
  | { readonly style: 'none' };

/** Where and how a kind lives in Graph: the data of its protocol. */
export interface GraphProtocolSpec {
  /** API version; beta unless said. */
  readonly version?: 'beta' | 'v1.0';
  /**
   * Collection path below the API version, e.g. `/deviceManagement/deviceConfigurations`; a
   * collection nested under a parent object names it `{parent}`
   * (`/deviceManagement/depOnboardingSettings/{parent}/enrollmentProfiles`).
   */
  readonly collection: string;
  /** The entity type written on create, with the leading `#`. */
  readonly odataType: string;
  /**
   * Entity types to keep when listing a shared collection (`$filter=isof(...)`); empty when the
   * collection holds this kind only or is small enough to list whole.
   */
  readonly listTypes: readonly string[];
  /** Whether `$expand=assignments` works on the collection (otherwise each object's assignments are read on their own). */
  readonly expandAssignments: boolean;
  /** How assignments are written. */
  readonly assign: AssignStyle;
  /** The action that moves an object within its priority class, for prioritised kinds. */
  readonly priorityAction?: string;
  /**
   * A collection-bound action that creates objects instead of a POST to the collection: the body
   * key of the list of new objects, and the other body properties (imported device identities).
   * Its answer lists the results, `{"value": [{ id, status }]}`.
   */
  readonly createAction?: { readonly action: string; readonly itemsKey: string; readonly extra: Readonly<Record<string, unknown>> };
}

/** A kind's Graph protocol: its data, and the requests it makes of typed writes. */
export interface GraphProtocol extends GraphProtocolSpec {
  /** The collection path, with the parent's ID filled in for a nested collection. */
  collectionPath(parentId?: string): string;
  /** The Graph request of one typed write; `idOf` gives the Graph ID an object reference stands for. */
  request(write: KindWrite, idOf: (ref: ObjectRef) => string): GraphRequest;
  /** The ID of the object a create's answer names; undefined when the answer says it created nothing. */
  createdId(body: unknown): string | undefined;
  /** The answer a create gets when it made the object with this ID (the inverse of {@link GraphProtocol.createdId}). */
  createdAnswer(id: string): unknown;
  /** The call of a function bound to one object (`GET {item}/exportMobileConfig`). */
  functionRequest(name: string, id: string, parentId?: string): GraphRequest;
  /** The read of one object's assignments, for collections that cannot expand them. */
  assignmentsRequest(id: string, parentId?: string): GraphRequest;
  /** The read of the object a write (other than `create`) changes, to tell whether it happened when its answer was lost. */
  objectRequest(write: KindWrite, idOf: (ref: ObjectRef) => string): GraphRequest;
}

/** The Graph ID of an object reference, or a message when the write lacks it. */
function need(ref: ObjectRef | undefined, what: string, write: KindWrite): ObjectRef {
  if (!ref) throw new Error(`a '${write.operation}' write needs its ${what}; the plan step is malformed (make the plan again).`);
  return ref;
}

/** Builds a kind's {@link GraphProtocol} from its data. */
export function graphProtocol(spec: GraphProtocolSpec): GraphProtocol {
  const version = spec.version ?? 'beta';
  const nested = spec.collection.includes('{parent}');
  const collectionPath = (parentId?: string): string => {
    if (!nested) return spec.collection;
    if (parentId === undefined) throw new Error(`the collection ${spec.collection} is nested under a parent object; name the parent.`);
    return spec.collection.replace('{parent}', parentId);
  };
  return {
    ...spec,
    collectionPath,
    request(write, idOf) {
      const parentId = nested ? idOf(need(write.parent, 'parent object', write)) : undefined;
      const collection = collectionPath(parentId);
      const body = write.body === undefined ? {} : { body: write.body };
      if (write.operation === 'create') {
        const via = spec.createAction;
        return via ? { method: 'POST', version, path: `${collection}/${via.action}`, body: { [via.itemsKey]: [write.body ?? {}], ...via.extra } } : { method: 'POST', version, path: collection, ...body };
      }
      const item = `${collection}/${idOf(need(write.object, 'object', write))}`;
      switch (write.operation) {
        case 'update':
          return { method: 'PATCH', version, path: item, ...body };
        case 'delete':
          return { method: 'DELETE', version, path: item };
        case 'assign':
          switch (spec.assign.style) {
            case 'action':
              return { method: 'POST', version, path: `${item}/assign`, ...body };
            case 'collection':
              return { method: 'POST', version, path: `${item}/assignments`, ...body };
            case 'serials':
              return { method: 'POST', version, path: `${item}/${spec.assign.action}`, ...body };
            case 'none':
              throw new Error(`objects of ${spec.collection} have no assignments to write.`);
          }
          break;
        case 'unassign':
          if (spec.assign.style !== 'collection') throw new Error(`assignments of ${spec.collection} are replaced as a set, not removed one by one.`);
          return { method: 'DELETE', version, path: `${item}/assignments/${write.assignmentId ?? ''}` };
        case 'setPriority':
          if (!spec.priorityAction) throw new Error(`objects of ${spec.collection} have no priority.`);
          return { method: 'POST', version, path: `${item}/${spec.priorityAction}`, ...body };
        case 'action':
          return { method: 'POST', version, path: `${item}/${write.action ?? ''}`, ...body };
      }
    },
    createdId(body) {
      const created = spec.createAction ? (body as { value?: { id?: unknown; status?: unknown }[] } | undefined)?.value?.find((r) => r.status === true) : (body as { id?: unknown } | undefined);
      return typeof created?.id === 'string' ? created.id : undefined;
    },
    createdAnswer: (id) => (spec.createAction ? { value: [{ id, status: true }] } : { id }),
    functionRequest: (name, id, parentId) => ({ method: 'GET', version, path: `${collectionPath(parentId)}/${id}/${name}` }),
    assignmentsRequest: (id, parentId) => ({ method: 'GET', version, path: `${collectionPath(parentId)}/${id}/assignments` }),
    objectRequest(write, idOf) {
      const parentId = nested ? idOf(need(write.parent, 'parent object', write)) : undefined;
      return { method: 'GET', version, path: `${collectionPath(parentId)}/${idOf(need(write.object, 'object', write))}` };
    },
  };
}

/** One list request that reads a (possibly shared) collection for the kinds that live in it. */
export interface CollectionRead<K> {
  /** The kinds read. */
  readonly kinds: readonly K[];
  /** The request. */
  readonly request: GraphRequest;
}

/**
 * The list requests that read every object of some kinds: one per collection (and parent), with
 * `$expand=assignments` when every kind of it allows it and an `isof` filter when every kind names
 * its types.
 */
export function collectionReads<K extends { readonly graph: GraphProtocol }>(kinds: readonly K[], parentId?: string): CollectionRead<K>[] {
  const byCollection = new Map<string, K[]>();
  for (const k of kinds) byCollection.set(k.graph.collectionPath(parentId), [...(byCollection.get(k.graph.collectionPath(parentId)) ?? []), k]);
  return [...byCollection].map(([path, members]) => {
    const types = members.every((k) => k.graph.listTypes.length > 0) ? members.flatMap((k) => k.graph.listTypes) : [];
    const filter = types.length ? `&$filter=${encodeURIComponent(types.map((t) => `isof('${t.replace(/^#/, '')}')`).join(' or '))}` : '';
    const expand = members.every((k) => k.graph.expandAssignments) ? '$expand=assignments' : '';
    return { kinds: members, request: { method: 'GET', version: members[0]!.graph.version ?? 'beta', path: `${path}?${expand}${filter}` } };
  });
}
