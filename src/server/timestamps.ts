/** A source of the current time; injectable so that time-based behaviour is testable. */
export type Clock = () => Date;

/** The system clock. */
export const systemClock: Clock = () => new Date();

/** A `DateTimeOffset` as Graph writes it: UTC with seven fractional digits. */
export function graphTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 23)}0000Z`;
}

/** The `DateTimeOffset` Graph uses for "never" (e.g. `createdDateTime` of tenant defaults). */
export const NEVER = '0001-01-01T00:00:00Z';
