import * as path from 'node:path';
import type { Plan } from '../../engine';
import { formatBlocker } from '../../model';
import type { LintResult } from '../../rules';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVELS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Turns a construct's `file:line` (relative to the app's directory) into the `file` and `line`
 * properties of an annotation, the file relative to the repository as GitHub expects.
 */
export type SourceLocator = (source: string | undefined) => { readonly file: string; readonly line: number } | undefined;

/** A {@link SourceLocator} for an app in `appDir`, in a repository checked out at `workspace` (GITHUB_WORKSPACE) when known. */
export function sourceLocator(appDir: string, workspace: string | undefined): SourceLocator {
  return (source) => {
    const match = source ? /^(.+):(\d+)$/.exec(source) : null;
    if (!match) return undefined;
    const file = workspace ? path.relative(workspace, path.resolve(appDir, match[1]!)).split(path.sep).join('/') : match[1]!;
    return { file, line: Number(match[2]) };
  };
}

/** A rule finding as plan and lint both report it. */
interface AnnotatedFinding {
  readonly code: string;
  readonly severity: keyof typeof LEVELS;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  readonly source?: string;
}

function findingAnnotation(f: AnnotatedFinding, stack: string, locate: SourceLocator): string {
  const at = locate(f.source);
  const where = at ? `file=${escapeProperty(at.file)},line=${at.line},` : '';
  return `::${LEVELS[f.severity]} ${where}title=${escapeProperty(`${f.code} in stack ${stack}`)}::${escapeData(`${f.path}: ${f.message}. Fix: ${f.fix}`)}\n`;
}

/**
 * GitHub Actions workflow commands (`::error`/`::warning`/`::notice`) for a plan's unsuppressed
 * rule findings, at the file and line of the construct when synth recorded it, and its blockers,
 * so they show on the run and on the pull request's changed lines.
 */
export function githubAnnotations(plan: Plan, locate: SourceLocator = () => undefined): string {
  const lines = plan.findings.filter((f) => !f.suppressed).map((f) => findingAnnotation(f, plan.stack, locate));
  const findingBlockers = new Set(plan.findings.map((f) => `${f.path}\u0000${f.code}\u0000${f.message}`));
  for (const b of plan.blockers.filter((x) => !findingBlockers.has(`${x.path}\u0000${x.code}\u0000${x.message}`))) {
    lines.push(`::error title=${escapeProperty(`apply is blocked for stack ${plan.stack}`)}::${escapeData(formatBlocker(b))}\n`);
  }
  return lines.join('');
}

/** The annotations of `enrollkit lint`: each stack's unsuppressed findings at the construct's file and line. */
export function lintAnnotations(results: readonly LintResult[], locate: SourceLocator): string {
  return results
    .flatMap((r) => r.findings.filter((f) => !f.suppressed).map((f) => findingAnnotation({ ...f, code: f.rule }, r.stack, locate)))
    .join('');
}

/** True when running as a step of a GitHub Actions job. */
export function inGithubActions(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
