import type { Assignment } from './assignment';
import type { GroupResolver, KindDescriptor } from './descriptor';
import type { ValidationIssue } from './errors';
import { descriptorOf, DESCRIPTORS } from './kinds';
import type { Manifest, Resource } from './manifest';

/** "a" or "an" before a kind's title. */
function a(title: string): string {
  return `${/^[aeiou]/i.test(title) ? 'an' : 'a'} ${title}`;
}

const AS_GIVEN: GroupResolver = { id: (name) => name, name: (id) => id };
const RESYNTH = 'run enrollkit synth instead of editing the manifest by hand';

/** Collects issues at `${where}: path`, knowing the display names of the groups the manifest lists. */
class TreeIssues {
  readonly issues: ValidationIssue[] = [];

  constructor(
    private readonly where: string,
    readonly groups: ReadonlySet<string>,
  ) {}

  add(path: string, field: string, value: unknown, message: string, fix: string): void {
    this.issues.push({ path: `${this.where}: ${path}`, field, ...(value === undefined ? {} : { value }), message, fix });
  }
}

/** What a kind's Graph mapping keeps of an assignment: the intent and settings it cannot carry are lost. */
function assignmentIssues(found: TreeIssues, d: KindDescriptor, r: Resource): void {
  if (d.graph.assign.style === 'none' || d.graph.assign.style === 'serials') {
    if (r.assignments.length > 0) found.add(r.path, 'assignments', r.assignments, `${a(d.title)} takes no group assignments`, 'remove "assignments"');
    return;
  }
  r.assignments.forEach((assignment: Assignment, i) => {
    const kept = d.assignmentFromGraph(d.assignmentToGraph(assignment, r.spec, AS_GIVEN), AS_GIVEN);
    if (assignment.intent !== undefined && kept?.intent === undefined) {
      found.add(r.path, `assignments.${i}.intent`, assignment.intent, `${a(d.title)} assignment has no intent (only apps have one)`, 'remove "intent"');
    }
    if (assignment.settings !== undefined && kept?.settings === undefined) {
      found.add(r.path, `assignments.${i}.settings`, assignment.settings, `${a(d.title)} assignment takes no settings`, 'remove "settings"');
    }
    if ('group' in assignment.target && !found.groups.has(assignment.target.group)) {
      found.add(r.path, `assignments.${i}.target.group`, assignment.target.group, 'the target names a group the manifest does not list in "groups"', `add the group to "groups", or ${RESYNTH}`);
    }
  });
}

/** `reference` only on a kind that can be referenced, by its reference field, matching the spec. */
function referenceIssues(found: TreeIssues, d: KindDescriptor, r: Resource): void {
  if (!r.reference) return;
  if (!d.referenceField) {
    found.add(r.path, 'reference', r.reference, `${a(d.title)} cannot be referenced: the stack must own it`, `remove "reference" (only ${referableTitles()} can be referenced)`);
  } else if (r.reference.field !== d.referenceField) {
    found.add(r.path, 'reference.field', r.reference.field, `${a(d.title)} is referenced by its ${d.referenceField} only`, `set reference.field to "${d.referenceField}"`);
  } else if ((r.spec as Record<string, unknown>)[d.referenceField] !== r.reference.value) {
    const actual = String((r.spec as Record<string, unknown>)[d.referenceField]);
    found.add(r.path, 'reference.value', r.reference.value, `the reference does not match the object's ${d.referenceField} ("${actual}")`, `set reference.value to "${actual}", or ${RESYNTH}`);
  }
}

function referableTitles(): string {
  return (DESCRIPTORS as readonly KindDescriptor[])
    .filter((d) => d.referenceField)
    .map((d) => `${d.title}s`)
    .join(' and ');
}

