import {
  DESCRIPTORS,
  describeTarget,
  descriptorOf,
  mailNicknameFor,
  priorityRank,
  storedPriority,
  withMarker,
  type Assignment,
  type Blocker,
  GROUP_IDS_AS_GIVEN,
  type GroupResolver,
  type KindDescriptor,
  type Manifest,
  type NameDirectory,
  type ObjectRef,
  type Resource,
} from '../model';
import type { ActualGroup, ActualObject, ActualState } from './actual-state';
import { desiredDigest } from './applied-digest';
import { assignmentKey, diffAssignments, diffValues, type FieldChange } from './diff';
import { fingerprintParts } from './fingerprint';
import { addTo } from './impact/add-to';
import {
  PLAN_FORMAT,
  type GroupChange,
  type Plan,
  type PlanFinding,
  type PlanMode,
  type PlannedMove,
  type PriorityOrder,
  type ResourceChange,
  type Step,
} from './plan-types';
import { KEEP_PLACE, placeOwned } from './priority-placement';
import { priorityMoves } from './priority-moves';
import { extend } from './extend';
import { nameDirectoryOf } from './read-nested';
import { stepRef } from './step-request';

/** Choices that shape a plan. */
export interface PlanOptions {
  /** Take over unowned objects whose display name matches a declared one. */
  readonly adopt?: boolean;
  /** Description of the backend, for the plan header. */
  readonly backend: string;
  /** Rule findings on the desired state (errors that are not suppressed block apply). */
  readonly findings?: readonly PlanFinding[];
  /** Further reasons to refuse apply, found by pre-flight checks. */
  readonly blockers?: readonly Blocker[];
  /** `destroy` plans the deletion of everything the stack owns; `normal` when absent. */
  readonly mode?: PlanMode;
}

/** Where assignments are written, and the spec that decides their wire form. */
interface AssignmentHost {
  /** The object: its Graph ID, or the step that creates it. */
  readonly object: ObjectRef;
  /** The step that creates or updates the object, when the plan has one. */
  readonly objectStep?: string;
  /** The object as read, for assignment IDs and assignments left alone. */
  readonly actual?: ActualObject;
  /** The spec of the object in the tenant (a referenced app's own type decides its settings). */
  readonly spec: unknown;
}

const KIND_ORDER = new Map((DESCRIPTORS as readonly KindDescriptor[]).map((d, i) => [d.kind, i]));

class PlanBuilder {
  readonly steps: Step[] = [];
  readonly changes: ResourceChange[] = [];
  readonly groups: GroupChange[] = [];
  readonly moves: PlannedMove[] = [];
  readonly priorityOrders: PriorityOrder[] = [];
  readonly blockers: Blocker[] = [];
  readonly touched = new Set<ActualObject>();
  private readonly groupIds = new Map<string, string>();
  private readonly groupSteps = new Map<string, string>();
  readonly classSteps = new Map<string, string[]>();
  /** Graph IDs of objects deleted to be created anew. */
  readonly replaced = new Set<string>();
  /** Logical IDs created in each priority class, in creation order (Graph appends them). */
  readonly created = new Map<string, string[]>();
  /** Objects others own (or nobody does), by kind and display name, built on first use. */
  private namesakes: Map<string, ActualObject> | undefined;
  /** The objects read, by Graph ID and by kind, built on first use. */
  private byId: Map<string, ActualObject> | undefined;
  private byKind: Map<string, ActualObject[]> | undefined;
  /** Graph IDs of the groups this stack created, built on first use. */
  private ownGroups: Set<string> | undefined;
  /** The IDs of the create steps of each kind (groups aside), in step order. */
  private readonly createsByKind = new Map<string, string[]>();

  constructor(
    readonly manifest: Manifest,
    readonly state: ActualState,
  ) {
    this.names = nameDirectoryOf(state.named ?? new Map());
  }

  /** IDs of the objects kinds name by name (tokens), from the state read. */
  readonly names: NameDirectory;
  /** The parent of each object a create step makes, for the steps that write it later. */
  private readonly parents = new Map<string, ObjectRef>();

  add(step: Step): string {
    const parent = step.parent ?? this.parentOfStep(step);
    this.steps.push(parent ? { ...step, parent } : step);
    if (step.operation === 'create' && step.kind !== 'group') addTo(this.createsByKind, step.kind, step.id);
    return step.id;
  }

  /** The object read with this Graph ID. */
  objectWithId(id: string): ActualObject | undefined {
    this.byId ??= new Map(this.state.objects.map((o) => [o.id, o]));
    return this.byId.get(id);
  }

