import type { AssignmentFilter, AssignmentTarget as AssignmentTargetSpec } from '../model';
import type { IEntraGroup } from './entra-group';

/** Options of an include target. */
export interface AssignmentTargetOptions {
  /**
   * An assignment filter that narrows (or widens) the target by device properties.
   * @default - no filter
   */
  readonly filter?: AssignmentFilter;
}

/** A group named by a construct, or by its display name alone (which must match a group of the stack). */
export type GroupReference = IEntraGroup | string;

/**
 * Who an object applies to: all users, all devices, a group, or a group excluded.
 * Create one with the static factories.
 */
export class AssignmentTarget {
  /** Every licensed user (Intune's "All users"). */
  static allUsers(options: AssignmentTargetOptions = {}): AssignmentTarget {
    return new AssignmentTarget('allLicensedUsers', undefined, options.filter);
  }

  /** Every device (Intune's "All devices"). */
  static allDevices(options: AssignmentTargetOptions = {}): AssignmentTarget {
    return new AssignmentTarget('allDevices', undefined, options.filter);
  }

  /**
   * The members of a group. Pass the group's construct, or its display name when the group is
   * declared or referenced elsewhere in the same stack.
   */
  static group(group: GroupReference, options: AssignmentTargetOptions = {}): AssignmentTarget {
    return new AssignmentTarget('group', group, options.filter);
  }

  /** Excludes the members of a group from the object's other targets. */
  static excludeGroup(group: GroupReference): AssignmentTarget {
    return new AssignmentTarget('exclusionGroup', group, undefined);
  }

  /** The kind of target. */
  readonly type: AssignmentTargetSpec['type'];
  /** The group this target names, if any. */
  readonly group: GroupReference | undefined;
  /** The assignment filter, if any. */
  readonly filter: AssignmentFilter | undefined;

  private constructor(type: AssignmentTargetSpec['type'], group: GroupReference | undefined, filter: AssignmentFilter | undefined) {
    this.type = type;
    this.group = group;
    this.filter = filter;
  }

  /** The display name of the group this target names, if it names one. */
  get groupName(): string | undefined {
    return typeof this.group === 'string' ? this.group : this.group?.displayName;
  }

  /** The target as a manifest writes it. */
  toSpec(): AssignmentTargetSpec {
    const filter = this.filter ? { filter: this.filter } : {};
    switch (this.type) {
      case 'allLicensedUsers':
        return { type: 'allLicensedUsers', ...filter };
      case 'allDevices':
        return { type: 'allDevices', ...filter };
      case 'group':
        return { type: 'group', group: this.groupName ?? '', ...filter };
      case 'exclusionGroup':
        return { type: 'exclusionGroup', group: this.groupName ?? '' };
    }
  }
}