/** Priority 1..n without gaps or ties per class, only on owned objects of prioritised kinds. */
function priorityIssues(found: TreeIssues, manifest: Manifest): void {
  const classes = new Map<string, Resource[]>();
  for (const r of manifest.resources) {
    const d = descriptorOf(r.kind);
    if (r.priority !== undefined && (!d.priorityClass || r.reference)) {
      found.add(r.path, 'priority', r.priority, d.priorityClass ? `a referenced ${d.title} has no priority the stack sets` : `${a(d.title)} has no priority`, 'remove "priority"');
    } else if (r.priority === undefined && d.priorityClass && !r.reference) {
      found.add(r.path, 'priority', undefined, `${a(d.title)} needs a priority`, RESYNTH);
    } else if (d.priorityClass && r.priority !== undefined) {
      classes.set(d.priorityClass, [...(classes.get(d.priorityClass) ?? []), r]);
    }
  }
  for (const [cls, ranked] of classes) {
    const ranks = ranked.map((r) => r.priority!).sort((x, y) => x - y);
    if (ranks.some((rank, i) => rank !== i + 1)) {
      found.add(manifest.stack, `priority (${cls})`, ranks, 'the priorities of a class must be 1..n without gaps or ties (EK013)', `number them 1 to ${ranks.length}, or ${RESYNTH}`);
    }
  }
  const allClasses = new Set((DESCRIPTORS as readonly KindDescriptor[]).flatMap((d) => (d.priorityClass ? [d.priorityClass] : [])));
  for (const cls of Object.keys(manifest.placement ?? {})) {
    if (!allClasses.has(cls)) found.add(manifest.stack, 'placement', cls, 'placement is given for something that is not a priority class', `use one of ${[...allClasses].join(', ')}`);
  }
}

/** Logical IDs unique; display names unique within a kind; each referenced object referenced once; groups listed once. */
function uniquenessIssues(found: TreeIssues, manifest: Manifest): void {
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const r of manifest.resources) {
    const d = descriptorOf(r.kind);
    const sameId = ids.get(r.logicalId);
    if (sameId !== undefined) found.add(r.path, 'logicalId', r.logicalId, `the logical ID is also that of ${sameId}`, 'give every object its own logical ID (overrideLogicalId in the app)');
    else ids.set(r.logicalId, r.path);
    const key = r.reference ? `${r.kind} reference ${r.reference.field}=${r.reference.value}` : `${r.kind} name ${r.displayName}`;
    const first = names.get(key);
    if (first !== undefined && r.reference) {
      found.add(r.path, 'reference.value', r.reference.value, `this ${d.title} is referenced twice (also at ${first})`, 'reference it once and add every assignment to that reference');
    } else if (first !== undefined) {
      found.add(r.path, 'displayName', r.displayName, `another ${d.title} of this stack has the same display name (${first})`, `give each ${d.title} its own display name`);
    } else {
      names.set(key, r.path);
    }
  }
  const groups = new Map<string, string>();
  for (const g of manifest.groups) {
    const first = groups.get(g.displayName);
    if (first !== undefined) found.add(g.path, 'displayName', g.displayName, `the group is listed twice (also at ${first})`, 'list each group once');
    else groups.set(g.displayName, g.path);
  }
}

/**
 * The checks synth makes across a stack's whole tree, made again on a manifest that passed the
 * schema but was read from disk, where it may have been edited by hand: logical IDs unique, display
 * names unique within a kind, `reference` only on a kind that can be referenced and only by its
 * reference field, intents and settings only where the kind's assignments carry them, every target
 * group listed, priorities 1..n per class, placement only for priority classes. Each issue's path is
 * `where` (the manifest file) and the construct path.
 */
export function manifestTreeIssues(manifest: Manifest, where: string): ValidationIssue[] {
  const found = new TreeIssues(where, new Set(manifest.groups.map((g) => g.displayName)));
  uniquenessIssues(found, manifest);
  for (const r of manifest.resources) {
    const d = descriptorOf(r.kind);
    referenceIssues(found, d, r);
    assignmentIssues(found, d, r);
  }
  priorityIssues(found, manifest);
  return found.issues;
}
