import type { Manifest, Suppression } from '../model';
import type { Finding, Rule, Violation } from './rule';
import { RULES } from './rules';
import type { TenantFacts } from './tenant-facts';

/** A rule that checked nothing because the tenant facts it needs were not given. */
export interface SkippedRule {
  /** The rule's ID. */
  readonly rule: string;
  /** The facts it needs. */
  readonly needs: readonly (keyof TenantFacts)[];
}

/** The outcome of linting one stack. */
export interface LintResult {
  /** The stack linted. */
  readonly stack: string;
  /** Every finding, suppressed ones included, in rule order. */
  readonly findings: readonly Finding[];
  /** Unsuppressed errors: each blocks apply. */
  readonly errors: readonly Finding[];
  /** Unsuppressed warnings. */
  readonly warnings: readonly Finding[];
  /** Unsuppressed advice. */
  readonly infos: readonly Finding[];
  /** Findings the stack suppressed, with the reason. */
  readonly suppressed: readonly Finding[];
  /** Rules that could not check anything without tenant facts. */
  readonly skipped: readonly SkippedRule[];
  /** True when an unsuppressed error blocks apply. */
  readonly blocking: boolean;
}

/** Options of {@link lint}. */
export interface LintOptions {
  /**
   * The time expiry dates are compared with.
   * @default the current time
   */
  readonly now?: Date;
  /**
   * The rules to run.
   * @default RULES
   */
  readonly rules?: readonly Rule[];
}

/** Finds the suppression of a rule on a construct path, or in the whole stack. */
type SuppressionLookup = (rule: string, path: string) => Suppression | undefined;

function suppressionLookup(manifest: Manifest): SuppressionLookup {
  const byPath = new Map<string, readonly Suppression[]>();
  for (const r of manifest.resources) if (!byPath.has(r.path)) byPath.set(r.path, r.suppressions);
  return (rule, path) => byPath.get(path)?.find((s) => s.rule === rule) ?? manifest.suppressions.find((s) => s.rule === rule);
}

function toFinding(suppressionFor: SuppressionLookup, sourceOf: ReadonlyMap<string, string>, rule: Rule, violation: Violation): Finding {
  const suppressed = suppressionFor(rule.id, violation.path);
  const source = sourceOf.get(violation.path);
  return {
    rule: rule.id,
    severity: violation.severity ?? rule.severity,
    sources: rule.sources,
    path: violation.path,
    field: violation.field,
    ...(violation.value === undefined ? {} : { value: violation.value }),
    message: `${violation.message}: ${rule.message}`,
    fix: violation.fix ?? rule.fix,
    ...(source ? { source } : {}),
    ...(suppressed ? { suppressed } : {}),
  };
}

/**
 * Checks a stack's desired state against the rules of domain.md, with what the tenant holds
 * outside the stack when known. Findings on a construct that suppresses the rule (or in a stack
 * that suppresses it) are kept, marked suppressed, and do not block.
 */
export function lint(manifest: Manifest, facts: TenantFacts = {}, options: LintOptions = {}): LintResult {
  const context = { manifest, facts, now: options.now ?? new Date() };
  const rules = options.rules ?? RULES;
  const suppressionFor = suppressionLookup(manifest);
  const sourceOf = new Map(manifest.resources.flatMap((r) => (r.source ? [[r.path, r.source] as const] : [])));
  const findings = rules.flatMap((rule) => rule.check(context).map((v) => toFinding(suppressionFor, sourceOf, rule, v)));
  const skipped = rules.flatMap((rule) => {
    const missing = (rule.needs ?? []).filter((key) => facts[key] === undefined);
    return missing.length > 0 ? [{ rule: rule.id, needs: missing }] : [];
  });
  const active = findings.filter((f) => !f.suppressed);
  const errors = active.filter((f) => f.severity === 'error');
  return {
    stack: manifest.stack,
    findings,
    errors,
    warnings: active.filter((f) => f.severity === 'warning'),
    infos: active.filter((f) => f.severity === 'info'),
    suppressed: findings.filter((f) => f.suppressed),
    skipped,
    blocking: errors.length > 0,
  };
}
