import { compareOsVersions, hasPatchComponent, parseOsVersion, type EnrollmentType, type Ownership } from '../../model';
import { ENROLLMENT_LOCATIONS, ENROLLMENT_TYPE_TITLES, IOS15_FALLBACK, choicesOf, effectiveEnrollmentType, needsCompanyPortalApp } from '../enrollment-types';
import { resolveAfterEnrollment } from './resolve-after-enrollment';
import { INTUNE_DEFAULTS } from '../../model';
import type { EnrollmentRequest, EnrollmentState } from './enrollment-request';
import type { EnrollmentResolution, EnrollmentTypeStep, PlatformRestrictionStep, ProfileStep, SimulationWarning } from './enrollment-resolution';
import { resolveDeviceLimit, resolvePlatformRestriction } from './resolve-restrictions';
import { resolveProfile } from './resolve-profile';

/** The lowest iOS/iPadOS version Intune enrolls with the Company Portal app (002: "iOS/iPadOS 14 and later"). */
export const MINIMUM_SUPPORTED_OS = '14.0';

function resolveType(profile: ProfileStep, choices: Record<Ownership, EnrollmentType>, request: EnrollmentRequest): EnrollmentTypeStep {
  const choice = request.choice ?? request.ownership;
  const userChoice = profile.enrollmentType === 'userChoice';
  const chosen = userChoice ? choices[choice] : (profile.enrollmentType as EnrollmentType);
  const effective = effectiveEnrollmentType(chosen, request.os);
  const fellBack = effective !== chosen;
  const picked = userChoice ? `the user chose "${choice === 'personal' ? 'I own this device' : 'my organization owns this device'}": ${ENROLLMENT_TYPE_TITLES[chosen]}` : `the profile sets ${ENROLLMENT_TYPE_TITLES[chosen]}`;
  const fallback = fellBack ? `; iOS/iPadOS ${request.os} is below ${IOS15_FALLBACK[chosen]?.minimumOs ?? '15.0'}, so it falls back to ${ENROLLMENT_TYPE_TITLES[effective]} (EK001)` : '';
  return { configured: profile.enrollmentType, ...(userChoice ? { choice } : {}), chosen, effective, fellBack, reason: `${picked}${fallback}` };
}

function restrictionWarnings(restriction: PlatformRestrictionStep, type: EnrollmentTypeStep): SimulationWarning[] {
  const { osMinimumVersion: min, osMaximumVersion: max } = restriction.settings;
  const granular = [min, max].filter((v): v is string => v !== undefined && hasPatchComponent(v));
  if (type.effective !== 'webDeviceEnrollment' || granular.length === 0) return [];
  return [{ rule: 'EK012', message: `"${restriction.name}" restricts the OS version with a build number (${granular.join(', ')}): Safari misreports the version during web-based enrollment, which may fail (002)` }];
}

/**
 * Resolves what happens when a user enrolls a device, step by step as domain.md describes it:
 * restrictions, the winning enrollment type profile, the effective type with the iOS 15
 * fallback, where the user enrolls, JIT registration, required apps, web clips and warnings.
 * Throws when the request's OS version is malformed.
 */
export function resolveEnrollment(state: EnrollmentState, request: EnrollmentRequest): EnrollmentResolution {
  parseOsVersion(request.os);
  const defaults = state.defaults ?? INTUNE_DEFAULTS;
  const platformRestriction = resolvePlatformRestriction(state.resources, request, defaults);
  const deviceLimit = resolveDeviceLimit(state.resources, request, defaults);
  const profiles = resolveProfile(state.resources, request);
  const base = { platformRestriction, deviceLimit, candidates: profiles.candidates, requiredApps: [], webClips: [] };
  if (!platformRestriction.passed) {
    return { request, outcome: 'blocked', summary: `blocked by platform restriction "${platformRestriction.name}": ${platformRestriction.reasons.join('; ')}`, ...base, warnings: [] };
  }
  if (!deviceLimit.passed) {
    return { request, outcome: 'blocked', summary: `blocked by device limit "${deviceLimit.name}": ${deviceLimit.reason}`, ...base, warnings: [] };
  }
  const winner = profiles.winner;
  if (!winner) {
    return { request, outcome: 'noProfile', summary: 'no enrollment type profile is assigned to the user', ...base, warnings: [...profiles.warnings, { message: 'no enrollment type profile is assigned to the user: assign one to a group the user is in, or to all users' }] };
  }
  const enrollmentType = resolveType(winner.step, choicesOf(winner.resource.spec), request);
  const title = ENROLLMENT_TYPE_TITLES[enrollmentType.effective];
  if (compareOsVersions(request.os, MINIMUM_SUPPORTED_OS) < 0) {
    return {
      request,
      outcome: 'blocked',
      summary: `iOS/iPadOS ${request.os} is not supported: Intune enrolls iOS/iPadOS ${MINIMUM_SUPPORTED_OS} and later (002)`,
      ...base,
      profile: winner.step,
      enrollmentType,
      warnings: profiles.warnings,
    };
  }
  const after = resolveAfterEnrollment(state.resources, request, enrollmentType.effective);
  const warnings: SimulationWarning[] = [
    ...profiles.warnings,
    ...(enrollmentType.fellBack ? [{ rule: 'EK001', message: `${ENROLLMENT_TYPE_TITLES[enrollmentType.chosen]} needs iOS/iPadOS 15 or later; this device enrolls with ${title}${needsCompanyPortalApp(enrollmentType.effective) ? ', which needs the Company Portal app' : ''}` }] : []),
    ...restrictionWarnings(platformRestriction, enrollmentType),
    ...after.warnings,
  ];
  return {
    request,
    outcome: 'enrolled',
    summary: `enrolls with ${title} through "${winner.step.name}"`,
    ...base,
    profile: winner.step,
    enrollmentType,
    enrollsIn: ENROLLMENT_LOCATIONS[enrollmentType.effective],
    jit: after.jit,
    requiredApps: after.requiredApps,
    webClips: after.webClips,
    warnings,
  };
}
