import type { Assignment, GroupSpec, KindName, OwnershipMarker, TenantDefaults } from '../model';
import type { DeviceEnrollmentManagerDeviceFact } from '../rules';

/** One object as it is in the tenant, read through a kind's descriptor. */
export interface ActualObject {
  /** The kind whose descriptor matched it. */
  readonly kind: KindName;
  /** Graph ID. */
  readonly id: string;
  /** The entity's `@odata.type`, with `#`. */
  readonly odataType: string;
  /** Display name. */
  readonly displayName: string;
  /** Description without the ownership marker. */
  readonly description: string;
  /** Whose it is, when enrollkit created or adopted it. */
  readonly marker?: OwnershipMarker;
  /** The canonical spec (`descriptor.fromGraph`). */
  readonly spec: unknown;
  /** Assignments, with group targets naming group IDs. */
  readonly assignments: readonly Assignment[];
  /** Graph IDs of the assignments, index for index. */
  readonly assignmentIds: readonly string[];
  /** Assignments enrollkit cannot read (other intents or target types), as Graph sent them: never removed. */
  readonly unmanagedAssignments: readonly Record<string, unknown>[];
  /** Priority, for prioritised kinds. */
  readonly priority?: number;
  /** The parent object's Graph ID, for kinds nested under one (an ADE profile's token). */
  readonly parentId?: string;
  /** A tenant default (never changed, moved or deleted). */
  readonly builtIn: boolean;
  /** Hash of everything above: a saved plan is stale when it changes. */
  readonly fingerprint: string;
}

/** A tenant object a kind names by name (an ADE token, a VPP token). */
export interface NamedObject {
  /** Graph ID. */
  readonly id: string;
  /** Its name. */
  readonly name: string;
  /** The entity as listed. */
  readonly entity: Record<string, unknown>;
}

/** The items of a navigation read with one parent of a nested kind (an ADE token's devices). */
export interface AttachedItems {
  /** The lookup that named the parent. */
  readonly lookup: string;
  /** The parent. */
  readonly parent: NamedObject;
  /** The navigation's items, as Graph sent them. */
  readonly items: readonly Record<string, unknown>[];
}

/** An Entra group found in the tenant. */
export interface ActualGroup {
  /** Object ID. */
  readonly id: string;
  /** Display name. */
  readonly displayName: string;
  /** Users or devices, from the membership rule when dynamic. */
  readonly members: GroupSpec['members'];
  /** Whose it is, when enrollkit created it. */
  readonly marker?: OwnershipMarker;
  /** When it was created (ISO 8601), to tell the oldest of duplicates. */
  readonly createdDateTime?: string;
}

/** The tenant's Apple MDM push certificate. */
export interface PushCertificate {
  /** When it expires, ISO 8601. */
  readonly expirationDateTime: string;
}

/** Everything read from a tenant for one plan. */
export interface ActualState {
  /** Objects of every managed kind. */
  readonly objects: readonly ActualObject[];
  /** Groups found by the display names the stack uses, by display name (several when ambiguous). */
  readonly groupsByName: ReadonlyMap<string, readonly ActualGroup[]>;
  /** Display names of group IDs met in assignments. */
  readonly groupNames: ReadonlyMap<string, string>;
  /** The APNs certificate: null when the tenant has none, absent when it could not be read. */
  readonly pushCertificate?: PushCertificate | null;
  /** The objects kinds name by name, by lookup key; a lookup that could not be read is absent. */
  readonly named?: ReadonlyMap<string, readonly NamedObject[]>;
  /** The navigations read with the parents of nested kinds (each ADE token's devices). */
  readonly attached?: readonly AttachedItems[];
  /** Managed devices a device enrollment manager account enrolled; absent when they could not be read. */
  readonly deviceEnrollmentManagerDevices?: readonly DeviceEnrollmentManagerDeviceFact[];
  /** The tenant's default restrictions (the priority-0 "All users and all devices" objects). */
  readonly tenantDefaults: TenantDefaults;
  /**
   * Member counts read with the state for a plan's impact, by the path that counts them
   * (`/users/$count`, `/groups/{id}/members/$count`); absent when none were read.
   */
  readonly memberCounts?: ReadonlyMap<string, number>;
}
