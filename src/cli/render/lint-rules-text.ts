import type { Finding, LintResult } from '../../rules';

function finding(f: Finding): string {
  const value = f.value === undefined ? '' : ` (got ${JSON.stringify(f.value)})`;
  const suppressed = f.suppressed ? ` [suppressed: ${f.suppressed.reason}]` : '';
  return `  ${f.severity} ${f.rule} ${f.path}: ${f.message}${value}. Fix: ${f.fix}. Source: ${f.sources.join(', ')}${suppressed}`;
}

/** Lint results for the terminal: each stack's findings, one per line, then a count. */
export function formatLintText(results: readonly LintResult[]): string {
  const lines = results.flatMap((result) => {
    const head = `Stack ${result.stack}: ${result.errors.length} error(s), ${result.warnings.length} warning(s), ${result.infos.length} info(s), ${result.suppressed.length} suppressed`;
    const skipped = result.skipped.length > 0 ? [`  not evaluated without tenant facts: ${result.skipped.map((s) => `${s.rule} (${s.needs.join(', ')})`).join(', ')}`] : [];
    return [head, ...result.findings.map(finding), ...skipped];
  });
  const blocking = results.some((r) => r.blocking);
  lines.push(blocking ? 'Lint failed: unsuppressed errors block apply.' : 'Lint passed.');
  return `${lines.join('\n')}\n`;
}
