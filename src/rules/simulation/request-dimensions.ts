import { compareOsVersions, INTUNE_DEFAULTS, type PlatformRestrictionSpec } from '../../model';
import { choicesOf, IOS15_FALLBACK } from '../enrollment-types';
import type { EnrollmentState } from './enrollment-request';
import { MINIMUM_SUPPORTED_OS } from './resolve-enrollment';

/** Which parts of a request can change how enrollment resolves against a state. */
export interface RequestDimensions {
  /** iPhone and iPad can resolve differently. */
  readonly device: boolean;
  /** Personal and corporate devices can resolve differently. */
  readonly ownership: boolean;
  /**
   * The versions the request's OS version is compared with: whether it is below each of
   * `minimums` and above each of `maximums`. Versions that compare alike resolve alike.
   */
  readonly os: { readonly minimums: readonly string[]; readonly maximums: readonly string[] };
}

/**
 * Which parts of a request can change the outcome against a state, so that requests differing
 * only in the others are resolved once. The device matters only through an app that applies to
 * iPhone or iPad alone (step 4); the ownership only through a platform restriction, the tenant
 * default included, that blocks personal devices (step 1), or a "user choice" profile whose two
 * answers lead to different types (step 3); the OS version only through the lowest version
 * Intune enrolls, a platform restriction's minimum and maximum (step 1), the iOS 15 fallback
 * (step 3) and a required app's minimum version (step 4). Kept in step with {@link resolveEnrollment}.
 */
export function requestDimensions(state: EnrollmentState): RequestDimensions {
  const defaults = state.defaults ?? INTUNE_DEFAULTS;
  let device = false;
  let ownership = defaults.platformRestriction.personalDeviceEnrollmentBlocked;
  const minimums = new Set<string>([MINIMUM_SUPPORTED_OS, ...Object.values(IOS15_FALLBACK).map((f) => f.minimumOs)]);
  const maximums = new Set<string>();
  const restricting = (spec: PlatformRestrictionSpec) => {
    if (spec.osMinimumVersion) minimums.add(spec.osMinimumVersion);
    if (spec.osMaximumVersion) maximums.add(spec.osMaximumVersion);
  };
  restricting(defaults.platformRestriction);
  for (const r of state.resources) {
    if (r.kind === 'iosApp') {
      device ||= r.spec.applicableDeviceType.iPad !== r.spec.applicableDeviceType.iPhoneAndIPod;
      if (r.spec.minimumOsVersion !== undefined) minimums.add(r.spec.minimumOsVersion);
    }
    if (r.kind === 'platformRestriction') {
      ownership ||= r.spec.personalDeviceEnrollmentBlocked;
      restricting(r.spec);
    }
    if (r.kind === 'enrollmentTypeProfile') {
      const choices = choicesOf(r.spec);
      ownership ||= choices.personal !== choices.corporate;
    }
  }
  return { device, ownership, os: { minimums: [...minimums], maximums: [...maximums] } };
}

/**
 * Where an OS version stands against the versions of {@link RequestDimensions.os}: requests whose
 * versions have the same signature (and agree in the other dimensions) resolve alike.
 */
export function osSignature(dimensions: RequestDimensions, os: string): string {
  const below = dimensions.os.minimums.map((v) => (compareOsVersions(os, v) < 0 ? '1' : '0'));
  const above = dimensions.os.maximums.map((v) => (compareOsVersions(os, v) > 0 ? '1' : '0'));
  return `${below.join('')}/${above.join('')}`;
}
