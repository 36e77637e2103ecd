import { BundleIdSchema, compareOsVersions, descriptorOf, type EnrollmentTypeProfileSpec, type PlatformRestrictionSpec, type SsoExtensionPolicySpec } from '../../model';
import type { ActualObject } from '../actual-state';
import type { GroupDirectory } from './group-directory';
import { tsString } from './ts-literal';

const AGAIN = 'then import again';

function displayNameProblem(name: string): string | undefined {
  if (name.trim() === '') return `it has no display name. Fix: name it in the tenant, ${AGAIN}`;
  if (name !== name.trim()) return `its display name ${tsString(name)} has leading or trailing white space, which a stack cannot declare. Fix: trim it in the tenant, ${AGAIN}`;
  if (name.length > 256) return `its display name is ${name.length} characters long; a stack takes at most 256. Fix: shorten it in the tenant, ${AGAIN}`;
  return undefined;
}

function specProblem(o: ActualObject): string | undefined {
  const parsed = descriptorOf(o.kind).specSchema.safeParse(o.spec);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const value = issue?.path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined), o.spec);
  return `its ${field || 'settings'} ${JSON.stringify(value)} is not valid (${issue?.message ?? 'rejected by the schema'}). Fix: correct it in the tenant, ${AGAIN}`;
}

function ssoProblem(spec: SsoExtensionPolicySpec): string | undefined {
  const seen = new Set<string>();
  for (const { key, value } of spec.configurations) {
    if (key !== key.trim()) return `the setting key ${tsString(key)} has leading or trailing white space (EK003). Fix: write it as ${tsString(key.trim())} in the tenant, ${AGAIN}`;
    if (typeof value === 'string' && value !== value.trim()) {
      return `the value ${tsString(value)} of ${tsString(key)} has leading or trailing white space (EK003). Fix: write it as ${tsString(value.trim())} in the tenant, ${AGAIN}`;
    }
    if (seen.has(key)) return `the setting ${tsString(key)} is set more than once. Fix: keep one in the tenant, ${AGAIN}`;
    seen.add(key);
  }
  return undefined;
}

function kindProblem(o: ActualObject): string | undefined {
  switch (o.kind) {
    case 'enrollmentTypeProfile':
      if ((o.spec as EnrollmentTypeProfileSpec).enrollmentType === 'userChoice' && !(o.spec as EnrollmentTypeProfileSpec).userChoice) {
        return `it lets the user choose the ownership but names no enrollment type for personal and corporate devices. Fix: set both in the tenant, ${AGAIN}`;
      }
      if (o.assignments.length === 0) return `it has no assignments, and a stack's profile needs at least one. Fix: assign it in the tenant (or delete it), ${AGAIN}`;
      return undefined;
    case 'ssoExtensionPolicy':
      return ssoProblem(o.spec as SsoExtensionPolicySpec);
    case 'platformRestriction': {
      const { osMinimumVersion: min, osMaximumVersion: max } = o.spec as PlatformRestrictionSpec;
      if (min !== undefined && max !== undefined && compareOsVersions(min, max) > 0) {
        return `its minimum OS version ${tsString(min)} is above its maximum ${tsString(max)}, so no device can enroll. Fix: correct them in the tenant, ${AGAIN}`;
      }
      return undefined;
    }
    case 'webClip':
      if (o.assignments.some((a) => a.settings !== undefined)) return `an assignment carries app settings, which a web clip cannot declare. Fix: remove them in the tenant, ${AGAIN}`;
      return undefined;
    default:
      return undefined;
  }
}

function groupProblem(o: ActualObject, groups: GroupDirectory): string | undefined {
  for (const { target } of o.assignments) {
    if (!('group' in target)) continue;
    const name = groups.nameOf(target.group);
    if (name === undefined) return `an assignment targets the group ${target.group}, which the tenant does not have. Fix: remove that assignment in the tenant, ${AGAIN}`;
    const ids = groups.idsNamed(name);
    if (ids.length > 1) return `an assignment targets the group ${tsString(name)}, a name ${ids.length} groups share (${ids.join(', ')}). Fix: rename all but one, ${AGAIN}`;
  }
  return undefined;
}

/** True for a VPP app: a stack only references it by bundle ID. */
export function isVppApp(o: ActualObject): boolean {
  return o.kind === 'iosApp' && (o.spec as { appType?: unknown }).appType === 'iosVppApp';
}

function vppProblem(o: ActualObject): string | undefined {
  const bundleId = (o.spec as { bundleId?: unknown }).bundleId;
  if (BundleIdSchema.safeParse(bundleId).success) return undefined;
  return `its bundle ID ${JSON.stringify(bundleId)} is not a valid bundle ID, so a stack cannot reference it. Fix: correct it in Apple Business Manager, ${AGAIN}`;
}

/**
 * Why the construct API cannot declare this object as the tenant has it, or undefined when it can:
 * a display name a stack rejects, settings outside the kind's schema, a profile without
 * assignments, EK003 white space, a group that is gone or ambiguous, and the like.
 */
export function importProblem(o: ActualObject, groups: GroupDirectory): string | undefined {
  const own = isVppApp(o) ? vppProblem(o) : (displayNameProblem(o.displayName) ?? specProblem(o) ?? kindProblem(o));
  return own ?? groupProblem(o, groups);
}
