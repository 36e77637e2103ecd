import { descriptorOf, priorityRank, type Assignment, type KindName, type Manifest, type Resource, type TenantRef } from '../model';
import type { ActualObject, ActualState } from './actual-state';
import { actualDigest, assignmentsByName, declaredAssignments, desiredDigest } from './applied-digest';
import type { Backend } from './backend';
import { assignmentKey, diffValues, type FieldChange } from './diff';
import { planStack } from './plan-stack';
import type { Plan } from './plan-types';
import { inventoryEntry, readStackInventory } from './stack-inventory';

/** An owned object changed in the tenant since apply wrote it. */
export interface EditedObject {
  /** The kind. */
  readonly kind: KindName;
  /** Logical ID. */
  readonly logicalId: string;
  /** Construct path, when the stack still declares the object. */
  readonly path?: string;
  /** Display name in the tenant. */
  readonly displayName: string;
  /** Graph ID. */
  readonly id: string;
  /** Properties that differ: `before` as the code states it, `after` as the tenant has it now. */
  readonly fields: readonly FieldChange[];
  /** Assignments added and removed in the tenant (groups by display name). */
  readonly assignments: { readonly added: readonly Assignment[]; readonly removed: readonly Assignment[] };
  /** True when the code changed the object too since apply: the differences mix both. */
  readonly codeChangedToo: boolean;
}

/** An owned object the last apply left in the tenant, deleted there since; the code still declares it. */
export interface DeletedObject {
  /** The kind. */
  readonly kind: KindName;
  /** Logical ID. */
  readonly logicalId: string;
  /** Construct path. */
  readonly path: string;
  /** Display name as the code states it. */
  readonly displayName: string;
}

/** An object no stack owns (no marker: made by hand) that ranks above the stack's objects in a priority class the stack places on top. */
export interface Newcomer {
  /** The priority class. */
  readonly priorityClass: string;
  /** Display name. */
  readonly displayName: string;
  /** Graph ID. */
  readonly id: string;
  /** Its rank now (1 the highest). */
  readonly rank: number;
  /** The stack's object it ranks above. */
  readonly above: string;
}

/** What changed in the tenant outside the code, for one stack. */
export interface DriftReport {
  /** The stack. */
  readonly stack: string;
  /** Owned objects edited in the tenant (properties or assignments). */
  readonly edited: readonly EditedObject[];
  /** Owned objects deleted in the tenant since apply recorded them in the stack's inventory. */
  readonly deleted: readonly DeletedObject[];
  /**
   * False when no apply recorded the stack's inventory yet: an object deleted in the tenant then
   * cannot be told from one the code added since, and shows only in the plan.
   */
  readonly inventoryRecorded: boolean;
  /** Owned objects whose marker has no digest (written before digests were recorded): not checked. */
  readonly untracked: readonly string[];
  /** Objects no stack owns placed above the stack's objects in a priority class. */
  readonly newcomers: readonly Newcomer[];
}

/** True when the report has drift (what `enrollkit drift` exits 2 for). */
export function hasDrift(report: DriftReport): boolean {
  return report.edited.length > 0 || report.deleted.length > 0 || report.newcomers.length > 0;
}

function editedObject(o: ActualObject, resource: Resource | undefined, state: ActualState): EditedObject {
  const base = { kind: o.kind, logicalId: o.marker!.logicalId, displayName: o.displayName, id: o.id };
  const tenant = assignmentsByName(o, state.groupNames);
  if (!resource) {
    return { ...base, fields: [], assignments: { added: [], removed: [] }, codeChangedToo: true };
  }
  const d = descriptorOf(resource.kind);
  const fields = [
    ...diffValues(resource.displayName, o.displayName, 'displayName'),
    ...diffValues(resource.description, o.description, 'description'),
    ...diffValues(d.normalize(resource.spec), o.spec),
  ];
  const declared = declaredAssignments(resource);
  const declaredKeys = new Set(declared.map(assignmentKey));
  const tenantKeys = new Set(tenant.map(assignmentKey));
  return {
    ...base,
    path: resource.path,
    fields,
    assignments: { added: tenant.filter((a) => !declaredKeys.has(assignmentKey(a))), removed: declared.filter((a) => !tenantKeys.has(assignmentKey(a))) },
    codeChangedToo: desiredDigest(resource) !== o.marker!.digest,
  };
}

