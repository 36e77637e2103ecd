import { Construct, type IConstruct } from 'constructs';
import type { z } from 'zod';
import {
  descriptorOf,
  GroupSpecSchema,
  MANIFEST_VERSION,
  ManifestSchema,
  ResourceSchema,
  SuppressionSchema,
  UsageError,
  ValidationError,
  type CloudName,
  type GroupSpec,
  type Manifest,
  type PriorityPlacement,
  type Resource,
  type Suppression,
  type ValidationIssue,
} from '../model';
import { EntraGroup, type IEntraGroup } from './entra-group';
import { EnrollmentResource, type ResourceDeclaration } from './enrollment-resource';
import { placementRecord, type PriorityPlacements } from './placement';
import { zodIssues } from './zod-issues';

const ENROLLMENT_STACK = Symbol.for('enrollkit.EnrollmentStack');

/** A resource of the stack with what the manifest needs to know about it. */
interface Entry {
  readonly construct: EnrollmentResource;
  readonly path: string;
  readonly logicalId: string;
  readonly declaration: ResourceDeclaration;
  readonly raw: Record<string, unknown>;
}

/** Options of an {@link EnrollmentStack}. */
export interface EnrollmentStackProps {
  /**
   * Where the stack's prioritised objects sit among objects it does not own (made by hand, or by
   * other stacks in the same tenant), per priority class.
   * @default Placement.keep() for every class: nothing the stack does not own ever moves
   */
  readonly placement?: PriorityPlacements;
  /**
   * The tenant the stack belongs to, as an AWS CDK stack's `env`: a named environment that
   * `cdktf.json` resolves, an Entra tenant ID and cloud, or both. plan, apply and destroy send the
   * stack to that tenant only and refuse credentials of another one (docs/environments.md).
   * @default - no tenant: the stack goes to the backend the command selects (the embedded reference tenant by default)
   */
  readonly env?: StackEnvironmentProps;
}

/** The tenant a stack belongs to. */
export interface StackEnvironmentProps {
  /**
   * A named environment of `cdktf.json` ("environments"), which gives its tenant; its credentials
   * come from variables prefixed with the name in capitals (`prod`: `PROD_AZURE_CLIENT_ID`, ...).
   * @default - no name: `tenantId` must be given
   */
  readonly name?: string;
  /**
   * The Entra tenant ID (a GUID).
   * @default - the tenant ID the named environment gives
   */
  readonly tenantId?: string;
  /**
   * The Microsoft cloud of the tenant.
   * @default - the named environment's, else 'public'
   */
  readonly cloud?: CloudName;
}

/**
 * The desired state of one tenant's enrollment configuration: the root of the objects that one
 * manifest carries. The construct's id is the stack's name, which every owned object's ownership
 * marker records.
 *
 * Priority: enrollment type profiles, platform restrictions and device limit restrictions are
 * ranked in declaration order (the first declared is priority 1), unless `setPriorityOrder`
 * states the order of that class explicitly.
 */
export class EnrollmentStack extends Construct {
  /** True when `x` is an `EnrollmentStack`. */
  static isEnrollmentStack(x: unknown): x is EnrollmentStack {
    return typeof x === 'object' && x !== null && ENROLLMENT_STACK in x;
  }

  /** The stack a construct belongs to; throws a `UsageError` when it is not inside one. */
  static of(construct: IConstruct): EnrollmentStack {
    const stack = EnrollmentStack.enclosing(construct);
    if (!stack) {
      throw new UsageError(
        `the construct '${construct.node.path}' is not inside an EnrollmentStack. Fix: create it with an EnrollmentStack (or a construct below one) as its scope.`,
      );
    }
    return stack;
  }

  /** The innermost stack around a construct (the construct itself when it is a stack), if any. */
  private static enclosing(construct: IConstruct): EnrollmentStack | undefined {
    return [...construct.node.scopes].reverse().find((s): s is EnrollmentStack => EnrollmentStack.isEnrollmentStack(s));
  }

  /** The stack's name in manifests and ownership markers. */
  readonly stackName: string;
  private readonly suppressionList: Suppression[] = [];
  private readonly priorityOrders: (readonly EnrollmentResource[])[] = [];

  private readonly placement: Record<string, PriorityPlacement>;

