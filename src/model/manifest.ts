import { z } from 'zod';
import { AssignmentSchema } from './assignment';
import { GroupSpecSchema } from './group';
import { KIND_NAMES, KINDS, type KindName, type SpecOf } from './kinds';
import { StackEnvironmentSchema } from './environment';
import { PriorityPlacementSchema } from './priority-placement';

/** The manifest format this version reads and writes. */
export const MANIFEST_VERSION = 'enrollkit.manifest/v1';

/** A rule switched off on one construct, with the reason a reviewer reads in the plan. */
export const SuppressionSchema = z.strictObject({
  rule: z.string().regex(/^EK\d{3}$/, { message: 'expected a rule ID such as "EK009"' }),
  reason: z.string().trim().min(1, { message: 'a suppression needs a written reason' }),
});

/** A suppressed rule. */
export type Suppression = z.infer<typeof SuppressionSchema>;

const resourceBase = {
  /** Stable identity within the stack, from the construct path. */
  logicalId: z.string().min(1),
  /** Full construct path, for messages. */
  path: z.string().min(1),
  /** The name Intune shows; unique within a kind. */
  displayName: z.string().trim().min(1).max(256),
  /** The user's description (the ownership marker is added on write). */
  description: z.string(),
  /** Who gets the object. */
  assignments: z.array(AssignmentSchema),
  /** Rank within the kind's priority class, 1 = highest; only for prioritised kinds. */
  priority: z.number().int().min(1).optional(),
  /** Set for an object that exists already and is referenced, not owned: the field and value that find it. */
  reference: z.strictObject({ field: z.string(), value: z.string() }).optional(),
  /** Rules switched off on this object. */
  suppressions: z.array(SuppressionSchema),
  /** Where the app created the construct, `file:line` relative to the app's directory (recorded by `enrollkit synth`). */
  source: z.string().regex(/^.+:\d+$/, { message: 'expected file:line, such as "main.ts:12"' }).optional(),
};

/** What every object of the desired state carries besides its kind and spec. */
type ResourceBase = z.infer<z.ZodObject<typeof resourceBase>>;

/** One object of the desired state: a kind, that kind's spec, and the common fields. */
export type Resource = { [K in KindName]: { kind: K; spec: SpecOf<K> } & ResourceBase }[KindName];

/** The resource of one kind. */
export type ResourceOf<K extends KindName> = Extract<Resource, { kind: K }>;

const resourceVariants = KIND_NAMES.map((kind) => z.strictObject({ kind: z.literal(kind), spec: KINDS[kind].specSchema, ...resourceBase }));

/** One object of the desired state, one variant per kind of the registry. */
export const ResourceSchema = z.discriminatedUnion('kind', resourceVariants as unknown as [(typeof resourceVariants)[number], ...(typeof resourceVariants)[number][]]) as unknown as z.ZodType<Resource>;

/** The desired state of one stack: the only input of plan and apply. */
export const ManifestSchema = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  /** The stack's name: part of every ownership marker. */
  stack: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'expected letters, digits, ".", "_" or "-"' }),
  /** The Entra groups that assignments name. */
  groups: z.array(GroupSpecSchema),
  /** The objects, in declaration order. */
  resources: z.array(ResourceSchema),
  /** Rules switched off for the whole stack. */
  suppressions: z.array(SuppressionSchema),
  /** Placement of the stack's objects among those it does not own, by priority class (default `keep`). */
  placement: z.record(z.string(), PriorityPlacementSchema).optional(),
  /** The tenant the stack belongs to (absent: a stack of no particular tenant). */
  environment: StackEnvironmentSchema.optional(),
});

/** The desired state of one stack. */
export type Manifest = z.infer<typeof ManifestSchema>;

/** Parses and checks a manifest read from disk; throws zod's error on a malformed one. */
export function parseManifest(json: unknown): Manifest {
  return ManifestSchema.parse(json);
}
