import { compareOsVersions, type PlatformRestrictionSpec, type Resource } from '../../model';
import type { ResourceOf } from '../resources';
import { ofKindByPriority } from './by-priority';
import type { TenantDefaults } from '../../model';
import type { EnrollmentRequest } from './enrollment-request';
import type { AppliedObject, DeviceLimitStep, PlatformRestrictionStep } from './enrollment-resolution';
import { matchUser } from './user-targeting';

/** The name Intune gives the default restrictions. */
export const DEFAULT_RESTRICTION_NAME = 'All users';

/** The first restriction, in priority order, that applies to the user. */
function applied<R extends ResourceOf<'platformRestriction'> | ResourceOf<'deviceLimitRestriction'>>(
  restrictions: readonly R[],
  memberOf: readonly string[],
): { resource: R; step: AppliedObject } | undefined {
  for (const resource of restrictions) {
    const match = matchUser(resource.assignments, memberOf);
    if (match.applies) {
      const step = { name: resource.displayName, path: resource.path, priority: resource.priority ?? 0, tenantDefault: false, matchedBy: match.matchedBy };
      return { resource, step };
    }
  }
  return undefined;
}

const DEFAULT_OBJECT: AppliedObject = { name: DEFAULT_RESTRICTION_NAME, priority: 0, tenantDefault: true, matchedBy: ['all users'] };

function platformVerdict(settings: PlatformRestrictionSpec, request: EnrollmentRequest): { passed: boolean; reasons: string[] } {
  const refused: string[] = [];
  const allowed: string[] = [];
  if (settings.platformBlocked) refused.push('iOS/iPadOS enrollment is blocked');
  else allowed.push('iOS/iPadOS is allowed');
  if (request.ownership === 'personal') {
    if (settings.personalDeviceEnrollmentBlocked) refused.push('personally owned devices are blocked');
    else allowed.push('personally owned devices are allowed');
  }
  const { osMinimumVersion: min, osMaximumVersion: max } = settings;
  if (min && compareOsVersions(request.os, min) < 0) refused.push(`${request.os} is below the minimum ${min}`);
  else if (max && compareOsVersions(request.os, max) > 0) refused.push(`${request.os} is above the maximum ${max}`);
  else allowed.push(`${request.os} is within [${min ?? 'any'}, ${max ?? 'any'}]`);
  return refused.length > 0 ? { passed: false, reasons: refused } : { passed: true, reasons: allowed };
}

/** The platform restriction that applies to a member of `memberOf`: the highest-priority one assigned, else the tenant default. */
export function applicablePlatformRestriction(
  resources: readonly Resource[],
  memberOf: readonly string[],
  defaults: TenantDefaults,
): { readonly object: AppliedObject; readonly settings: PlatformRestrictionSpec } {
  const found = applied(ofKindByPriority(resources, 'platformRestriction'), memberOf);
  return found ? { object: found.step, settings: found.resource.spec } : { object: DEFAULT_OBJECT, settings: defaults.platformRestriction };
}

/** Step 1a: the highest-priority platform restriction assigned to the user (else the default) and its verdict. */
export function resolvePlatformRestriction(resources: readonly Resource[], request: EnrollmentRequest, defaults: TenantDefaults): PlatformRestrictionStep {
  const { object, settings } = applicablePlatformRestriction(resources, request.memberOf, defaults);
  return { ...object, settings, ...platformVerdict(settings, request) };
}

/** Step 1b: the highest-priority device limit restriction assigned to the user (else the default) and its verdict. */
export function resolveDeviceLimit(resources: readonly Resource[], request: EnrollmentRequest, defaults: TenantDefaults): DeviceLimitStep {
  const found = applied(ofKindByPriority(resources, 'deviceLimitRestriction'), request.memberOf);
  const limit = found ? found.resource.spec.limit : defaults.deviceLimit;
  const enrolled = request.enrolledDevices;
  const base = { ...(found ? found.step : DEFAULT_OBJECT), limit };
  if (enrolled === undefined) return { ...base, passed: true, reason: `up to ${limit} devices; enrolled devices not stated` };
  if (enrolled >= limit) return { ...base, enrolledDevices: enrolled, passed: false, reason: `the user has enrolled ${enrolled} of ${limit} devices: the device limit is reached` };
  return { ...base, enrolledDevices: enrolled, passed: true, reason: `the user has enrolled ${enrolled} of ${limit} devices` };
}