  /** The objects read of one kind. */
  objectsOfKind(kind: string): readonly ActualObject[] {
    if (!this.byKind) {
      this.byKind = new Map();
      for (const o of this.state.objects) addTo(this.byKind, o.kind, o);
    }
    return this.byKind.get(kind) ?? [];
  }

  /** The parent of the object a step writes, for kinds nested under one. */
  private parentOfStep(step: Step): ObjectRef | undefined {
    if (step.kind === 'group' || !descriptorOf(step.kind).parent || !step.object) return undefined;
    if ('step' in step.object) return this.parents.get(step.object.step);
    const objectId = step.object.id;
    const parentId = this.objectWithId(objectId)?.parentId;
    return parentId ? { id: parentId } : undefined;
  }

  /**
   * The parent a declared object of a nested kind goes under (the ADE token its spec names), or
   * the blocker that says it is not in the tenant; undefined for kinds that are not nested.
   */
  parentOf(d: KindDescriptor, resource: Resource): ObjectRef | Blocker | undefined {
    const lookup = d.parent ? d.lookups?.[d.parent.lookup] : undefined;
    if (!d.parent || !lookup) return undefined;
    const read = this.state.named?.has(d.parent.lookup) === true;
    if (lookup.field === undefined) {
      const only = this.state.named?.get(d.parent.lookup)?.[0];
      if (only) return { id: only.id };
      return {
        code: 'parent-missing',
        path: resource.path,
        message: read ? `the tenant has no ${lookup.title}` : `the ${lookup.title} of the tenant could not be read`,
        fix: read ? `set up the ${lookup.title} in Intune (Devices > Enrollment > Apple), then plan again` : 'grant the credentials read access to enrollment settings (DeviceManagementServiceConfig.Read.All), then plan again',
      };
    }
    const name = String((resource.spec as Record<string, unknown>)[lookup.field] ?? '');
    const id = this.names.id(d.parent.lookup, name);
    if (id) return { id };
    return {
      code: 'parent-missing',
      path: resource.path,
      message: read ? `the tenant has no ${lookup.title} named '${name}'` : `the ${lookup.title}s of the tenant could not be read, so '${name}' cannot be found`,
      fix: read ? `add the ${lookup.title} in Intune (Devices > Enrollment > Apple), or name one the tenant has (${(this.state.named?.get(d.parent.lookup) ?? []).map((o) => `'${o.name}'`).join(', ') || 'none'})` : 'grant the credentials read access to enrollment settings (DeviceManagementServiceConfig.Read.All), then plan again',
    };
  }

  /** Blockers for names the spec gives of tenant objects (a VPP token) that the tenant does not have. */
  missingNames(d: KindDescriptor, resource: Resource): Blocker[] {
    return Object.entries(d.lookups ?? {})
      .filter(([key]) => key !== d.parent?.lookup)
      .flatMap(([key, lookup]) => {
        const name = lookup.field === undefined ? undefined : (resource.spec as Record<string, unknown>)[lookup.field];
        if (typeof name !== 'string' || this.names.id(key, name) !== undefined || this.state.named?.has(key) !== true) return [];
        const known = (this.state.named.get(key) ?? []).map((o) => `'${o.name}'`).join(', ') || 'none';
        return [{ code: 'name-missing', path: resource.path, message: `the tenant has no ${lookup.title} named '${name}'`, fix: `name one the tenant has (${known}), or add it in Intune` }];
      });
  }

  /**
   * The action steps that bring an object's action-owned state (default, devices) to the desired
   * one, after the creates of the kinds it depends on (planned before it: kinds go in dependency order).
   */
  actionSteps(d: KindDescriptor, resource: Resource, object: ObjectRef, after: readonly string[], actual?: ActualObject): Step[] {
    const planned = d.actions?.plan(d.normalize(resource.spec), actual ? actual.spec : undefined) ?? [];
    if (planned.length === 0) return [];
    const creates = [...d.dependsOn].sort((x, y) => KIND_ORDER.get(x)! - KIND_ORDER.get(y)!).flatMap((kind) => this.createsByKind.get(kind) ?? []);
    return planned.map((a, i) => {
      const step: Step = {
        id: `${a.operation === 'assign' ? 'assign' : `action:${a.action ?? ''}`}:${resource.logicalId}:${i}`,
        title: `${d.title} '${resource.displayName}': ${a.title}`,
        kind: resource.kind,
        operation: a.operation,
        object,
        ...(a.action ? { action: a.action } : {}),
        ...(a.body !== undefined ? { body: a.body } : {}),
        dependsOn: [...after, ...creates],
      };
      this.add(step);
      return step;
    });
  }

