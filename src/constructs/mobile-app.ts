import type { Construct } from 'constructs';
import type { AppAssignmentSettings, InstallIntent, KindName } from '../model';
import type { AssignmentTarget } from './assignment-target';
import { assignmentSettingsIssues } from './assignment-settings-issues';
import { EnrollmentResource, type AssignmentDeclaration, type PropIssue, type ResourceNaming } from './enrollment-resource';
import { asList } from './prop-check';
import { assignmentDeclarationIssues } from './assignment-declaration-issues';

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
   * Per-assignment settings, e.g. `{ uninstallOnDeviceRemoval: true }`. Store and VPP apps only;
   * `useDeviceLicensing` and `preventAutoAppUpdate` are for VPP apps alone.
   * @default - Intune's defaults
   */
  readonly settings?: AppAssignmentSettings;
}

/**
 * The per-assignment settings an app's Graph settings type carries: all of them (VPP apps), all
 * but the VPP-only ones (store apps), or none (web clips).
 */
export type AssignmentSettingsSupport = 'vpp' | 'store' | 'none';

/** The props every app construct shares: its names and its first assignments. */
export interface MobileAppProps extends ResourceNaming {
  /**
   * Who gets the app; more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly AppAssignment[];
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
export abstract class MobileApp<K extends KindName = KindName> extends EnrollmentResource<K> implements IMobileApp {
  /** The assignment settings the app's Graph settings type carries; others are reported at synth. */
  protected abstract readonly settingsSupport: AssignmentSettingsSupport;
  private readonly appAssignments: AppAssignment[];

  protected constructor(scope: Construct, id: string, kind: K, props: MobileAppProps) {
    super(scope, id, kind, props);
    this.appAssignments = asList(props.assignments);
  }

  /** Assigns the app to a target with an intent (required by default). */
  addAssignment(assignment: AppAssignment): void {
    this.appAssignments.push(assignment);
  }

  /** The app's assignments, in declaration order. */
  get assignments(): readonly AppAssignment[] {
    return [...this.appAssignments];
  }

  /** Every assignment must be an object with a target from `AssignmentTarget`'s factories and no unknown keys. */
  protected override kindIssues(): PropIssue[] {
    return assignmentDeclarationIssues(this.appAssignments, 'an app assignment');
  }

  /** Settings the app's kind cannot carry, such as VPP-only settings on a store app. */
  override validateProps(): PropIssue[] {
    return this.appAssignments.flatMap((a, i) => assignmentSettingsIssues(a.settings, i, this.settingsSupport));
  }

  protected assignmentDeclarations(): AssignmentDeclaration[] {
    return this.appAssignments.map((a) => ({
      target: a.target,
      intent: a.intent ?? 'required',
      ...(a.settings ? { settings: a.settings } : {}),
    }));
  }
}
