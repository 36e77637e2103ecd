import type { DeviceType } from '../../rules';
import type { Ownership } from '../../model';

/** The parts of an enrollment's outcome that the impact compares. */
export type ImpactAspect = 'outcome' | 'profile' | 'enrollmentType' | 'jit' | 'requiredApps' | 'webClips' | 'deviceLimit';

/** A range of iOS/iPadOS versions on which enrollment resolves alike: from `from` (included) to `to` (excluded). */
export interface OsRange {
  /** The lowest version of the range; also the version the range is resolved with. */
  readonly from: string;
  /** The first version above the range; absent for the last range (current versions). */
  readonly to?: string;
}

/** One device of the matrix: which device, who owns it, and its OS version range. */
export interface ImpactCase {
  /** iPhone or iPad. */
  readonly device: DeviceType;
  /** Who owns the device. */
  readonly ownership: Ownership;
  /** Its OS version range. */
  readonly os: OsRange;
}

/** One difference in the outcome, with the devices it happens on. */
export interface ImpactChange {
  /** What differs. */
  readonly aspect: ImpactAspect;
  /** The outcome before apply (the tenant as it is). */
  readonly before: string;
  /** The outcome after apply (the stack as declared). */
  readonly after: string;
  /** The devices it happens on, in words (`on iOS/iPadOS 15.0 and later`, `on personal iPads on 14.x`). */
  readonly where: string;
  /** The devices it happens on, as data. */
  readonly cases: readonly ImpactCase[];
}

/** Users the plan affects: members of one group, of two groups at once, or of none of them. */
export interface AffectedAudience {
  /** The groups the user is a member of (display names); empty for a user in none of them. */
  readonly groups: readonly string[];
  /** Who they are, in words (`members of 'iOS BYOD users'`). */
  readonly label: string;
  /** How many members the backend counts (one group, or all users); absent when it cannot count. */
  readonly members?: number;
  /** Every difference, in aspect order. */
  readonly changes: readonly ImpactChange[];
  /** The OS versions on which nothing changes for them, in words; absent when something changes on every version. */
  readonly unchangedOn?: string;
}

/** Whose enrollment the plan changes, and how: enrollment resolved before and after apply. */
export interface PlanImpact {
  /** The devices each audience was resolved on. */
  readonly matrix: {
    readonly devices: readonly DeviceType[];
    readonly ownerships: readonly Ownership[];
    readonly os: readonly OsRange[];
  };
  /** How many audiences (groups, pairs of groups, all users) were resolved. */
  readonly audiences: number;
  /** The audiences whose outcome changes; empty when no user's enrollment changes. */
  readonly affected: readonly AffectedAudience[];
}
