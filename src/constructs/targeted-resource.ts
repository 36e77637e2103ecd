import type { Construct } from 'constructs';
import type { KindName } from '../model';
import { AssignmentTarget } from './assignment-target';
import { EnrollmentResource, type AssignmentDeclaration, type PropIssue, type ResourceNaming } from './enrollment-resource';
import { asList, instanceOf } from './prop-check';

/** The kind check of an assignment target: one made by `AssignmentTarget`'s factories. */
export const ASSIGNMENT_TARGET = instanceOf(AssignmentTarget, 'AssignmentTarget.group(users) or AssignmentTarget.allUsers()');

/** The props every targeted resource shares: its names and its first targets. */
export interface TargetedResourceProps extends ResourceNaming {
  /**
   * Who gets the object; more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly AssignmentTarget[];
}

/** An object whose assignments are bare targets: profiles, restrictions, configuration policies. */
export abstract class TargetedResource<K extends KindName = KindName> extends EnrollmentResource<K> {
  private readonly targets: AssignmentTarget[];

  protected constructor(scope: Construct, id: string, kind: K, props: TargetedResourceProps) {
    super(scope, id, kind, props);
    this.targets = asList(props.assignments);
  }

  /** Assigns the object to a target (all users, all devices, a group, or an excluded group). */
  addAssignment(target: AssignmentTarget): void {
    this.targets.push(target);
  }

  /** The targets the object is assigned to, in declaration order. */
  get assignments(): readonly AssignmentTarget[] {
    return [...this.targets];
  }

  /** Every target must come from `AssignmentTarget`'s factories. */
  protected override kindIssues(): PropIssue[] {
    return this.targets.flatMap((target, i) => ASSIGNMENT_TARGET.issues(target, `assignments.${i}`));
  }

  protected assignmentDeclarations(): AssignmentDeclaration[] {
    return this.targets.map((target) => ({ target }));
  }
}
