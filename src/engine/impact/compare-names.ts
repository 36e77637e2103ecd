/**
 * Compares two strings as `a.localeCompare(b)` does (the default locale's collation), through one
 * collator made once: `localeCompare` makes a collator on every call.
 */
export const compareNames: (a: string, b: string) => number = new Intl.Collator().compare;
