/** Stable error codes, one per family of failure. */
export type ErrorCode = 'EK_VALIDATION' | 'EK_BACKEND' | 'EK_APPLY' | 'EK_USAGE' | 'EK_STALE_PLAN' | 'EK_LOCKED' | 'EK_WRONG_TENANT' | 'EK_INVALID_PLAN';

/** The root of every error enrollkit throws on purpose. */
export class EnrollkitError extends Error {
  /** A stable code that scripts may branch on. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem found in a desired state: where it is, what is wrong, and how to fix it. */
export interface ValidationIssue {
  /** Construct path (or manifest path) of the offending object. */
  readonly path: string;
  /** The property at fault, dotted (`platformRestriction.osMinimumVersion`). */
  readonly field: string;
  /** The bad value, as given. */
  readonly value?: unknown;
  /** What is wrong. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  /** The rule of domain.md this issue enforces, when there is one. */
  readonly rule?: string;
  /** Where in the app the offending object is declared (`main.ts:12`), when known. */
  readonly source?: string;
}

/** Renders one issue as a single line that quotes the bad value and says the fix. */
export function formatIssue(issue: ValidationIssue): string {
  const value = issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`;
  const rule = issue.rule ? `${issue.rule} ` : '';
  const source = issue.source ? ` (${issue.source})` : '';
  return `${issue.path}${source}: ${rule}${issue.field}: ${issue.message}${value}. Fix: ${issue.fix}`;
}

/** Every problem of a desired state, collected across the whole tree and thrown once. */
export class ValidationError extends EnrollkitError {
  /** All problems found, in tree order. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const lines = issues.map((i) => `  - ${formatIssue(i)}`);
    super('EK_VALIDATION', `${issues.length} problem${issues.length === 1 ? '' : 's'} in the desired state:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}

/** A backend (Graph, the reference server) refused or failed a request. */
export class BackendError extends EnrollkitError {
  /** HTTP status, when the backend answered. */
  readonly status: number | undefined;
  /** Graph's `request-id`, to quote to support. */
  readonly requestId: string | undefined;

  constructor(message: string, options: { status?: number; requestId?: string } = {}) {
    super('EK_BACKEND', message);
    this.status = options.status;
    this.requestId = options.requestId;
  }
}

/** enrollkit was used wrongly: an unknown option value, a missing file, a library call on the wrong construct. */
export class UsageError extends EnrollkitError {
  constructor(message: string) {
    super('EK_USAGE', message);
  }
}

/** Why apply must not run a plan, as data: a stable code, the construct path, what is wrong and the fix. */
export interface Blocker {
  /** Stable code: a rule ID (`EK009`) for a rule error, otherwise a kebab-case name (`group-missing`). */
  readonly code: string;
  /** Construct path (or `tenant/...` for what the tenant holds). */
  readonly path: string;
  /** What is wrong, quoting the values at fault. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** One blocker as a single line. */
export function formatBlocker(b: Blocker): string {
  return `${b.path}: ${b.message}. Fix: ${b.fix}`;
}

/** A plan that apply must not run: missing groups, name conflicts, rule errors, missing permissions. */
export class PlanBlockedError extends EnrollkitError {
  /** Why, with the fix. */
  readonly blockers: readonly Blocker[];

  constructor(stack: string, blockers: readonly Blocker[]) {
    super('EK_APPLY', `the plan for stack '${stack}' is blocked; nothing was changed:\n${blockers.map((b) => `  - ${formatBlocker(b)}`).join('\n')}`);
    this.blockers = blockers;
  }
}

/** A saved plan no longer matches the tenant it was made against. */
export class StalePlanError extends EnrollkitError {
  constructor(message: string) {
    super('EK_STALE_PLAN', message);
  }
}

/** A tenant as messages name it: its Entra tenant ID and, when known, its organization's display name. */
export interface TenantRef {
  /** Entra tenant ID (GUID). */
  readonly id: string;
  /** The organization's display name, when the backend gives it. */
  readonly displayName?: string;
}

/** The backend opens another tenant than the one a stack or a saved plan is bound to; nothing was read or written. */
export class WrongTenantError extends EnrollkitError {
  /** The tenant the stack or plan belongs to. */
  readonly expected: TenantRef;
  /** The tenant the credentials open. */
  readonly actual: TenantRef;

  constructor(message: string, expected: TenantRef, actual: TenantRef) {
    super('EK_WRONG_TENANT', message);
    this.expected = expected;
    this.actual = actual;
  }
}

/** A saved plan file that is not what `plan --out` wrote for the tenant: edited, or not derived from its own changes. */
export class InvalidPlanError extends EnrollkitError {
  /** Every problem found, one line each. */
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[]) {
    const lines = problems.map((p) => `  - ${p}`).join('\n');
    super('EK_INVALID_PLAN', `the plan file '${file}' is refused; nothing was changed:\n${lines}\nFix: do not edit saved plans; make a new one with 'enrollkit plan --out ${file}' and review it.`);
    this.problems = problems;
  }
}

/** Another run holds the lock of the stack in the tenant. */
export class StackLockedError extends EnrollkitError {
  /** Who holds the lock (user, host and process, or the CI run). */
  readonly holder: string;
  /** Since when, ISO 8601. */
  readonly since: string;

  constructor(message: string, holder: string, since: string) {
    super('EK_LOCKED', message);
    this.holder = holder;
    this.since = since;
  }
}