  /** Resolves group display names to IDs, or to the step that creates the group. */
  readonly resolver: GroupResolver = {
    id: (name) => this.groupIds.get(name) ?? this.onlyGroupNamed(name) ?? stepRef(this.groupSteps.get(name) ?? `group:${name}`),
    name: (id) => this.state.groupNames.get(id) ?? id,
  };

  /** True for the ID of a group this stack created (it carries the stack's marker): no other stack targets it. */
  ownsGroup(id: string): boolean {
    this.ownGroups ??= new Set(
      this.manifest.groups.flatMap((g) => (this.state.groupsByName.get(g.displayName) ?? []).filter((found) => found.marker?.stack === this.manifest.stack).map((found) => found.id)),
    );
    return this.ownGroups.has(id);
  }

  /** The ID of the one group with this name in the tenant (destroy plans no groups, yet names them). */
  private onlyGroupNamed(name: string): string | undefined {
    const found = this.state.groupsByName.get(name) ?? [];
    return found.length === 1 ? found[0]!.id : undefined;
  }

  planGroups(): void {
    const seen = new Set<string>();
    for (const group of this.manifest.groups) {
      if (seen.has(group.displayName)) continue;
      seen.add(group.displayName);
      const found = this.state.groupsByName.get(group.displayName) ?? [];
      const base = { displayName: group.displayName, path: group.path };
      const duplicates = duplicateGroups(found, this.manifest.stack);
      if (found.length === 1) {
        this.groupIds.set(group.displayName, found[0]!.id);
        this.groups.push({ ...base, action: 'unchanged', id: found[0]!.id });
      } else if (duplicates) {
        this.groupIds.set(group.displayName, duplicates.kept.id);
        this.groups.push({ ...base, action: 'deduplicate', id: duplicates.kept.id, duplicates: duplicates.extras.map((g) => g.id) });
        for (const extra of duplicates.extras) {
          this.add({
            id: `delete-group:${group.displayName}:${extra.id}`,
            title: `delete duplicate group '${group.displayName}' (${extra.id}; this stack keeps ${duplicates.kept.id})`,
            kind: 'group',
            operation: 'delete',
            object: { id: extra.id },
            dependsOn: [],
          });
        }
      } else if (found.length > 1) {
        this.groups.push({ ...base, action: 'ambiguous' });
        this.blockers.push(ambiguousGroup(group.path, group.displayName, found, this.manifest.stack));
      } else if (group.declared) {
        const id = this.add({
          id: `group:${group.displayName}`,
          title: `create group '${group.displayName}'`,
          kind: 'group',
          operation: 'create',
          body: {
            displayName: group.displayName,
            description: withMarker(group.description ?? `Managed by enrollkit stack ${this.manifest.stack}`, { stack: this.manifest.stack, logicalId: groupLogicalId(group.displayName) }),
            mailEnabled: false,
            mailNickname: group.mailNickname ?? mailNicknameFor(group.displayName),
            securityEnabled: true,
            groupTypes: group.membershipRule ? ['DynamicMembership'] : [],
            ...(group.membershipRule ? { membershipRule: group.membershipRule, membershipRuleProcessingState: 'On' } : {}),
          },
          dependsOn: [],
        });
        this.groupSteps.set(group.displayName, id);
        this.groups.push({ ...base, action: 'create' });
      } else {
        this.groups.push({ ...base, action: 'missing' });
        this.blockers.push({
          code: 'group-missing',
          path: group.path,
          message: `the Entra group '${group.displayName}' does not exist in the tenant`,
          fix: 'create it, fix the name, or declare it in the stack so enrollkit creates it',
        });
      }
    }
  }

  /** Group-creating steps an assignment list waits for. */
  groupDependencies(assignments: readonly Assignment[]): string[] {
    const ids = assignments.flatMap((a) => ('group' in a.target ? [this.groupSteps.get(a.target.group)] : []));
    return [...new Set(ids.filter((id): id is string => id !== undefined))];
  }

