import type { z } from 'zod';
import type { Assignment } from './assignment';

/** An entity as Graph returns it. */
export type GraphEntity = Record<string, unknown> & { id: string };

/** Names of the kinds enrollkit manages. */
export type KindName =
  | 'enrollmentTypeProfile'
  | 'platformRestriction'
  | 'deviceLimitRestriction'
  | 'ssoExtensionPolicy'
  | 'iosApp'
  | 'webClip';

/** How a kind's assignment set is written. */
export type AssignStyle =
  /** A `POST {id}/assign` action that replaces the whole set. */
  | { readonly style: 'action'; readonly bodyKey: string; readonly odataType: string }
  /** One `POST {id}/assignments` per assignment, `DELETE` per removal (no `assign` action in Graph). */
  | { readonly style: 'collection'; readonly odataType: string };

/** Context for mapping assignments: group IDs by display name and back. */
export interface GroupResolver {
  /** The Entra object ID of the group with this display name. */
  id(displayName: string): string;
  /** The display name of the group with this ID (the ID itself when unknown). */
  name(id: string): string;
}

/** A resolver that leaves group IDs and names as they are, for assignments already in Graph's terms. */
export const GROUP_IDS_AS_GIVEN: GroupResolver = { id: (name) => name, name: (id) => id };

/**
 * Everything the engine needs to know about a kind, said once: schema, Graph mapping,
 * natural key, priority, dependencies, permissions. Diff, plan and apply read descriptors and
 * never branch on a kind's name.
 */
export interface KindDescriptor<Spec = unknown> {
  /** The kind's name in manifests. */
  readonly kind: KindName;
  /** What Intune calls it, for messages. */
  readonly title: string;
  /** The kind-specific part of the desired state. */
  readonly specSchema: z.ZodType<Spec>;
  /** Where and how the kind lives in Graph (beta). */
  readonly graph: {
    /** Collection path below the API version, e.g. `/deviceManagement/deviceConfigurations`. */
    readonly collection: string;
    /** The entity type written on create, with the leading `#`. */
    readonly odataType: string;
    /**
     * Entity types to keep when listing a shared collection (`$filter=isof(...)`); empty when the
     * collection holds this kind only or is small enough to list whole.
     */
    readonly listTypes: readonly string[];
    /** Whether `$expand=assignments` works on the collection. */
    readonly expandAssignments: boolean;
    /** How assignments are written. */
    readonly assign: AssignStyle;
  };
  /** Objects of the same priority class form one total order (EK013). */
  readonly priorityClass?: string;
  /** The priority Graph gives the first object of the class (restrictions start at 1: the default holds 0). */
  readonly priorityBase?: number;
  /** Spec fields that Graph cannot change in place: a change means delete and create (replace). */
  readonly replaceOn: readonly string[];
  /** A field that identifies a referenced (not owned) object of this kind, e.g. `bundleId`. */
  readonly referenceField?: string;
  /** Kinds whose objects must exist before objects of this kind are written. */
  readonly dependsOn: readonly KindName[];
  /** Application permissions Graph accepts (least privileged first). */
  readonly permissions: { readonly read: readonly string[]; readonly write: readonly string[] };
  /** True when a Graph entity of the (shared, polymorphic) collection belongs to this kind. */
  matches(entity: GraphEntity): boolean;
  /** True for the tenant's built-in objects (the priority-0 defaults): never changed, moved or deleted. */
  isBuiltIn(entity: GraphEntity): boolean;
  /** The spec in canonical form: collections sorted, defaults filled, so equal specs compare equal. */
  normalize(spec: Spec): Spec;
  /** The create/update body for a spec, without displayName and description. */
  toGraph(spec: Spec): Record<string, unknown>;
  /** The canonical spec of a Graph entity; `normalize(s)` equals `fromGraph(toGraph(s))`. */
  fromGraph(entity: GraphEntity): Spec;
  /** One assignment on the wire. */
  assignmentToGraph(assignment: Assignment, spec: Spec, groups: GroupResolver): Record<string, unknown>;
  /** One assignment read back; undefined for targets enrollkit does not manage. */
  assignmentFromGraph(raw: Record<string, unknown>, groups: GroupResolver): Assignment | undefined;
}
