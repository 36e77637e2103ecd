import { descriptorOf } from '../../model';
import type { Plan, ResourceChange } from '../../engine';
import { renderImpactMarkdown } from './impact-markdown';
import { describeAssignment } from './plan-text';

const ICONS: Record<ResourceChange['action'], string> = {
  create: '➕ create',
  update: '✏️ update',
  replace: '♻️ replace',
  delete: '🗑️ delete',
  adopt: '📥 adopt',
  unchanged: 'unchanged',
  conflict: '⛔ conflict',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The plan as a pull-request comment: summary table, details per object, rule findings. */
export function renderPlanMarkdown(plan: Plan): string {
  const s = plan.summary;
  const out: string[] = [`### enrollkit plan: \`${plan.stack}\``, '', `Backend: ${plan.backend}`, ''];
  out.push('| change | count |', '| --- | ---: |');
  for (const [label, n] of [
    ['create', s.create],
    ['update', s.update],
    ['replace', s.replace],
    ['delete', s.delete],
    ['adopt', s.adopt],
    ['priority moves', s.move],
    ['groups to create', s.groups],
  ] as const) {
    out.push(`| ${label} | ${n} |`);
  }
  out.push('');
  out.push(...renderImpactMarkdown(plan.impact));
  if (plan.steps.length === 0) out.push('**No changes.** The tenant matches the stack.', '');
  if (plan.blockers.length > 0) {
    out.push('> [!CAUTION]', '> Apply is blocked:');
    for (const b of plan.blockers) out.push(`> - ${b}`);
    out.push('');
  }
  const changed = plan.changes.filter((c) => c.action !== 'unchanged');
  if (changed.length > 0 || plan.groups.some((g) => g.action !== 'unchanged')) {
    out.push('| action | kind | name | construct |', '| --- | --- | --- | --- |');
    for (const g of plan.groups.filter((x) => x.action !== 'unchanged')) out.push(`| ${g.action} | Entra group | ${cell(g.displayName)} | \`${g.path}\` |`);
    for (const c of changed) out.push(`| ${ICONS[c.action]} | ${descriptorOf(c.kind).title} | ${cell(c.displayName)} | \`${c.path ?? c.logicalId}\` |`);
    out.push('');
  }
  for (const c of changed) {
    const details: string[] = [];
    if (c.reason) details.push(`- ${c.reason}`);
    if (c.action !== 'delete') {
      for (const f of c.fields) details.push(`- \`${f.field}\`: ${f.before === undefined ? '' : `\`${JSON.stringify(f.before)}\` → `}\`${JSON.stringify(f.after)}\``);
    }
    for (const a of c.assignments.add) details.push(`- assign to ${describeAssignment(a)}`);
    for (const a of c.assignments.remove) details.push(`- unassign ${describeAssignment(a)}`);
    if (details.length === 0) continue;
    out.push(`<details><summary>${ICONS[c.action]} ${descriptorOf(c.kind).title} <b>${c.displayName}</b></summary>`, '', ...details, '', '</details>', '');
  }
  if (plan.moves.length > 0) {
    out.push('**Priority moves**', '', '| object | from | to |', '| --- | ---: | ---: |');
    for (const m of plan.moves) out.push(`| ${cell(m.displayName)} | ${m.from ?? 'new'} | ${m.to} |`);
    out.push('');
  }
  if (plan.findings.length > 0) {
    out.push('**Rules**', '', '| severity | rule | construct | message |', '| --- | --- | --- | --- |');
    for (const f of plan.findings) {
      out.push(`| ${f.suppressed ? `${f.severity} (suppressed: ${cell(f.suppressed)})` : f.severity} | ${f.rule} | \`${f.path}\` | ${cell(f.message)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