  /** The tenant the stack belongs to, as declared; undefined for a stack of no particular tenant. */
  readonly env?: StackEnvironmentProps;

  constructor(scope: Construct, id: string, props: EnrollmentStackProps = {}) {
    super(scope, id);
    Object.defineProperty(this, ENROLLMENT_STACK, { value: true });
    this.stackName = id;
    this.placement = placementRecord(props.placement ?? {});
    if (props.env !== undefined) this.env = { ...props.env };
  }

  /** Switches a rule of domain.md off for the whole stack, with the reason a reviewer reads. */
  suppress(rule: string, reason: string): void {
    this.suppressionList.push({ rule, reason });
  }

  /**
   * States the priority order of one class of prioritised objects (enrollment type profiles,
   * platform restrictions or device limit restrictions), highest first. The list must name every
   * object of that class in the stack exactly once. Without it, declaration order decides.
   */
  setPriorityOrder(resources: readonly EnrollmentResource[]): void {
    this.priorityOrders.push([...resources]);
  }

  /**
   * The stack's manifest. Every problem in the tree is collected first and thrown at once as a
   * `ValidationError`, each issue with its construct path, field, bad value and fix.
   */
  toManifest(): Manifest {
    const issues: ValidationIssue[] = [];
    const entries = this.resources().flatMap((construct) => this.entryOf(construct, issues));
    const groups = this.groups(entries, issues);
    this.checkUniqueness(entries, issues);
    const priorities = this.priorities(entries, issues);
    this.suppressionList.forEach((s, i) => {
      const parsed = SuppressionSchema.safeParse(s, { reportInput: true });
      if (!parsed.success) issues.push(...zodIssues(parsed.error.issues, this.node.path, { prefix: `suppressions.${i}` }));
    });

    const resources: Resource[] = [];
    for (const entry of entries) {
      const priority = priorities.get(entry.construct);
      const parsed = ResourceSchema.safeParse({ ...entry.raw, ...(priority ? { priority } : {}) }, { reportInput: true });
      if (parsed.success) resources.push(parsed.data);
      else issues.push(...this.resourceIssues(entry, parsed.error.issues, issues));
    }
    const manifest = ManifestSchema.safeParse(
      {
        version: MANIFEST_VERSION,
        stack: this.stackName,
        groups,
        resources,
        suppressions: this.suppressionList,
        ...(Object.keys(this.placement).length > 0 ? { placement: this.placement } : {}),
        ...(this.env ? { environment: this.env } : {}),
      },
      { reportInput: true },
    );
    if (manifest.success && issues.length === 0) return manifest.data;
    if (!manifest.success) {
      const own = zodIssues(manifest.error.issues, this.node.path);
      issues.push(...own.filter((i) => i.field === 'stack').map((i) => ({ ...i, field: 'id' })));
      issues.push(...own.filter((i) => i.field === 'environment' || i.field.startsWith('environment.')).map((i) => ({ ...i, field: i.field.replace(/^environment/, 'env') })));
    }
    throw new ValidationError(this.inTreeOrder(issues));
  }

  /** Issues sorted by their construct's place in the tree (stable within one construct). */
  private inTreeOrder(issues: readonly ValidationIssue[]): ValidationIssue[] {
    const rank = new Map(this.node.findAll().map((c, i) => [c.node.path, i]));
    const rankOf = (issue: ValidationIssue): number => rank.get(issue.path) ?? rank.size;
    return [...issues].sort((a, b) => rankOf(a) - rankOf(b));
  }

  /** The enrollment resources of this stack (not of a stack nested in it), in declaration order. */
  private resources(): EnrollmentResource[] {
    return this.node
      .findAll()
      .filter((c): c is EnrollmentResource => EnrollmentResource.isEnrollmentResource(c))
      .filter((c) => EnrollmentStack.enclosing(c) === this);
  }

  private logicalIdOf(construct: EnrollmentResource): string {
    const scopes = construct.node.scopes;
    return construct.overriddenLogicalId ?? scopes.slice(scopes.indexOf(this) + 1).map((s) => s.node.id).join('/');
  }

