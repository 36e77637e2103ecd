import type { Assignment, Blocker, KindName, KindWrite, Manifest, TenantRef } from '../model';
import type { FieldChange } from './diff';
import type { PlanImpact } from './impact/plan-impact';

/** The version of the plan JSON format (docs/plan-format.md). */
export const PLAN_FORMAT = 'enrollkit.plan/v3';

/** What a plan is for: bring the tenant to the stack (`normal`), or delete what the stack owns (`destroy`). */
export type PlanMode = 'normal' | 'destroy';

/** What a plan does to one object. */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'adopt' | 'unchanged' | 'conflict';

/** The plan for one object of the stack or the tenant. */
export interface ResourceChange {
  /** What happens. */
  readonly action: ChangeAction;
  /** The kind. */
  readonly kind: KindName;
  /** Logical ID in the stack (from the ownership marker for an object the stack no longer declares). */
  readonly logicalId: string;
  /** Construct path, when the stack declares the object. */
  readonly path?: string;
  /** Display name (the desired one when it changes). */
  readonly displayName: string;
  /** Graph ID of the existing object. */
  readonly id?: string;
  /** True for an object referenced, not owned: only its declared assignments are managed. */
  readonly referenced: boolean;
  /** Property differences. */
  readonly fields: readonly FieldChange[];
  /** For `replace`: the changed fields Graph cannot change in place, which force the delete and create. */
  readonly replaceFields?: readonly string[];
  /** Actions the plan calls on the object beyond its properties (make it the default, assign devices). */
  readonly actions?: readonly string[];
  /** Assignments added and removed (targets name groups by display name). */
  readonly assignments: { readonly add: readonly Assignment[]; readonly remove: readonly Assignment[] };
  /** Why the object cannot be planned (`conflict`): the blocker's message and fix. */
  readonly reason?: string;
}

/** The plan for one Entra group the stack names. */
export interface GroupChange {
  /**
   * `create` for a declared group not in the tenant; `deduplicate` when the stack made it more than
   * once (the oldest is kept, the others deleted); `missing`/`ambiguous` block apply.
   */
  readonly action: 'create' | 'unchanged' | 'deduplicate' | 'missing' | 'ambiguous';
  /** Display name. */
  readonly displayName: string;
  /** Construct path of the declaration or reference. */
  readonly path: string;
  /** Object ID, when found (the one kept, for `deduplicate`). */
  readonly id?: string;
  /** IDs of the duplicates `deduplicate` deletes. */
  readonly duplicates?: readonly string[];
}

/** One `setPriority` call of the plan. */
export interface PlannedMove {
  /** The priority class (`enrollmentTypeProfile`, `platformRestriction`, …). */
  readonly priorityClass: string;
  /** Display name of the object moved. */
  readonly displayName: string;
  /** Logical ID, for owned objects. */
  readonly logicalId?: string;
  /** Rank before the move, 1 the highest (absent for an object the plan creates). */
  readonly from?: number;
  /** Rank after the move, 1 the highest. */
  readonly to: number;
}

/** One object's place in a priority class once the plan is applied. */
export interface RankedObject {
  /** 1 for the highest priority, as in every output and in `simulate`. */
  readonly rank: number;
  /** Display name. */
  readonly displayName: string;
  /** Logical ID, for objects the stack owns. */
  readonly logicalId?: string;
  /** True for objects the stack owns; the others keep their relative order below them. */
  readonly owned: boolean;
}

/** The order of one priority class once the plan is applied. */
export interface PriorityOrder {
  /** The priority class (`enrollmentTypeProfile`, `platformRestriction`, …). */
  readonly priorityClass: string;
  /** Every object of the class in the tenant after apply, highest first (tenant defaults left out). */
  readonly objects: readonly RankedObject[];
}

/** A rule finding shown in the plan. */
export interface PlanFinding {
  /** Rule ID (EK001…). */
  readonly code: string;
  /** error, warning or info. */
  readonly severity: 'error' | 'warning' | 'info';
  /** Construct path. */
  readonly path: string;
  /** What the rule found. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  /** The written reason, when the stack suppresses the rule there. */
  readonly suppressed?: string;
  /** Where the app declares the construct (`main.ts:12`, relative to the app's directory), when synth recorded it. */
  readonly source?: string;
}

/**
 * One typed write of the apply (operation, kind, object, body), in a form that a saved plan keeps.
 * The kind's protocol turns it into a Graph request at apply time; `{ step }` object references and
 * `{{ref:STEP}}` in the body stand for the ID that step created.
 */
export interface Step extends KindWrite {
  /** Unique within the plan. */
  readonly id: string;
  /** What the step does, for progress and reports. */
  readonly title: string;
  /** The kind written, or `group` for an Entra group. */
  readonly kind: KindName | 'group';
  /** Steps that must succeed first. */
  readonly dependsOn: readonly string[];
}

/** Counts of the plan's changes. */
export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly adopt: number;
  readonly move: number;
  readonly groups: number;
}

/** A reviewable, saveable plan for one stack against one tenant. */
export interface Plan {
  /** Always {@link PLAN_FORMAT}. */
  readonly format: typeof PLAN_FORMAT;
  /** The stack's name. */
  readonly stack: string;
  /** The backend the plan was made against (no secrets). */
  readonly backend: string;
  /**
   * The tenant the plan was made against: `apply plan.json` refuses it on any other. Absent only
   * for a plan made by {@link makePlan} alone, without reading the tenant.
   */
  readonly tenant?: TenantRef;
  /** What the plan is for. */
  readonly mode: PlanMode;
  /** True when the plan was made with `--adopt` (unowned namesakes taken over). */
  readonly adopt: boolean;
  /** The desired state the plan was made from: `apply plan.json` derives the steps from it again. */
  readonly manifest: Manifest;
  /** Groups. */
  readonly groups: readonly GroupChange[];
  /** Objects, in apply order. */
  readonly changes: readonly ResourceChange[];
  /** Priority moves. */
  readonly moves: readonly PlannedMove[];
  /** The resulting order of each priority class the stack declares objects of. */
  readonly priorityOrders: readonly PriorityOrder[];
  /** Rule findings on the desired state. */
  readonly findings: readonly PlanFinding[];
  /** Why apply must not run this plan (missing groups, conflicts, rule errors); empty when it may. */
  readonly blockers: readonly Blocker[];
  /** The writes. */
  readonly steps: readonly Step[];
  /** Fingerprints of the objects read, by Graph ID: a saved plan is stale when one changed. */
  readonly fingerprint: Readonly<Record<string, string>>;
  /** Counts. */
  readonly summary: PlanSummary;
  /** Whose enrollment the plan changes, and how; absent when the plan was made without it (`--no-impact`). */
  readonly impact?: PlanImpact;
  /**
   * SHA-256 of the plan's canonical JSON without this field: a saved plan whose content no longer
   * matches it was edited. Absent only for a plan made by {@link makePlan} alone.
   */
  readonly digest?: string;
}

/** True when the plan changes anything. */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.length > 0;
}
