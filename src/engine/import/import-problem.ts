import { descriptorOf, IMPORT_AGAIN as AGAIN, tsString } from '../../model';
import type { ActualObject } from '../actual-state';
import type { GroupDirectory } from './group-directory';

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

/** True for an object a stack references rather than owns (a VPP app). */
export function isReferencedObject(o: ActualObject): boolean {
  return descriptorOf(o.kind).code.referenced(o.spec);
}

/**
 * Why the construct API cannot declare this object as the tenant has it, or undefined when it can:
 * a display name a stack rejects, settings outside the kind's schema, a profile without
 * assignments, EK003 white space, a group that is gone or ambiguous, and the like.
 */
export function importProblem(o: ActualObject, groups: GroupDirectory): string | undefined {
  const code = descriptorOf(o.kind).code;
  const own = isReferencedObject(o) ? code.problem(o) : (displayNameProblem(o.displayName) ?? specProblem(o) ?? code.problem(o));
  return own ?? groupProblem(o, groups);
}
