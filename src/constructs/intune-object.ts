import type { Construct } from 'constructs';
import { isKindName, KIND_NAMES, type DeclaredSpec, type KindName } from '../model';
import { assignmentDeclarationIssues } from './assignment-declaration-issues';
import { EnrollmentResource, type AssignmentDeclaration, type PropIssue, type ResourceDeclaration, type ResourceNaming } from './enrollment-resource';
import { asList, LIST, nearestName, quoteValue, type PropShape } from './prop-check';

/** Properties of an Intune object of any kind, given as the manifest carries it. */
export interface IntuneObjectProps<K extends KindName> extends ResourceNaming {
  /** The kind of object, as manifests name it (`webClip`, `enrollmentTypeProfile`: docs/kinds.md lists them). */
  readonly kind: K;
  /** The kind's spec, field for field as the manifest carries it; the kind's schema checks it at synth. */
  readonly spec: DeclaredSpec<K>;
  /**
   * Who gets the object: a target, with an intent (`required` unless given) and settings for apps;
   * more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly AssignmentDeclaration[];
}

const PROPS: PropShape<IntuneObjectProps<KindName>> = { kind: true, displayName: true, description: true, spec: true, assignments: LIST };

/**
 * An owned Intune object of any kind of the kind registry, declared by its manifest spec: the
 * low-level construct every kind has as soon as the registry lists it, typed by the kind's spec.
 * The kind-specific constructs (`WebClip`, `EnrollmentTypeProfile`, ...) declare the same objects
 * with friendlier props, defaults and checks, and are the ones to prefer where they exist.
 */
export class IntuneObject<K extends KindName = KindName> extends EnrollmentResource<K> {
  private readonly spec: DeclaredSpec<K>;
  private readonly objectAssignments: AssignmentDeclaration[];

  constructor(scope: Construct, id: string, props: IntuneObjectProps<K>) {
    super(scope, id, props.kind, props);
    this.checkProps(props, PROPS);
    this.spec = props.spec;
    this.objectAssignments = asList(props.assignments);
  }

  /** Assigns the object to a target, with an intent and settings for apps. */
  addAssignment(assignment: AssignmentDeclaration): void {
    this.objectAssignments.push(assignment);
  }

  /** The object's assignments, in declaration order. */
  get assignments(): readonly AssignmentDeclaration[] {
    return [...this.objectAssignments];
  }

  /** Spec fields are props below `spec`. */
  override propNameOf(specField: string): string {
    return `spec.${specField}`;
  }

  /** The object as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return this.declarationOf(this.spec);
  }

  /**
   * A kind the registry does not list (with the nearest that it does), and assignments that are not
   * objects with a target from `AssignmentTarget`'s factories and no unknown keys.
   */
  protected override kindIssues(): PropIssue[] {
    return [...this.unknownKind(), ...assignmentDeclarationIssues(this.objectAssignments, 'an assignment')];
  }

  private unknownKind(): PropIssue[] {
    const kind: string = this.kind;
    if (isKindName(kind)) return [];
    const nearest = nearestName(kind, KIND_NAMES);
    return [{ field: 'kind', value: quoteValue(kind), message: 'no kind of this name', fix: nearest ? `did you mean '${nearest}'?` : `use one of ${KIND_NAMES.join(', ')}` }];
  }

  protected assignmentDeclarations(): AssignmentDeclaration[] {
    return [...this.objectAssignments];
  }
}