  assignmentSteps(
    d: KindDescriptor,
    resource: Resource,
    target: AssignmentHost,
    change: { add: readonly Assignment[]; remove: readonly number[] },
    keep: readonly Assignment[],
  ): void {
    // change.add names groups by display name; change.remove indexes the object's assignments as read.
    const lid = resource.logicalId;
    const { object, objectStep, actual, spec } = target;
    const deps = [...(objectStep ? [objectStep] : []), ...this.groupDependencies(resource.assignments)];
    const write = { kind: resource.kind, object };
    if (d.graph.assign.style === 'none') return;
    if (d.graph.assign.style === 'action') {
      const wire = [
        ...(actual?.unmanagedAssignments ?? []),
        ...keep.map((a) => d.assignmentToGraph(a, spec, GROUP_IDS_AS_GIVEN)),
        ...resource.assignments.map((a) => d.assignmentToGraph(a, spec, this.resolver)),
      ];
      this.add({
        id: `assign:${lid}`,
        title: `assign ${d.title} '${resource.displayName}' (${wire.length} assignment${wire.length === 1 ? '' : 's'})`,
        ...write,
        operation: 'assign',
        body: { [d.graph.assign.bodyKey]: wire },
        dependsOn: deps,
      });
      return;
    }
    const removals = change.remove.map((index) =>
      this.add({
        id: `unassign:${lid}:${index}`,
        title: `remove an assignment of ${d.title} '${resource.displayName}'`,
        ...write,
        operation: 'unassign',
        assignmentId: actual?.assignmentIds[index] ?? '',
        dependsOn: objectStep ? [objectStep] : [],
      }),
    );
    change.add.forEach((assignment, index) => {
      this.add({
        id: `assign:${lid}:${index}`,
        title: `assign ${d.title} '${resource.displayName}' to ${describeTarget(assignment.target)}${assignment.intent ? ` as ${assignment.intent}` : ''}`,
        ...write,
        operation: 'assign',
        body: d.assignmentToGraph(assignment, spec, this.resolver),
        dependsOn: [...deps, ...removals],
      });
    });
  }

  writeBody(d: KindDescriptor, resource: Resource): Record<string, unknown> {
    return {
      ...d.toGraph(resource.spec, this.names),
      [d.nameProperty ?? 'displayName']: resource.displayName,
      description: withMarker(resource.description, { stack: this.manifest.stack, logicalId: resource.logicalId, digest: desiredDigest(resource) }),
    };
  }

  createStep(d: KindDescriptor, resource: Resource, after: string[]): string {
    const id = `create:${resource.logicalId}`;
    const previous = d.priorityClass ? this.created.get(d.priorityClass)?.at(-1) : undefined;
    const parent = this.parentOf(d, resource);
    if (parent && !isBlocker(parent)) this.parents.set(id, parent);
    this.add({
      id,
      title: `create ${d.title} '${resource.displayName}'`,
      kind: resource.kind,
      operation: 'create',
      ...(parent && !isBlocker(parent) ? { parent } : {}),
      body: this.writeBody(d, resource),
      dependsOn: [...after, ...(previous ? [`create:${previous}`] : [])],
    });
    if (d.priorityClass) {
      this.classStep(d.priorityClass, id);
      const created = this.created.get(d.priorityClass);
      if (created) created.push(resource.logicalId);
      else this.created.set(d.priorityClass, [resource.logicalId]);
    }
    return id;
  }

  private classStep(priorityClass: string, id: string): void {
    const steps = this.classSteps.get(priorityClass);
    if (steps) steps.push(id);
    else this.classSteps.set(priorityClass, [id]);
  }

  /** A tenant object of the resource's kind and display name that another stack or nobody owns. */
  collision(resource: Resource): ActualObject | undefined {
    if (!this.namesakes) {
      this.namesakes = new Map();
      for (const o of this.state.objects) {
        const key = `${o.kind}\n${o.displayName}`;
        if (!o.builtIn && o.marker?.stack !== this.manifest.stack && !this.namesakes.has(key)) this.namesakes.set(key, o);
      }
    }
    return this.namesakes.get(`${resource.kind}\n${resource.displayName}`);
  }

  deleteStep(d: KindDescriptor, actual: ActualObject, logicalId: string): string {
    this.touched.add(actual);
    const id = this.add({
      id: `delete:${logicalId}:${actual.id}`,
      title: `delete ${d.title} '${actual.displayName}'`,
      kind: actual.kind,
      operation: 'delete',
      object: { id: actual.id },
      dependsOn: [],
    });
    if (d.priorityClass) this.classStep(d.priorityClass, id);
    return id;
  }
}


/** The logical ID in the ownership marker of a group the stack creates. */
export function groupLogicalId(displayName: string): string {
  return `group/${displayName}`;
}

/** Namesake groups all made by this stack (lost answers): the oldest is kept, the others are extras. */
function duplicateGroups(found: readonly ActualGroup[], stack: string): { kept: ActualGroup; extras: ActualGroup[] } | undefined {
  if (found.length < 2 || !found.every((g) => g.marker?.stack === stack)) return undefined;
  const [kept, ...extras] = [...found].sort((x, y) => (x.createdDateTime ?? '').localeCompare(y.createdDateTime ?? '') || x.id.localeCompare(y.id));
  return { kept: kept!, extras };
}

