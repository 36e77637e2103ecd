import type { z } from 'zod';
import type { Assignment } from './assignment';
import type { CodeSource, ConstructCode, ConstructCodeContext } from './codegen';
import type { GraphProtocol } from './graph-protocol';
import type { KindName } from './kinds/registry';

export type { KindName } from './kinds/registry';

/** An entity as Graph returns it. */
export type GraphEntity = Record<string, unknown> & { id: string };

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
  /** Where and how the kind lives in Graph, and the requests its typed writes become. */
  readonly graph: GraphProtocol;
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
  /** How `enrollkit import` declares an object of the kind with the construct API. */
  readonly code: KindCode<Spec>;
}

/** One tenant object of a kind, as import's code generator reads it. */
export type KindCodeSource<Spec> = CodeSource & { readonly spec: Spec };

/** A kind's import code generation. */
export interface KindCode<Spec> {
  /** The construct class that declares an object of this spec (e.g. `IosStoreApp`, `VppApp`). */
  className(spec: Spec): string;
  /** True when a stack references such an object (by the kind's `referenceField`) rather than owning it. */
  referenced(spec: Spec): boolean;
  /** Why the construct API cannot declare the object as the tenant has it, with the fix; undefined when it can. */
  problem(o: KindCodeSource<Spec>): string | undefined;
  /** The statements that declare the object. */
  declare(o: KindCodeSource<Spec>, ctx: ConstructCodeContext): ConstructCode;
}
