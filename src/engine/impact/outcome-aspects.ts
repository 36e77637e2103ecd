import { ENROLLMENT_TYPE_TITLES, type EnrollmentResolution } from '../../rules';
import type { ImpactAspect } from './plan-impact';

/** The aspects in the order the impact lists them. */
export const IMPACT_ASPECTS: readonly ImpactAspect[] = ['outcome', 'profile', 'enrollmentType', 'jit', 'requiredApps', 'webClips', 'deviceLimit'];

/** What each aspect is called in plans. */
export const ASPECT_TITLES: Record<ImpactAspect, string> = {
  outcome: 'enrollment',
  profile: 'winning profile',
  enrollmentType: 'enrollment type',
  jit: 'JIT registration',
  requiredApps: 'required apps',
  webClips: 'web clips',
  deviceLimit: 'device limit',
};

function list(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : 'none';
}

/**
 * The outcome of one resolution, aspect by aspect, in words that do not depend on the exact OS
 * version resolved: allowed or blocked and by which restriction, the winning profile, the effective
 * type, JIT registration, required apps, web clips and the device limit. Objects are named through
 * `nameOf` (by identity), so a renamed object reads the same before and after. A blocked or
 * profile-less enrollment has only its outcome.
 */
export function outcomeAspects(resolution: EnrollmentResolution, nameOf: (path: string | undefined, fallback: string) => string): Map<ImpactAspect, string> {
  const aspects = new Map<ImpactAspect, string>();
  const { platformRestriction: pr, deviceLimit: dl } = resolution;
  if (resolution.outcome === 'noProfile') {
    aspects.set('outcome', 'no enrollment type profile');
    return aspects;
  }
  if (resolution.outcome === 'blocked') {
    const by = !pr.passed
      ? `by platform restriction "${nameOf(pr.path, pr.name)}"`
      : !dl.passed
        ? `by device limit "${nameOf(dl.path, dl.name)}"`
        : `(${resolution.summary})`;
    aspects.set('outcome', `blocked ${by}`);
    return aspects;
  }
  const type = resolution.enrollmentType!;
  aspects.set('outcome', 'enrolls');
  aspects.set('profile', `"${nameOf(resolution.profile?.path, resolution.profile?.name ?? '')}"`);
  aspects.set('enrollmentType', `${ENROLLMENT_TYPE_TITLES[type.effective]}${type.fellBack ? ` (iOS 15 fallback of ${ENROLLMENT_TYPE_TITLES[type.chosen]})` : ''}`);
  aspects.set('jit', resolution.jit?.enabled ? 'yes' : 'no');
  aspects.set('requiredApps', list(resolution.requiredApps.map((a) => nameOf(a.path, a.name))));
  aspects.set('webClips', list(resolution.webClips.map((c) => nameOf(c.path, c.name))));
  aspects.set('deviceLimit', `${dl.limit} device${dl.limit === 1 ? '' : 's'}`);
  return aspects;
}
