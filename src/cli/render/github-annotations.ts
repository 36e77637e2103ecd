import type { Plan } from '../../engine';
import { formatBlocker } from '../../model';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVELS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands (`::error`/`::warning`/`::notice`) for a plan's unsuppressed
 * rule findings and its blockers, so they show on the run and the pull request.
 */
export function githubAnnotations(plan: Plan): string {
  const lines = plan.findings
    .filter((f) => !f.suppressed)
    .map((f) => `::${LEVELS[f.severity]} title=${escapeProperty(`${f.code} in stack ${plan.stack}`)}::${escapeData(`${f.path}: ${f.message}. Fix: ${f.fix}`)}`);
  const findingBlockers = new Set(plan.findings.map((f) => `${f.path}\u0000${f.code}\u0000${f.message}`));
  for (const b of plan.blockers.filter((x) => !findingBlockers.has(`${x.path}\u0000${x.code}\u0000${x.message}`))) {
    lines.push(`::error title=${escapeProperty(`apply is blocked for stack ${plan.stack}`)}::${escapeData(formatBlocker(b))}`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** True when running as a step of a GitHub Actions job. */
export function inGithubActions(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