function ambiguousGroup(path: string, name: string, found: readonly ActualGroup[], stack: string): Blocker {
  const ours = found.filter((g) => g.marker?.stack === stack);
  const ids = (groups: readonly ActualGroup[]) => groups.map((g) => g.id).join(', ');
  if (ours.length === 0) {
    return { code: 'group-ambiguous', path, message: `${found.length} Entra groups are named '${name}' (${ids(found)})`, fix: 'rename all but one so assignments are unambiguous' };
  }
  const others = found.filter((g) => g.marker?.stack !== stack);
  return {
    code: 'group-ambiguous',
    path,
    message: `${found.length} Entra groups are named '${name}': ${ids(ours)} made by this stack, ${ids(others)} not; enrollkit never deletes a group it did not make`,
    fix: `rename or delete the group made elsewhere (${ids(others)}) in Entra ID`,
  };
}

/** Desired assignments in the tenant's form: group IDs (or step references), defaults applied. */
function canonicalAssignments(d: KindDescriptor, resource: Resource, resolver: GroupResolver): Assignment[] {
  return resource.assignments
    .map((a) => d.assignmentFromGraph(d.assignmentToGraph(a, resource.spec, resolver), GROUP_IDS_AS_GIVEN))
    .filter((a): a is Assignment => a !== undefined);
}

/**
 * The tenant object a referenced resource names: same reference field value and the same
 * identifying fields (`replaceOn`, e.g. store app vs VPP app). A message when there is none, more
 * than one, or one that another stack owns.
 */
function findReferenced(b: PlanBuilder, d: KindDescriptor, resource: Resource & { reference: { field: string; value: string } }): ActualObject | Blocker {
  const { field, value } = resource.reference;
  const wanted = d.normalize(resource.spec) as Record<string, unknown>;
  const found = b.objectsOfKind(resource.kind).filter((o) => {
    const spec = o.spec as Record<string, unknown>;
    return spec[field] === value && d.replaceOn.every((f) => spec[f] === wanted[f]);
  });
  const what = `${d.title} with ${field} '${value}'${d.replaceOn.filter((f) => f !== field).map((f) => ` and ${f} '${String(wanted[f])}'`).join('')}`;
  const path = resource.path;
  if (found.length === 0) {
    return { code: 'reference-missing', path, message: `no ${what} exists in the tenant`, fix: 'add it there first (VPP apps arrive through the VPP token sync) or declare it in the stack' };
  }
  if (found.length > 1) {
    return { code: 'reference-ambiguous', path, message: `${found.length} objects are a ${what} (${found.map((o) => o.id).join(', ')})`, fix: 'remove the extra ones so the reference is unambiguous' };
  }
  const [only] = found as [ActualObject];
  if (only.marker && only.marker.stack !== b.manifest.stack) {
    return { code: 'reference-owned', path, message: `the ${what} belongs to stack '${only.marker.stack}'`, fix: 'reference it from one stack only, or let that stack declare the assignments' };
  }
  return only;
}

/** True for a blocker found instead of an object. */
function isBlocker<T extends object>(x: T | Blocker | undefined): x is Blocker {
  return x !== undefined && 'fix' in x;
}

function conflict(b: PlanBuilder, change: Omit<ResourceChange, 'action' | 'fields' | 'assignments' | 'reason'>, blocker: Blocker): void {
  b.blockers.push(blocker);
  b.changes.push(extend(change, { action: 'conflict' as const, fields: [], assignments: { add: [], remove: [] }, reason: `${blocker.message}; ${blocker.fix}` }));
}

function findCounterpart(b: PlanBuilder, d: KindDescriptor, resource: Resource, owned: Map<string, ActualObject[]>): ActualObject | Blocker | undefined {
  if (resource.reference) return findReferenced(b, d, { ...resource, reference: resource.reference });
  return owned.get(resource.logicalId)?.[0];
}

/**
 * Deletes an owned object and creates the declared resource in its place: for a field Graph cannot
 * change in place, or a kind changed under the same logical ID (the old object is deleted as its own kind).
 */
function replace(
  b: PlanBuilder,
  d: KindDescriptor,
  resource: Resource,
  actual: ActualObject,
  base: Omit<ResourceChange, 'action' | 'fields' | 'assignments'>,
  fields: readonly FieldChange[],
  replaceFields: readonly string[],
): void {
  const deleted = b.deleteStep(descriptorOf(actual.kind), actual, resource.logicalId);
  b.replaced.add(actual.id);
  const createId = b.createStep(d, resource, [deleted]);
  b.assignmentSteps(d, resource, { object: { step: createId }, objectStep: createId, spec: resource.spec }, { add: resource.assignments, remove: [] }, []);
  b.actionSteps(d, resource, { step: createId }, [createId]);
  b.changes.push(extend(base, { id: actual.id, action: 'replace' as const, fields, replaceFields, assignments: { add: resource.assignments, remove: [] } }));
}

