import pc from 'picocolors';
import { describeTarget, descriptorOf, formatBlocker, type Assignment } from '../../model';
import type { Plan, PriorityOrder, ResourceChange } from '../../engine';
import { renderImpactText } from './impact-text';

type Paint = (text: string) => string;

/** Colours for the plan, or none. */
export interface Palette {
  readonly add: Paint;
  readonly change: Paint;
  readonly remove: Paint;
  readonly dim: Paint;
  readonly bold: Paint;
}

/** A palette that leaves text as it is. */
export const NO_COLOUR: Palette = { add: (t) => t, change: (t) => t, remove: (t) => t, dim: (t) => t, bold: (t) => t };

/** Terminal colours. */
export const TERMINAL_COLOUR: Palette = { add: pc.green, change: pc.yellow, remove: pc.red, dim: pc.dim, bold: pc.bold };

const SYMBOLS: Record<ResourceChange['action'], string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  adopt: '~',
  unchanged: ' ',
  conflict: '!',
};

/** A one-line description of an assignment: its target, filter and intent. */
export function describeAssignment(a: Assignment): string {
  const filter = 'filter' in a.target && a.target.filter ? ` (filter ${a.target.filter.mode} ${a.target.filter.id})` : '';
  return `${describeTarget(a.target)}${filter}${a.intent ? ` as ${a.intent}` : ''}`;
}

function value(v: unknown): string {
  return v === undefined ? '(unset)' : JSON.stringify(v);
}

/** The resulting order of a priority class on one line: `1 'A', 2 'B', 3 'C' (not in the stack)`. */
export function describePriorityOrder(order: PriorityOrder, quote: (name: string) => string = (name) => `'${name}'`): string {
  return order.objects.map((o) => `${o.rank} ${quote(o.displayName)}${o.owned ? '' : ' (not in the stack)'}`).join(', ');
}

/** The plan as a terminal shows it: `+`/`~`/`-` per object, field diffs, moves, findings, summary. */
export function renderPlanText(plan: Plan, paint: Palette = NO_COLOUR): string {
  const lines: string[] = [paint.bold(`Stack ${plan.stack} against ${plan.backend}`)];
  const colour = (action: ResourceChange['action']): Paint =>
    action === 'create' ? paint.add : action === 'delete' || action === 'conflict' ? paint.remove : action === 'unchanged' ? paint.dim : paint.change;
  for (const g of plan.groups.filter((x) => x.action !== 'unchanged')) {
    const line =
      g.action === 'create'
        ? paint.add(`  + Entra group '${g.displayName}' will be created`)
        : g.action === 'deduplicate'
          ? paint.change(`  ~ Entra group '${g.displayName}' was made ${(g.duplicates?.length ?? 0) + 1} times by this stack: ${g.id} is kept, ${g.duplicates?.join(', ')} will be deleted`)
          : paint.remove(`  ! Entra group '${g.displayName}' is ${g.action}`);
    lines.push(line);
  }
  for (const c of plan.changes.filter((x) => x.action !== 'unchanged')) {
    const paintIt = colour(c.action);
    const title = descriptorOf(c.kind).title;
    const id = c.path ?? c.logicalId;
    lines.push(paintIt(`  ${SYMBOLS[c.action]} ${title} '${c.displayName}' (${id}) will be ${c.action === 'adopt' ? 'adopted' : c.action === 'conflict' ? 'left alone' : `${c.action}d`}`));
    if (c.reason) lines.push(paint.remove(`      ${c.reason}`));
    if (c.replaceFields?.length) lines.push(paint.remove(`      replaced because Graph cannot change ${c.replaceFields.join(', ')} in place`));
    for (const a of c.actions ?? []) lines.push(paint.change(`      ! ${a}`));
    if (c.action !== 'delete') {
      for (const f of c.fields) {
        lines.push(c.action === 'create' ? `      ${f.field}: ${value(f.after)}` : `      ${f.field}: ${value(f.before)} -> ${value(f.after)}`);
      }
    }
    for (const a of c.assignments.add) lines.push(paint.add(`      + assign to ${describeAssignment(a)}`));
    for (const a of c.assignments.remove) lines.push(paint.remove(`      - unassign ${describeAssignment(a)}`));
  }
  for (const m of plan.moves) {
    lines.push(paint.change(`  ^ priority of ${descriptorOf(m.priorityClass as ResourceChange['kind']).title} '${m.displayName}': ${m.from ?? 'new'} -> ${m.to}`));
  }
  if (plan.priorityOrders.length > 0) {
    lines.push('', paint.bold('Priority order after apply (1 is the highest)'));
    for (const order of plan.priorityOrders) lines.push(`  ${descriptorOf(order.priorityClass as ResourceChange['kind']).title}: ${describePriorityOrder(order)}`);
  }
  lines.push(...renderImpactText(plan.impact));
  const findings = plan.findings.filter((f) => f.severity !== 'info' || !f.suppressed);
  if (findings.length > 0) {
    lines.push('', paint.bold('Rules'));
    for (const f of findings) {
      const tag = f.suppressed ? paint.dim(`${f.severity} ${f.code} (suppressed: ${f.suppressed})`) : f.severity === 'error' ? paint.remove(`error ${f.code}`) : paint.change(`${f.severity} ${f.code}`);
      lines.push(`  ${tag} ${f.path}: ${f.message}. Fix: ${f.fix}`);
    }
  }
  if (plan.blockers.length > 0) {
    lines.push('', paint.remove('Apply is blocked:'));
    for (const b of plan.blockers) lines.push(paint.remove(`  - ${formatBlocker(b)}`));
  }
  const s = plan.summary;
  lines.push(
    '',
    plan.steps.length === 0
      ? paint.add('No changes. The tenant matches the stack.')
      : paint.bold(
          `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s.adopt} to adopt, ${s.move} priority move${s.move === 1 ? '' : 's'}, ${s.groups} group${s.groups === 1 ? '' : 's'} to create (${plan.steps.length} write${plan.steps.length === 1 ? '' : 's'}).`,
        ),
  );
  return `${lines.join('\n')}\n`;
}
