/** The collator of {@link compareNames}, made on first use: making one loads the locale's collation data. */
let collator: Intl.Collator | undefined;

/**
 * Compares two strings as `a.localeCompare(b)` does (the default locale's collation), through one
 * collator made once: `localeCompare` makes a collator on every call.
 */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}