/**
 * Plans one declared resource. On a referenced object the stack owns only the assignments it
 * declares (`ownedAssignments` overrides them: destroy removes what the stack declared) and those to
 * groups it created: it adds them, removes those of its groups it no longer declares, and never
 * removes another's.
 */
function planResource(b: PlanBuilder, resource: Resource, owned: Map<string, ActualObject[]>, adopt: boolean, ownedAssignments?: readonly Assignment[]): void {
  const d = descriptorOf(resource.kind);
  const desiredSpec = d.normalize(resource.spec);
  const counterpart = findCounterpart(b, d, resource, owned);
  const base = { kind: resource.kind, logicalId: resource.logicalId, path: resource.path, displayName: resource.displayName, referenced: !!resource.reference };
  const noAssignments = { add: [], remove: [] };
  const parentBlocker = b.parentOf(d, resource);
  const nameBlockers = b.missingNames(d, resource);
  const blocker = isBlocker(counterpart) ? counterpart : isBlocker(parentBlocker) ? parentBlocker : nameBlockers[0];
  if (blocker || isBlocker(counterpart)) {
    b.blockers.push(...nameBlockers.slice(blocker === nameBlockers[0] ? 1 : 0));
    conflict(b, base, blocker ?? (counterpart as Blocker));
    return;
  }
  let actual: ActualObject | undefined = counterpart;
  let action: ResourceChange['action'] = 'unchanged';
  if (!actual) {
    const collision = b.collision(resource);
    if (collision && (collision.marker || !adopt)) {
      const blocker: Blocker = collision.marker
        ? { code: 'name-owned', path: resource.path, message: `'${resource.displayName}' already exists and belongs to stack '${collision.marker.stack}'`, fix: 'rename one of them' }
        : {
            code: 'name-unowned',
            path: resource.path,
            message: `an unowned ${d.title} named '${resource.displayName}' already exists (id ${collision.id})`,
            fix: 'run with --adopt to take it over, or choose another display name',
          };
      conflict(b, { ...base, id: collision.id }, blocker);
      return;
    }
    if (collision) {
      actual = collision;
      action = 'adopt';
    }
  }
  if (!actual) {
    const createId = b.createStep(d, resource, []);
    const fields = diffValues({}, desiredSpec);
    b.assignmentSteps(d, resource, { object: { step: createId }, objectStep: createId, spec: resource.spec }, { add: resource.assignments, remove: [] }, []);
    b.actionSteps(d, resource, { step: createId }, [createId]);
    b.changes.push(extend(base, { action: 'create' as const, fields, assignments: { add: resource.assignments, remove: [] } }));
    return;
  }
  if (actual.kind !== resource.kind) {
    replace(b, d, resource, actual, base, [{ field: 'kind', before: actual.kind, after: resource.kind }], ['kind']);
    return;
  }
  b.touched.add(actual);
  const fields: FieldChange[] = resource.reference
    ? []
    : [
        ...diffValues(actual.displayName, resource.displayName, 'displayName'),
        ...diffValues(actual.description, resource.description, 'description'),
        ...diffValues(actual.spec, desiredSpec).filter((f) => !(d.actions?.fields ?? []).includes(f.field.split('.')[0]!)),
      ];
  const spec = resource.reference ? actual.spec : resource.spec;
  const desired = canonicalAssignments(d, { ...resource, spec } as Resource, b.resolver);
  const ours = new Set((ownedAssignments ? canonicalAssignments(d, { ...resource, spec, assignments: ownedAssignments } as Resource, b.resolver) : desired).map(assignmentKey));
  const isOurs = (a: Assignment): boolean => ours.has(assignmentKey(a)) || ('group' in a.target && b.ownsGroup(a.target.group));
  const managed = actual.assignments.map((a, i) => ({ a, i })).filter(({ a }) => !resource.reference || isOurs(a));
  const keep = actual.assignments.filter((a) => resource.reference && !isOurs(a));
  const diff = diffAssignments(desired, managed.map((m) => m.a));
  const change = { add: diff.add, remove: diff.remove.map((i) => managed[i]!.i) };
  const replaceFields = resource.reference || action === 'adopt' ? [] : [...new Set(fields.map((f) => f.field.split('.')[0]!).filter((f) => d.replaceOn.includes(f)))];
  if (replaceFields.length > 0) {
    replace(b, d, resource, actual, base, fields, replaceFields);
    return;
  }
  let objectStep: string | undefined;
  const assignmentsChange = change.add.length > 0 || change.remove.length > 0;
  // An owned object's marker records a digest of its assignments too: rewrite it when they change,
  // unless it already records them (assignments changed by hand, put back as the code says).
  const markerStale = assignmentsChange && !resource.reference && actual.marker?.digest !== desiredDigest(resource);
  if (fields.length > 0 || action === 'adopt' || markerStale) {
    objectStep = b.add({
      id: `update:${resource.logicalId}`,
      title: `${action === 'adopt' ? 'adopt' : 'update'} ${d.title} '${resource.displayName}'`,
      kind: resource.kind,
      operation: 'update',
      object: { id: actual.id },
      body: b.writeBody(d, resource),
      dependsOn: [],
    });
    if (action !== 'adopt') action = 'update';
  }
  const actionSteps = b.actionSteps(d, resource, { id: actual.id }, objectStep ? [objectStep] : [], actual);
  if (actionSteps.length > 0 && action === 'unchanged') action = 'update';
  const actions = actionSteps.length > 0 ? { actions: actionSteps.map((s) => s.title) } : {};
  if (assignmentsChange) {
    const toDisplay = (a: Assignment): Assignment =>
      'group' in a.target ? { ...a, target: { ...a.target, group: b.resolver.name(a.target.group) } } : a;
    const declaredByKey = new Map(desired.map((a, i) => [JSON.stringify(a), resource.assignments[i]!]));
    const add = change.add.map((a) => declaredByKey.get(JSON.stringify(a))!);
    b.assignmentSteps(d, resource, { object: { id: actual.id }, ...(objectStep ? { objectStep } : {}), actual, spec }, { add, remove: change.remove }, keep);
    if (action === 'unchanged') action = 'update';
    b.changes.push(extend(base, { id: actual.id, action, fields, ...actions, assignments: { add, remove: change.remove.map((i) => toDisplay(actual.assignments[i]!)) } }));
    return;
  }
  b.changes.push(extend(base, { id: actual.id, action, fields, ...actions, assignments: noAssignments }));
}

