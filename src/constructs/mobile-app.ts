import type { Construct } from 'constructs';
import type { AppAssignmentSettings, InstallIntent, KindName } from '../model';
import type { AssignmentTarget } from './assignment-target';
import { EnrollmentResource, type AssignmentDeclaration } from './enrollment-resource';

/** An assignment of an app: who gets it, and how. */
export interface AppAssignment {
  /** Who gets the app. */
  readonly target: AssignmentTarget;
  /**
   * `required` installs the app, `available` offers it in the Company Portal, `uninstall` removes it.
   * @default 'required'
   */
  readonly intent?: InstallIntent;
  /**
   * Per-assignment settings (store and VPP apps only), e.g. `{ uninstallOnDeviceRemoval: true }`.
   * @default - Intune's defaults
   */
  readonly settings?: AppAssignmentSettings;
}

/** An app of the stack, owned or referenced, that can be assigned. */
export interface IMobileApp {
  /** The name Intune shows. */
  readonly displayName: string;
  /** Assigns the app to a target with an intent. */
  addAssignment(assignment: AppAssignment): void;
  /** Switches a rule of domain.md off for this app, with the reason a reviewer reads. */
  suppress(rule: string, reason: string): void;
}

/** The base of app constructs: assignments carry an intent and settings. */
export abstract class MobileApp extends EnrollmentResource implements IMobileApp {
  /** The name Intune shows. */
  abstract readonly displayName: string;
  private readonly appAssignments: AppAssignment[];

  protected constructor(scope: Construct, id: string, kind: KindName, assignments: readonly AppAssignment[] = []) {
    super(scope, id, kind);
    this.appAssignments = [...assignments];
  }

  /** Assigns the app to a target with an intent (required by default). */
  addAssignment(assignment: AppAssignment): void {
    this.appAssignments.push(assignment);
  }

  /** The app's assignments, in declaration order. */
  get assignments(): readonly AppAssignment[] {
    return [...this.appAssignments];
  }

  protected assignmentDeclarations(): AssignmentDeclaration[] {
    return this.appAssignments.map((a) => ({
      target: a.target,
      intent: a.intent ?? 'required',
      ...(a.settings ? { settings: a.settings } : {}),
    }));
  }
}
