import { z } from 'zod';

const OS_VERSION = /^(?:[1-9]\d?)(?:\.\d{1,2}){0,2}$/;

/** An iOS/iPadOS version as Intune takes it: `major`, `major.minor` or `major.minor.patch`. */
export const OsVersionSchema = z.string().regex(OS_VERSION, { message: 'expected an iOS version such as "16.0" or "17.4"' });

/** Parses a version into its numeric parts; throws the schema's error on a malformed one. */
export function parseOsVersion(version: string): number[] {
  // The schema runs only to throw its error: comparisons parse versions in every resolution.
  if (!OS_VERSION.test(version)) OsVersionSchema.parse(version);
  return version.split('.').map(Number);
}

/** Compares two iOS versions numerically: negative, zero or positive. Missing parts count as 0. */
export function compareOsVersions(a: string, b: string): number {
  const pa = parseOsVersion(a);
  const pb = parseOsVersion(b);
  for (let i = 0; i < 3; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when the version names a build beyond major.minor (EK012). */
export function hasPatchComponent(version: string): boolean {
  return version.split('.').length > 2;
}
