import { GROUP_IDS_AS_GIVEN, descriptorOf, type Assignment, type Resource } from '../model';
import type { ActualObject } from './actual-state';
import { fingerprintOf } from './canonical-json';
import { assignmentKey } from './diff';

/** What the digest of an object covers: the parts plan compares. */
interface Digested {
  readonly displayName: string;
  readonly description: string;
  readonly spec: unknown;
  /** Assignments (groups by display name), by target and intent. */
  readonly assignments: readonly Assignment[];
}

/** The spec without the fields actions set (the default profile, devices), which no PATCH rewrites the marker for. */
function digestedSpec(kind: Resource['kind'], spec: unknown): unknown {
  const fields = descriptorOf(kind).actions?.fields ?? [];
  if (fields.length === 0 || typeof spec !== 'object' || spec === null) return spec;
  return Object.fromEntries(Object.entries(spec).filter(([key]) => !fields.includes(key)));
}

function digestOf(object: Digested): string {
  return fingerprintOf({ ...object, assignments: object.assignments.map(assignmentKey).sort() });
}

/** A declared object's assignments as the tenant will hold them (defaults applied), groups by display name. */
export function declaredAssignments(resource: Resource): Assignment[] {
  const d = descriptorOf(resource.kind);
  return resource.assignments
    .map((a) => d.assignmentFromGraph(d.assignmentToGraph(a, resource.spec, GROUP_IDS_AS_GIVEN), GROUP_IDS_AS_GIVEN))
    .filter((a): a is Assignment => a !== undefined);
}

/** The digest of a declared object as apply writes it; recorded in its ownership marker. */
export function desiredDigest(resource: Resource): string {
  const spec = digestedSpec(resource.kind, descriptorOf(resource.kind).normalize(resource.spec));
  return digestOf({ displayName: resource.displayName, description: resource.description, spec, assignments: declaredAssignments(resource) });
}

/** An object's assignments with group IDs replaced by display names (the ID itself when unknown). */
export function assignmentsByName(object: ActualObject, groupNames: ReadonlyMap<string, string>): Assignment[] {
  return object.assignments.map((a) => ('group' in a.target ? { ...a, target: { ...a.target, group: groupNames.get(a.target.group) ?? a.target.group } } : a));
}

/** The digest of an object as the tenant holds it now, comparable with {@link desiredDigest}. */
export function actualDigest(object: ActualObject, groupNames: ReadonlyMap<string, string>): string {
  return digestOf({ displayName: object.displayName, description: object.description, spec: digestedSpec(object.kind, object.spec), assignments: assignmentsByName(object, groupNames) });
}