  /** The construct's entry, or none when a prop is of the wrong kind to be read (reported in `issues`). */
  private entryOf(construct: EnrollmentResource, issues: ValidationIssue[]): Entry[] {
    const path = construct.node.path;
    const check = construct.propCheck();
    issues.push(...check.issues.map((issue) => ({ path, ...issue })));
    if (check.wrongKind) return [];
    const declaration = construct.toDeclaration();
    issues.push(...construct.validateProps().map((issue) => ({ path, ...issue })));
    const raw: Record<string, unknown> = {
      kind: declaration.kind,
      logicalId: this.logicalIdOf(construct),
      path,
      displayName: declaration.displayName,
      description: declaration.description,
      spec: declaration.spec,
      assignments: declaration.assignments.map((a) => ({
        target: a.target.toSpec(),
        ...(a.intent !== undefined ? { intent: a.intent } : {}),
        ...(a.settings !== undefined ? { settings: a.settings } : {}),
      })),
      ...(declaration.reference ? { reference: declaration.reference } : {}),
      suppressions: construct.suppressions,
    };
    return [{ construct, path, logicalId: String(raw.logicalId), declaration, raw }];
  }

  /**
   * zod's findings on a resource, named by prop, minus those reported already: by the construct,
   * or, for the name of a group construct a target passes, by the group at its own path.
   */
  private resourceIssues(entry: Entry, found: readonly z.core.$ZodIssue[], reported: readonly ValidationIssue[]): ValidationIssue[] {
    const already = new Set(reported.filter((i) => i.path === entry.path).map((i) => i.field));
    entry.declaration.assignments.forEach((a, i) => {
      if (typeof a.target.group === 'object') already.add(`assignments.${i}.target.group`);
    });
    const inSpec = found.filter((i) => i.path[0] === 'spec').map((i) => ({ ...i, path: i.path.slice(1) }));
    return [
      ...zodIssues(inSpec, entry.path, { rename: (f) => entry.construct.propNameOf(f) }),
      ...zodIssues(found.filter((i) => i.path[0] !== 'spec'), entry.path),
    ].filter((i) => !already.has(i.field));
  }