function newcomers(manifest: Manifest, state: ActualState): Newcomer[] {
  const found: Newcomer[] = [];
  // Only a stack placed on top of the hand-made objects of a class (Placement.top()) claims that no newcomer ranks above it.
  const classes = new Set(
    manifest.resources
      .map((r) => descriptorOf(r.kind).priorityClass)
      .filter((c): c is string => c !== undefined && manifest.placement?.[c] !== undefined && 'position' in manifest.placement[c]! && manifest.placement[c]!.position === 'top'),
  );
  for (const cls of classes) {
    const members = state.objects
      .filter((o) => descriptorOf(o.kind).priorityClass === cls && !o.builtIn && o.priority !== undefined)
      .sort((a, b) => a.priority! - b.priority!);
    // nearestOurs[i]: the first of the stack's objects after member i in priority order (member i ranks above it).
    const nearestOurs = new Array<ActualObject | undefined>(members.length);
    for (let i = members.length - 2; i >= 0; i -= 1) nearestOurs[i] = members[i + 1]!.marker?.stack === manifest.stack ? members[i + 1] : nearestOurs[i + 1];
    members.forEach((o, i) => {
      const above = nearestOurs[i];
      if (o.marker || !above) return;
      found.push({ priorityClass: cls, displayName: o.displayName, id: o.id, rank: priorityRank(descriptorOf(o.kind), o.priority!), above: above.displayName });
    });
  }
  return found;
}

/** Declared objects the inventory lists that the tenant no longer holds. */
function deletedObjects(declared: readonly Resource[], owned: readonly ActualObject[], inventory: ReadonlySet<string>): DeletedObject[] {
  const present = new Set(owned.map((o) => inventoryEntry(o.kind, o.marker!.logicalId)));
  return declared
    .filter((r) => inventory.has(inventoryEntry(r.kind, r.logicalId)) && !present.has(inventoryEntry(r.kind, r.logicalId)))
    .map((r) => ({ kind: r.kind, logicalId: r.logicalId, path: r.path, displayName: r.displayName }));
}

/**
 * What changed in the tenant outside the code: owned objects whose state no longer matches the
 * digest apply recorded in their marker (with the properties and assignments that differ from the
 * code), owned objects the stack's inventory lists that the tenant no longer holds (deleted there),
 * and objects no stack owns placed above the stack's objects in a priority class the stack places
 * on top. A change made only in the code is not drift: the recorded digest still matches the
 * tenant, and an object the code added is in no inventory. Without an inventory (`undefined`: no
 * apply recorded one yet), deletions are not told apart from additions.
 */
export function detectDrift(manifest: Manifest, state: ActualState, inventory?: ReadonlySet<string>): DriftReport {
  const declaredList = manifest.resources.filter((r) => !r.reference);
  const declared = new Map(declaredList.map((r) => [r.logicalId, r]));
  const owned = state.objects.filter((o) => o.marker?.stack === manifest.stack && !o.builtIn);
  const edited = owned
    .filter((o) => o.marker!.digest !== undefined && o.marker!.digest !== actualDigest(o, state.groupNames))
    .map((o) => editedObject(o, declared.get(o.marker!.logicalId), state));
  return {
    stack: manifest.stack,
    edited,
    deleted: inventory ? deletedObjects(declaredList, owned, inventory) : [],
    inventoryRecorded: inventory !== undefined,
    untracked: owned.filter((o) => o.marker!.digest === undefined).map((o) => o.marker!.logicalId),
    newcomers: newcomers(manifest, state),
  };
}

/** Plans a stack and reports its drift, reading the stack's inventory beside the state; `tenant`: the tenant the backend opens, already checked. */
export async function driftOfStack(backend: Backend, manifest: Manifest, tenant?: TenantRef): Promise<{ plan: Plan; report: DriftReport }> {
  const [{ plan, state }, inventory] = await Promise.all([planStack(backend, manifest, tenant ? { tenant } : {}), readStackInventory(backend, manifest.stack)]);
  return { plan, report: detectDrift(manifest, state, inventory?.entries) };
}
