import type { PriorityPlacement } from '../model';

/**
 * Where a stack's objects of one priority class sit among the objects the stack does not own
 * (hand-made ones and other stacks'). The stack's own order among its objects always holds.
 */
export class Placement {
  /** Where they are: nothing the stack does not own moves, and new objects come last (the default). */
  static keep(): Placement {
    return new Placement({ position: 'keep' });
  }

  /** Above every object made by hand (objects of other stacks are left where they are). */
  static top(): Placement {
    return new Placement({ position: 'top' });
  }

  /** Below every object made by hand (objects of other stacks are left where they are). */
  static bottom(): Placement {
    return new Placement({ position: 'bottom' });
  }

  /** Directly above the object of the class with this display name, which the stack does not own. */
  static above(displayName: string): Placement {
    return new Placement({ above: displayName });
  }

  /** Directly below the object of the class with this display name, which the stack does not own. */
  static below(displayName: string): Placement {
    return new Placement({ below: displayName });
  }

  private constructor(private readonly spec: PriorityPlacement) {}

  /** The placement in the manifest's form. */
  toSpec(): PriorityPlacement {
    return this.spec;
  }
}

/** Placements by priority class. */
export interface PriorityPlacements {
  /**
   * Enrollment type profiles.
   * @default Placement.keep()
   */
  readonly enrollmentTypeProfiles?: Placement;
  /**
   * Platform restrictions.
   * @default Placement.keep()
   */
  readonly platformRestrictions?: Placement;
  /**
   * Device limit restrictions.
   * @default Placement.keep()
   */
  readonly deviceLimitRestrictions?: Placement;
}

/** The manifest's placement record (keyed by priority class) of the given placements. */
export function placementRecord(placements: PriorityPlacements): Record<string, PriorityPlacement> {
  const classes = { enrollmentTypeProfiles: 'enrollmentTypeProfile', platformRestrictions: 'platformRestriction', deviceLimitRestrictions: 'deviceLimitRestriction' } as const;
  return Object.fromEntries(
    (Object.keys(classes) as (keyof typeof classes)[]).flatMap((key) => (placements[key] ? [[classes[key], placements[key].toSpec()]] : [])),
  );
}