function planPriorities(b: PlanBuilder, desiredOwned: Map<string, Resource[]>, deleted: Set<string>, adopted: Map<string, string>): void {
  for (const d of DESCRIPTORS as readonly KindDescriptor[]) {
    const cls = d.priorityClass;
    if (!cls) continue;
    const members = b.state.objects
      .filter((o) => o.kind === d.kind && !o.builtIn && !deleted.has(o.id))
      .sort((x, y) => (x.priority ?? 0) - (y.priority ?? 0) || x.id.localeCompare(y.id));
    const keyOfActual = (o: ActualObject): string => (o.marker?.stack === b.manifest.stack ? `lid:${o.marker.logicalId}` : adopted.get(o.id) ?? `id:${o.id}`);
    const current = [...members.map(keyOfActual), ...(b.created.get(cls) ?? []).map((lid) => `lid:${lid}`)];
    const ownedOrder = (desiredOwned.get(cls) ?? []).map((r) => `lid:${r.logicalId}`);
    const ownedSet = new Set(ownedOrder);
    const byKey = new Map(members.map((m) => [keyOfActual(m), m]));
    const classMembers = current.map((key) => ({ key, displayName: byKey.get(key)?.displayName ?? '', handMade: byKey.get(key)?.marker === undefined && !adopted.has(byKey.get(key)?.id ?? '') }));
    const placed = placeOwned(classMembers, ownedOrder, b.manifest.placement?.[cls] ?? KEEP_PLACE);
    if ('problem' in placed) {
      b.blockers.push({ code: 'placement-anchor', path: `${b.manifest.stack}/placement/${cls}`, ...placed.problem });
      continue;
    }
    const desired = placed.order;
    const names = new Map((desiredOwned.get(cls) ?? []).map((r) => [`lid:${r.logicalId}`, r.displayName]));
    const nameOf = (key: string): string => names.get(key) ?? byKey.get(key)?.displayName ?? key;
    const logicalIdOf = (key: string): string | undefined => (key.startsWith('lid:') ? key.slice(4) : undefined);
    if (ownedOrder.length > 0) {
      b.priorityOrders.push({
        priorityClass: cls,
        objects: desired.map((key, i) => {
          const logicalId = logicalIdOf(key);
          return { rank: i + 1, displayName: nameOf(key), ...(logicalId ? { logicalId } : {}), owned: ownedSet.has(key) };
        }),
      });
    }
    let previous = b.classSteps.get(cls) ?? [];
    const moves = priorityMoves(current, desired, new Set(current.filter((key) => !ownedSet.has(key))));
    if (moves.length > 0) members.forEach((m) => b.touched.add(m));
    for (const [n, move] of moves.entries()) {
      const actual = byKey.get(move.item);
      const logicalId = logicalIdOf(move.item);
      const object: ObjectRef = actual ? { id: actual.id } : { step: `create:${logicalId}` };
      const to = move.position + 1;
      const displayName = nameOf(move.item);
      const id = b.add({
        id: `priority:${cls}:${n}`,
        title: `set priority of ${d.title} '${displayName}' to ${to}`,
        kind: d.kind,
        operation: 'setPriority',
        object,
        body: { priority: storedPriority(d, to) },
        dependsOn: previous,
      });
      previous = [id];
      b.moves.push({ priorityClass: cls, displayName, to, ...(logicalId ? { logicalId } : {}), ...(actual?.priority !== undefined ? { from: priorityRank(d, actual.priority) } : {}) });
    }
  }
}

