import { z } from 'zod';

/**
 * Where a stack's objects of one priority class sit among the objects it does not own:
 * `keep` (where they are; new ones last), `top`/`bottom` (above/below every object made by hand),
 * or directly `above`/`below` the object of that class with this display name.
 */
export const PriorityPlacementSchema = z.union([
  z.strictObject({ position: z.enum(['keep', 'top', 'bottom']) }),
  z.strictObject({ above: z.string().min(1) }),
  z.strictObject({ below: z.string().min(1) }),
]);

/** Where a stack's objects of one priority class sit among the objects it does not own. */
export type PriorityPlacement = z.infer<typeof PriorityPlacementSchema>;
