import type { z } from 'zod';
import type { Assignment } from './assignment';
import type { CodeSource, ConstructCode, ConstructCodeContext } from './codegen';
import type { GraphProtocol, GraphRequest, StepOperation } from './graph-protocol';
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

/** Tenant objects a kind names by their name rather than their ID (ADE tokens, VPP tokens): how to list them. */
export interface NameLookup {
  /** What they are, for messages (`ADE token`). */
  readonly title: string;
  /** The list request. */
  readonly list: GraphRequest;
  /** The property that holds the name. */
  readonly nameField: string;
  /**
   * The spec field that names such an object; absent when the tenant has one (the account's Apple
   * Configurator pseudo-token), which every object of the kind goes under.
   */
  readonly field?: string;
  /** Keeps the entities of the list that count (an ADE token, not the Apple Configurator pseudo-token). */
  matches(entity: GraphEntity): boolean;
}

/** The tenant's named objects, read through the lookups: IDs by name and back. */
export interface NameDirectory {
  /** The ID of the object of `lookup` with this name. */
  id(lookup: string, name: string): string | undefined;
  /** The name of the object of `lookup` with this ID. */
  name(lookup: string, id: string): string | undefined;
}

/** A directory that knows no names, for specs that name no tenant objects. */
export const NO_NAMES: NameDirectory = { id: () => undefined, name: () => undefined };

/** The parent object a nested kind lives under, named in the spec (an ADE token by name). */
export interface KindParent {
  /** The lookup that lists the parents (its `field` names the parent in the spec). */
  readonly lookup: string;
  /** A navigation of the parent read with its children, and how its items fold into each child entity. */
  readonly attach?: {
    /** The read of the navigation of one parent. */
    request(parentId: string): GraphRequest;
    /** The child entity with what it needs of the navigation's items. */
    apply(entity: GraphEntity, items: readonly GraphEntity[]): GraphEntity;
  };
}

/** A write that sets state of an object beyond its properties (make it the default, assign devices). */
export interface PlannedAction {
  /** `action` for a Graph action, `assign` for the kind's assignment write (devices by serial number). */
  readonly operation: Extract<StepOperation, 'action' | 'assign'>;
  /** The Graph action, for `action`. */
  readonly action?: string;
  /** The request body. */
  readonly body?: unknown;
  /** What it does, for the plan. */
  readonly title: string;
}

/** Spec fields that actions set, and the actions that bring them from the tenant's value to the desired one. */
export interface KindActions<Spec> {
  /** Spec fields the actions own: left out of the property diff and of create and update bodies. */
  readonly fields: readonly string[];
  /** The actions that turn `actual` (undefined for a new object) into `desired`. */
  plan(desired: Spec, actual: Spec | undefined): PlannedAction[];
}

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
  /** The entity property that holds an object's name (`displayName` unless said; an imported device's `serialNumber`). */
  readonly nameProperty?: string;
  /** Kinds whose objects must exist before objects of this kind are written (their creates come before this kind's actions); the registry lists the kind after them. */
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
  toGraph(spec: Spec, names?: NameDirectory): Record<string, unknown>;
  /** The canonical spec of a Graph entity; `normalize(s)` equals `fromGraph(toGraph(s))`. */
  fromGraph(entity: GraphEntity, names?: NameDirectory): Spec;
  /** Tenant objects the spec names by name, by lookup key. */
  readonly lookups?: Readonly<Record<string, NameLookup>>;
  /** For a kind nested under a parent object (its `graph.collection` names `{parent}`). */
  readonly parent?: KindParent;
  /** Actions that set state beyond properties. */
  readonly actions?: KindActions<Spec>;
  /** One assignment on the wire. */
  assignmentToGraph(assignment: Assignment, spec: Spec, groups: GroupResolver): Record<string, unknown>;
  /** One assignment read back; undefined for targets enrollkit does not manage. */
  assignmentFromGraph(raw: Record<string, unknown>, groups: GroupResolver): Assignment | undefined;
  /** How `enrollkit import` declares an object of the kind with the construct API. */
  readonly code: KindCode<Spec>;
  /** A Graph function that exports an object of the kind as a file (an Apple Configurator profile's .mobileconfig). */
  readonly fileExport?: KindFileExport<Spec>;
}

/** How an object of a kind is exported as a file by a Graph function that answers `{"value": String}`. */
export interface KindFileExport<Spec> {
  /** The function, bound to the object (`exportMobileConfig`). */
  readonly function: string;
  /** What the file is, for messages (`enrollment profile for Apple Configurator direct enrollment`). */
  readonly title: string;
  /** The file name extension, with the dot (`.mobileconfig`). */
  readonly extension: string;
  /** Why an object of this spec has no such file, with the fix; undefined when it has one. */
  problem(spec: Spec): string | undefined;
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