/**
 * Diffs a stack's desired state against the tenant and plans the writes: groups first, then
 * objects in dependency order, their assignments, and the fewest priority moves. Objects the
 * stack does not own are never changed or deleted; a name collision is adopted only on request.
 */
export function makePlan(manifest: Manifest, state: ActualState, options: PlanOptions): Plan {
  const b = new PlanBuilder(manifest, state);
  const declaredResources = [...manifest.resources].sort((x, y) => KIND_ORDER.get(x.kind)! - KIND_ORDER.get(y.kind)!);
  const mode = options.mode ?? 'normal';
  const resources = mode === 'destroy' ? [] : declaredResources;
  if (mode === 'normal') b.planGroups();
  const owned = new Map<string, ActualObject[]>();
  for (const o of state.objects) {
    if (o.marker?.stack === manifest.stack && !o.builtIn) owned.set(o.marker.logicalId, [...(owned.get(o.marker.logicalId) ?? []), o]);
  }
  const deleted = new Set<string>();
  const declaredKinds = new Map(resources.map((r) => [r.logicalId, r.kind]));
  for (const [logicalId, found] of owned) {
    // The object of the declared kind is the counterpart; one of another kind is replaced by planResource.
    const objects = [...found].sort((x, y) => Number(y.kind === declaredKinds.get(logicalId)) - Number(x.kind === declaredKinds.get(logicalId)));
    owned.set(logicalId, objects);
    objects.forEach((o, i) => {
      if (declaredKinds.has(logicalId) && i === 0) return;
      const d = descriptorOf(o.kind);
      b.deleteStep(d, o, logicalId);
      deleted.add(o.id);
      b.changes.push({ kind: o.kind, logicalId, displayName: o.displayName, id: o.id, referenced: false, action: 'delete', fields: [], assignments: { add: [], remove: [] } });
    });
  }
  for (const resource of resources) planResource(b, resource, owned, options.adopt === true);
  if (mode === 'destroy') {
    for (const resource of declaredResources.filter((r) => r.reference)) {
      planResource(b, { ...resource, assignments: [] }, owned, false, resource.assignments);
    }
  }
  for (const id of b.replaced) deleted.add(id);
  const adopted = new Map(b.changes.filter((c) => c.action === 'adopt' && c.id).map((c) => [c.id!, `lid:${c.logicalId}`]));
  const desiredOwned = new Map<string, Resource[]>();
  for (const r of resources) {
    const cls = descriptorOf(r.kind).priorityClass;
    if (cls && r.priority !== undefined) addTo(desiredOwned, cls, r);
  }
  for (const list of desiredOwned.values()) list.sort((x, y) => x.priority! - y.priority!);
  planPriorities(b, desiredOwned, deleted, adopted);

  const findings = options.findings ?? [];
  const blockers = [
    ...b.blockers,
    ...(options.blockers ?? []),
    ...findings.filter((f) => f.severity === 'error' && !f.suppressed).map((f): Blocker => ({ code: f.code, path: f.path, message: f.message, fix: f.fix })),
  ];
  const created = b.changes.filter((c) => c.action === 'create' || c.action === 'replace').map((c) => `names:${c.kind}`);
  const moved = b.moves.map((m) => `class:${m.priorityClass}`);
  const fingerprint = fingerprintParts(state, [...[...b.touched].map((o) => o.id), ...b.groups.map((g) => `group:${g.displayName}`), ...created, ...moved]);
  const count = (action: ResourceChange['action']) => b.changes.filter((c) => c.action === action).length;
  return {
    format: PLAN_FORMAT,
    stack: manifest.stack,
    backend: options.backend,
    mode,
    adopt: options.adopt === true,
    manifest,
    groups: b.groups,
    changes: b.changes,
    moves: b.moves,
    priorityOrders: b.priorityOrders,
    findings,
    blockers,
    steps: b.steps,
    fingerprint,
    summary: {
      create: count('create'),
      update: count('update'),
      replace: count('replace'),
      delete: count('delete'),
      adopt: count('adopt'),
      move: b.moves.length,
      groups: b.groups.filter((g) => g.action === 'create').length,
    },
  };
}
