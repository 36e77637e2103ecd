import { descriptorOf, type KindName } from '../../model';
import { hasChanges, hasDrift, type DriftReport, type Plan } from '../../engine';
import { describeAssignment } from './plan-text';

function value(v: unknown): string {
  return v === undefined ? '(unset)' : JSON.stringify(v);
}

/** A drift report for the terminal: what changed in the tenant outside the code, then whether the code has unapplied changes. */
export function renderDriftText(report: DriftReport, plan: Plan): string {
  const lines: string[] = [];
  if (!hasDrift(report)) lines.push(`Stack ${report.stack}: no drift. The tenant holds what apply last wrote.`);
  else lines.push(`Stack ${report.stack}: drift. ${report.edited.length + report.deleted.length + report.newcomers.length} change(s) made in the tenant outside the code:`);
  for (const e of report.edited) {
    const title = descriptorOf(e.kind).title;
    lines.push(`  ~ ${title} '${e.displayName}' (${e.path ?? e.logicalId}) was edited in the tenant${e.codeChangedToo ? ' (the code changed it too since apply)' : ''}:`);
    for (const f of e.fields) lines.push(`      ${f.field}: code ${value(f.before)}, tenant ${value(f.after)}`);
    for (const a of e.assignments.added) lines.push(`      + assignment added in the tenant: ${describeAssignment(a)}`);
    for (const a of e.assignments.removed) lines.push(`      - assignment removed in the tenant: ${describeAssignment(a)}`);
  }
  for (const d of report.deleted) {
    lines.push(`  - ${descriptorOf(d.kind).title} '${d.displayName}' (${d.path}) was deleted in the tenant; apply creates it again`);
  }
  for (const n of report.newcomers) {
    lines.push(`  ^ ${descriptorOf(n.priorityClass as KindName).title} '${n.displayName}' (not in the stack) ranks ${n.rank}, above the stack's '${n.above}'`);
  }
  if (report.untracked.length > 0) {
    lines.push(`  ${report.untracked.length} object(s) carry no record of what apply wrote (written by an older enrollkit): ${report.untracked.join(', ')}; the next apply that changes them records it.`);
  }
  if (!report.inventoryRecorded) {
    lines.push('  No apply has recorded what the stack owns yet: an object deleted in the tenant shows only as a create in the plan until the next apply.');
  }
  lines.push(hasChanges(plan) ? `The code also has changes not yet applied (${plan.steps.length} write(s)): run enrollkit plan to review them.` : 'The code has no changes waiting to be applied.');
  return `${lines.join('\n')}\n`;
}
