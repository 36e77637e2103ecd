import { Construct } from 'constructs';
import type { AppAssignmentSettings, DeclaredSpec, InstallIntent, KindName, Suppression, ValidationIssue } from '../model';
import type { AssignmentTarget } from './assignment-target';
import { declaredAt } from './declared-at';
import { checkProps, type PropCheck, type PropShape } from './prop-check';

const ENROLLMENT_RESOURCE = Symbol.for('enrollkit.EnrollmentResource');

/** The names every owned or referenced object carries. */
export interface ResourceNaming {
  /** The name Intune shows. */
  readonly displayName: string;
  /**
   * What the object is for.
   * @default - no description
   */
  readonly description?: string;
}

/** A problem in a construct's props, before the stack adds the construct path. */
export type PropIssue = Omit<ValidationIssue, 'path'>;

/** One assignment as a construct declares it. */
export interface AssignmentDeclaration {
  /** Who gets the object. */
  readonly target: AssignmentTarget;
  /** How an app is deployed; apps only. */
  readonly intent?: InstallIntent;
  /** Per-assignment settings; store and VPP apps only. */
  readonly settings?: AppAssignmentSettings;
}

/** What a construct of one kind contributes to its stack's manifest, before validation. */
export interface KindDeclaration<K extends KindName> {
  /** The kind of object. */
  readonly kind: K;
  /** The name Intune shows. */
  readonly displayName: string;
  /** The description (the ownership marker is added on write). */
  readonly description: string;
  /** The kind's spec (typed by the kind registry), validated by the kind's schema at synth. */
  readonly spec: DeclaredSpec<K>;
  /** Who gets the object. */
  readonly assignments: readonly AssignmentDeclaration[];
  /** For an object referenced rather than owned: the field and value that find it. */
  readonly reference?: { readonly field: string; readonly value: string };
}

/** What a construct contributes to its stack's manifest, before validation: one variant per kind. */
export type ResourceDeclaration = { [K in KindName]: KindDeclaration<K> }[KindName];

/**
 * The base of every construct that becomes an object of the manifest: an owned Intune object
 * or a reference to one that exists already. `K` is its kind in the registry, which types its spec.
 */
export abstract class EnrollmentResource<K extends KindName = KindName> extends Construct {
  /** True when `x` is an enrollment resource construct. */
  static isEnrollmentResource(x: unknown): x is EnrollmentResource {
    return typeof x === 'object' && x !== null && ENROLLMENT_RESOURCE in x;
  }

  /** The kind of Intune object. */
  readonly kind: K;
  /** The name Intune shows. */
  readonly displayName: string;
  /** What the object is for (the ownership marker is added on write). */
  protected readonly description: string;
  /** Where the app created the construct (`file:line`), when the stack trace shows it. */
  readonly declaredAt: string | undefined;
  private readonly suppressionList: Suppression[] = [];
  private readonly propChecks: PropCheck[] = [];
  private logicalIdOverride: string | undefined;

  protected constructor(scope: Construct, id: string, kind: K, naming: ResourceNaming) {
    super(scope, id);
    Object.defineProperty(this, ENROLLMENT_RESOURCE, { value: true });
    this.kind = kind;
    this.declaredAt = declaredAt();
    this.displayName = naming.displayName;
    this.description = naming.description ?? '';
  }

  /**
   * Checks the props the app passed against the construct's shape (unknown props, values of the
   * wrong kind); the stack reports the problems at synth with the construct path.
   */
  protected checkProps<P>(props: P, shape: PropShape<P>): void {
    this.propChecks.push(checkProps(props, shape, this.constructor.name));
  }

  /** Values added after construction that are of the wrong kind, such as an assignment that is not an `AssignmentTarget`. */
  protected kindIssues(): PropIssue[] {
    return [];
  }

  /**
   * Unknown props and values of the wrong kind, read by the stack at synth before anything else:
   * when a value is of the wrong kind, the construct is reported and not declared.
   */
  propCheck(): PropCheck {
    const kinds = this.kindIssues();
    return {
      issues: [...this.propChecks.flatMap((c) => c.issues), ...kinds],
      wrongKind: kinds.length > 0 || this.propChecks.some((c) => c.wrongKind),
    };
  }

  /**
   * Switches a rule of domain.md off for this object. The reason is shown in plan and lint, so
   * write it for a reviewer.
   */
  suppress(rule: string, reason: string): void {
    this.suppressionList.push({ rule, reason });
  }

  /**
   * Keeps the object's identity when the construct moves in the tree. The logical ID is
   * otherwise the construct path relative to the stack; when it changes, plan deletes the object of
   * the old ID and creates a new one.
   */
  overrideLogicalId(logicalId: string): void {
    this.logicalIdOverride = logicalId;
  }

  /** The logical ID set with `overrideLogicalId`, if any. */
  get overriddenLogicalId(): string | undefined {
    return this.logicalIdOverride;
  }

  /** The rules switched off on this object. */
  get suppressions(): readonly Suppression[] {
    return [...this.suppressionList];
  }

  /** The object as the manifest will carry it, before validation; read by the stack at synth. */
  abstract toDeclaration(): ResourceDeclaration;

  /** The object's assignments as the manifest will carry them. */
  protected abstract assignmentDeclarations(): AssignmentDeclaration[];

  /** The declaration of this object with the kind's `spec`: names, kind and assignments come from the construct. */
  protected declarationOf(spec: DeclaredSpec<K>, reference?: ResourceDeclaration['reference']): ResourceDeclaration {
    const declaration: KindDeclaration<K> = {
      kind: this.kind,
      displayName: this.displayName,
      description: this.description,
      spec,
      assignments: this.assignmentDeclarations(),
      ...(reference ? { reference } : {}),
    };
    return declaration as unknown as ResourceDeclaration;
  }

  /** Problems the kind's schema cannot see; each names the prop at fault. */
  validateProps(): PropIssue[] {
    return [];
  }

  /** Prop names of spec fields whose prop is named differently, so issues name what the user wrote. */
  propNameOf(specField: string): string {
    return specField;
  }
}
