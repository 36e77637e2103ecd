import type { Manifest, Suppression, ValidationIssue } from '../model';
import type { SeedDocument } from './seed-documents';
import type { TenantFacts } from './tenant-facts';

/** How much a finding matters: errors block apply, warnings are shown, infos are advice. */
export type Severity = 'error' | 'warning' | 'info';

/** What a rule looks at: the stack's desired state, what the tenant holds besides, and the time. */
export interface RuleContext {
  /** The desired state of the stack. */
  readonly manifest: Manifest;
  /** What the tenant holds outside the stack (empty when unknown). */
  readonly facts: TenantFacts;
  /** The time of the check, for expiry dates. */
  readonly now: Date;
}

/** One offence a rule found on one construct. */
export interface Violation {
  /** Construct path of the offending object (or `tenant/...` for a tenant prerequisite). */
  readonly path: string;
  /** The property at fault, dotted. */
  readonly field: string;
  /** The bad value, when there is one to quote. */
  readonly value?: unknown;
  /** What is wrong with this construct. */
  readonly message: string;
  /** The fix for this construct, when it says more than the rule's. */
  readonly fix?: string;
  /** A severity below the rule's, for an early warning (EK016: expiring soon). */
  readonly severity?: Severity;
}

/** A rule of domain.md, executable. */
export interface Rule {
  /** The stable ID, `EK001`-`EK023`. */
  readonly id: string;
  /** The severity of its findings. */
  readonly severity: Severity;
  /** One line that says what the rule asks. */
  readonly title: string;
  /** Why it matters, in a sentence. */
  readonly message: string;
  /** What to do when it fires. */
  readonly fix: string;
  /** The documents the rule comes from. */
  readonly sources: readonly SeedDocument[];
  /** Tenant facts the rule cannot check without; it is reported as not evaluated when they are missing. */
  readonly needs?: readonly (keyof TenantFacts)[];
  /** Finds the offending constructs, at most one violation per construct. */
  check(context: RuleContext): readonly Violation[];
}

/** A violation as lint reports it: the rule, its severity and sources, and any suppression. */
export interface Finding extends ValidationIssue {
  /** The rule's ID. */
  readonly rule: string;
  /** The severity of this finding. */
  readonly severity: Severity;
  /** The documents the rule comes from. */
  readonly sources: readonly SeedDocument[];
  /** Set when the stack suppressed the rule on this construct; the finding is kept, with the reason. */
  readonly suppressed?: Suppression;
}
