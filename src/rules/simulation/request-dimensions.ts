import { INTUNE_DEFAULTS } from '../../model';
import { choicesOf } from '../enrollment-types';
import type { EnrollmentState } from './enrollment-request';

/** Which parts of a request can change how enrollment resolves against a state. */
export interface RequestDimensions {
  /** iPhone and iPad can resolve differently. */
  readonly device: boolean;
  /** Personal and corporate devices can resolve differently. */
  readonly ownership: boolean;
}

/**
 * Which parts of a request can change the outcome against a state, so that requests differing
 * only in the others are resolved once. The device matters only through an app that applies to
 * iPhone or iPad alone (step 4); the ownership only through a platform restriction, the tenant
 * default included, that blocks personal devices (step 1), or a "user choice" profile whose two
 * answers lead to different types (step 3). Kept in step with {@link resolveEnrollment}.
 */
export function requestDimensions(state: EnrollmentState): RequestDimensions {
  const defaults = state.defaults ?? INTUNE_DEFAULTS;
  let device = false;
  let ownership = defaults.platformRestriction.personalDeviceEnrollmentBlocked;
  for (const r of state.resources) {
    if (r.kind === 'iosApp') device ||= r.spec.applicableDeviceType.iPad !== r.spec.applicableDeviceType.iPhoneAndIPod;
    if (r.kind === 'platformRestriction') ownership ||= r.spec.personalDeviceEnrollmentBlocked;
    if (r.kind === 'enrollmentTypeProfile') {
      const choices = choicesOf(r.spec);
      ownership ||= choices.personal !== choices.corporate;
    }
  }
  return { device, ownership };
}