  /** The groups the manifest lists: the stack's group constructs and every group its targets name. */
  private groups(entries: readonly Entry[], issues: ValidationIssue[]): GroupSpec[] {
    const byName = new Map<string, { group: IEntraGroup; spec: GroupSpec }>();
    const add = (group: IEntraGroup, path: string): void => {
      const spec = this.groupSpecOf(group);
      const existing = byName.get(spec.displayName);
      if (!existing) {
        byName.set(spec.displayName, { group, spec });
        return;
      }
      if (existing.spec.path === spec.path || (!existing.spec.declared && !spec.declared)) return;
      issues.push({
        path,
        field: 'displayName',
        value: spec.displayName,
        message: `another group of this stack has the same display name (${existing.spec.path})`,
        fix: 'declare or reference each group once and pass that construct to every target',
      });
    };
    this.node
      .findAll()
      .filter((c) => EntraGroup.isEntraGroup(c))
      .forEach((g) => add(g, g.node.path));
    for (const entry of entries) {
      for (const [i, assignment] of entry.declaration.assignments.entries()) {
        const group = assignment.target.group;
        if (group !== undefined && typeof group !== 'string') add(group, entry.path);
        if (typeof group === 'string' && group !== '' && !byName.has(group)) {
          issues.push({
            path: entry.path,
            field: `assignments.${i}.target.group`,
            value: group,
            message: 'the target names a group that the stack neither declares nor references',
            fix: `declare it with new EntraGroup(stack, id, { displayName: ${JSON.stringify(group)} }), reference it with EntraGroup.fromDisplayName(stack, id, ${JSON.stringify(group)}), or pass the group construct instead of its name`,
          });
        }
      }
    }
    for (const { group, spec } of byName.values()) {
      const own = (group.validateProps?.() ?? []).map((issue) => ({ path: spec.path, ...issue }));
      issues.push(...own);
      const parsed = GroupSpecSchema.safeParse(spec, { reportInput: true });
      if (!parsed.success) issues.push(...zodIssues(parsed.error.issues, spec.path).filter((i) => !own.some((o) => o.field === i.field)));
    }
    return [...byName.values()].map((g) => g.spec).sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0));
  }

  /** A group construct of another stack is only a reference here: that stack owns it. */
  private groupSpecOf(group: IEntraGroup): GroupSpec {
    const spec = group.toGroupSpec();
    const owner = group instanceof Construct ? EnrollmentStack.enclosing(group) : undefined;
    if (!spec.declared || owner === undefined || owner === this) return spec;
    return { displayName: spec.displayName, declared: false, path: spec.path, members: spec.members };
  }

  private checkUniqueness(entries: readonly Entry[], issues: ValidationIssue[]): void {
    const seen = new Map<string, Entry>();
    for (const entry of entries) {
      const reference = entry.raw.reference as { field: string; value: string } | undefined;
      const title = descriptorOf(entry.construct.kind).title;
      const nameKey = reference
        ? `${entry.construct.kind} reference ${reference.field}=${reference.value}`
        : `${entry.construct.kind} name ${String(entry.raw.displayName)}`;
      const first = seen.get(nameKey);
      if (first && reference) {
        issues.push({
          path: entry.path,
          field: reference.field,
          value: reference.value,
          message: `this ${title} is referenced twice (also at ${first.path})`,
          fix: 'reference it once and add every assignment to that reference',
        });
      } else if (first) {
        issues.push({
          path: entry.path,
          field: 'displayName',
          value: entry.raw.displayName,
          message: `another ${title} of this stack has the same display name (${first.path})`,
          fix: `give each ${title} its own display name`,
        });
      } else {
        seen.set(nameKey, entry);
      }
      const idKey = `logicalId ${entry.logicalId}`;
      const sameId = seen.get(idKey);
      if (sameId) {
        issues.push({
          path: entry.path,
          field: 'logicalId',
          value: entry.logicalId,
          message: `the logical ID is also that of ${sameId.path}`,
          fix: 'give overrideLogicalId a value no other construct of the stack has, or remove the override',
        });
      } else {
        seen.set(idKey, entry);
      }
    }
  }

  /** Priority 1..n within each priority class: declaration order, or the order set explicitly. */
  private priorities(entries: readonly Entry[], issues: ValidationIssue[]): Map<EnrollmentResource, number> {
    const classOf = (r: EnrollmentResource): string | undefined => descriptorOf(r.kind).priorityClass;
    const byClass = new Map<string, EnrollmentResource[]>();
    for (const { construct } of entries) {
      const priorityClass = classOf(construct);
      if (priorityClass) byClass.set(priorityClass, [...(byClass.get(priorityClass) ?? []), construct]);
    }
    for (const order of this.priorityOrders) {
      const problem = this.priorityOrderProblem(order, byClass);
      if (problem) {
        issues.push({ path: this.node.path, field: 'setPriorityOrder', value: order.map((r) => r.node.path), ...problem });
        continue;
      }
      const first = order[0];
      const priorityClass = first ? classOf(first) : undefined;
      if (priorityClass) byClass.set(priorityClass, [...order]);
    }
    const priorities = new Map<EnrollmentResource, number>();
    for (const ranked of byClass.values()) ranked.forEach((r, i) => priorities.set(r, i + 1));
    return priorities;
  }

  private priorityOrderProblem(order: readonly EnrollmentResource[], byClass: ReadonlyMap<string, readonly EnrollmentResource[]>): { message: string; fix: string } | undefined {
    const first = order[0];
    if (!first) return { message: 'the priority order is empty', fix: 'list the objects of one class, highest priority first' };
    const priorityClass = descriptorOf(first.kind).priorityClass;
    if (!priorityClass) {
      return { message: `a ${descriptorOf(first.kind).title} has no priority`, fix: 'list only enrollment type profiles, platform restrictions or device limit restrictions' };
    }
    const strangers = order.filter((r) => descriptorOf(r.kind).priorityClass !== priorityClass || EnrollmentStack.enclosing(r) !== this);
    if (strangers.length > 0) {
      return {
        message: `the order mixes classes or names objects of another stack (${strangers.map((r) => r.node.path).join(', ')})`,
        fix: `list only ${descriptorOf(first.kind).title}s of this stack in one call`,
      };
    }
    const all = byClass.get(priorityClass) ?? [];
    const missing = all.filter((r) => !order.includes(r));
    if (missing.length > 0 || new Set(order).size !== order.length) {
      return {
        message: `the order must name every ${descriptorOf(first.kind).title} of the stack exactly once${missing.length ? ` (missing ${missing.map((r) => r.node.path).join(', ')})` : ''}`,
        fix: 'list each of them once, highest priority first',
      };
    }
    return undefined;
  }
}
