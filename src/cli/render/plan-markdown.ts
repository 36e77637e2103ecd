import { descriptorOf, formatBlocker, type KindName } from '../../model';
import type { Plan, PlanFinding, PriorityOrder, ResourceChange } from '../../engine';
import { escapeMarkdown } from './escape-markdown';
import { renderImpactMarkdown } from './impact-markdown';
import { describeAssignment } from './plan-text';

/** GitHub refuses issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Choices for {@link renderPlanMarkdown}. */
export interface MarkdownOptions {
  /** The most characters the Markdown may have (default: GitHub's comment limit less room for a header). */
  readonly budget?: number;
  /** Where the full plan is, for the note on what was left out. */
  readonly fullPlan?: string;
}

const DEFAULT_BUDGET = GITHUB_COMMENT_LIMIT - 1_536;
const DEFAULT_FULL_PLAN = 'the JSON plan (`enrollkit plan --format json`, or the file `enrollkit plan --out` saves)';
const NOTE_ROOM = 600;
const VALUE_LIMIT = 300;

const ICONS: Record<ResourceChange['action'], string> = {
  create: '➕ create',
  update: '✏️ update',
  replace: '♻️ replace',
  delete: '🗑️ delete',
  adopt: '📥 adopt',
  unchanged: 'unchanged',
  conflict: '⛔ conflict',
};

function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

function jsonValue(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return code(json.length > VALUE_LIMIT ? `${json.slice(0, VALUE_LIMIT)}…` : json);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function titleOf(kind: string): string {
  return descriptorOf(kind as KindName).title;
}

/** One line of the plan's non-zero counts. */
function summaryLine(plan: Plan): string {
  const s = plan.summary;
  const parts = [
    [s.create, 'to create'],
    [s.update, 'to update'],
    [s.replace, 'to replace'],
    [s.delete, 'to delete'],
    [s.adopt, 'to adopt'],
  ]
    .filter(([n]) => n !== 0)
    .map(([n, what]) => `${n} ${what}`);
  if (s.move > 0) parts.push(plural(s.move, 'priority move'));
  if (s.groups > 0) parts.push(`${plural(s.groups, 'group')} to create`);
  const errors = plan.findings.filter((f) => f.severity === 'error' && !f.suppressed).length;
  const warnings = plan.findings.filter((f) => f.severity === 'warning' && !f.suppressed).length;
  const head = plan.blockers.length > 0 ? `⛔ **Blocked** (${plural(plan.blockers.length, 'blocker')})` : plan.steps.length === 0 ? '✅ **No changes**' : '**Plan**';
  const counts = plan.steps.length === 0 ? [] : [...parts, plural(plan.steps.length, 'write')];
  const rules = [...(errors ? [plural(errors, 'rule error')] : []), ...(warnings ? [plural(warnings, 'warning')] : [])];
  return [head, ...counts, ...rules].join(' · ');
}

function findingRow(f: PlanFinding): string {
  const severity = f.suppressed ? `${f.severity} (suppressed: ${escapeMarkdown(f.suppressed)})` : f.severity;
  return `| ${severity} | ${f.code} | ${code(f.path)} | ${escapeMarkdown(`${f.message}. Fix: ${f.fix}`)} |`;
}

/** Findings that do not block, one row per rule and severity: how many constructs, the first few, one message. */
function groupedFindingRows(findings: readonly PlanFinding[]): string[] {
  const groups = new Map<string, PlanFinding[]>();
  for (const f of findings) {
    const key = `${f.severity} ${f.code} ${f.suppressed ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    if (group.length === 1) return findingRow(first);
    const paths = group.slice(0, 3).map((f) => code(f.path)).join(', ');
    const where = `${group.length} constructs: ${paths}${group.length > 3 ? ', …' : ''}`;
    const severity = first.suppressed ? `${first.severity} (suppressed: ${escapeMarkdown(first.suppressed)})` : first.severity;
    return `| ${severity} | ${first.code} | ${where} | ${escapeMarkdown(`${first.message}. Fix: ${first.fix}`)} (first of ${group.length}) |`;
  });
}

function objectDetails(c: ResourceChange): string {
  const details: string[] = [];
  if (c.reason) details.push(`- ${escapeMarkdown(c.reason)}`);
  if (c.replaceFields?.length) details.push(`- replaced because Graph cannot change ${c.replaceFields.map(code).join(', ')} in place`);
  for (const a of c.actions ?? []) details.push(`- ${escapeMarkdown(a)}`);
  if (c.action !== 'delete') {
    for (const f of c.fields) details.push(`- ${code(f.field)}: ${f.before === undefined ? '' : `${jsonValue(f.before)} → `}${f.after === undefined ? '(unset)' : jsonValue(f.after)}`);
  }
  for (const a of c.assignments.add) details.push(`- assign to ${escapeMarkdown(describeAssignment(a))}`);
  for (const a of c.assignments.remove) details.push(`- unassign ${escapeMarkdown(describeAssignment(a))}`);
  const summary = `${ICONS[c.action]} ${titleOf(c.kind)} <b>${escapeMarkdown(c.displayName)}</b> ${code(c.path ?? c.logicalId)}`;
  if (details.length === 0) return `<details><summary>${summary}</summary>\n\nNo property or assignment changes.\n\n</details>\n`;
  return `<details><summary>${summary}</summary>\n\n${details.join('\n')}\n\n</details>\n`;
}

function priorityOrderBlock(order: PriorityOrder, plan: Plan): string {
  const moved = new Map(plan.moves.filter((m) => m.priorityClass === order.priorityClass).map((m) => [m.logicalId ?? m.displayName, m]));
  const lines = order.objects.map((o) => {
    const move = moved.get(o.logicalId ?? o.displayName);
    const note = move ? (move.from === undefined ? ' (new)' : ` (moved from ${move.from})`) : '';
    return `${o.rank}. ${o.owned ? `<b>${escapeMarkdown(o.displayName)}</b>` : `${escapeMarkdown(o.displayName)} (not in the stack)`}${note}`;
  });
  const moves = moved.size > 0 ? `, ${plural(moved.size, 'move')}` : '';
  const title = titleOf(order.priorityClass);
  return `<details><summary>${title.charAt(0).toUpperCase()}${title.slice(1)} order after apply (1 is the highest${moves})</summary>\n\n${lines.join('\n')}\n\n</details>\n`;
}

/** Collects blocks while they fit the budget, and counts what does not. */
class BudgetedMarkdown {
  private readonly parts: string[] = [];
  private used = 0;
  private full = false;
  readonly omitted = new Map<string, number>();

  constructor(private readonly budget: number) {}

  /** Adds a block that must be there (the header); it still counts against the budget. */
  always(text: string): void {
    this.parts.push(text);
    this.used += text.length;
  }

  /** Adds `text` when it fits, else counts one omitted `what`; once one block is left out, the rest are too. */
  add(text: string, what: string): boolean {
    if (!this.full && this.used + text.length + NOTE_ROOM <= this.budget) {
      this.parts.push(text);
      this.used += text.length;
      return true;
    }
    this.full = true;
    this.omitted.set(what, (this.omitted.get(what) ?? 0) + 1);
    return false;
  }

  /** Adds a list under a heading (with the first item, so a heading never stands alone), then `footer`. */
  list(heading: string, items: readonly string[], what: string, footer: string): void {
    items.forEach((item, i) => this.add(`${i === 0 ? heading : ''}${item}\n`, what));
    if (items.length > 0 && !this.full) this.always(footer);
  }

  text(): string {
    return this.parts.join('');
  }
}

/**
 * The plan as a pull-request comment that always fits GitHub's limit: one summary line of
 * non-zero counts, blockers and rule errors first, warnings, the resulting order of each priority
 * class, then the details folded per object. Past the budget, a note says what was left out and
 * where the full plan is. Every name from the stack or the tenant is escaped.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const out = new BudgetedMarkdown(options.budget ?? DEFAULT_BUDGET);
  out.always(`### enrollkit plan: ${code(plan.stack)}\n\n${summaryLine(plan)}\n\nBackend: ${escapeMarkdown(plan.backend)}\n\n`);
  out.list('> [!CAUTION]\n> Apply is blocked:\n', plan.blockers.map((b) => `> - ${escapeMarkdown(formatBlocker(b))}`), 'blocker', '\n');
  out.add(renderImpactMarkdown(plan.impact), 'impact table');
  const table = '| severity | rule | construct | message |\n| --- | --- | --- | --- |\n';
  const errors = plan.findings.filter((f) => f.severity === 'error' && !f.suppressed);
  const others = plan.findings.filter((f) => !(f.severity === 'error' && !f.suppressed));
  out.list(`**Rule errors**\n\n${table}`, errors.map(findingRow), 'rule error', '\n');
  out.list(`**Other rule findings**\n\n${table}`, groupedFindingRows(others), 'rule finding', '\n');
  for (const order of plan.priorityOrders) out.add(`${priorityOrderBlock(order, plan)}\n`, 'priority order');
  for (const g of plan.groups.filter((x) => x.action !== 'unchanged')) {
    out.add(`- Entra group <b>${escapeMarkdown(g.displayName)}</b> ${code(g.path)}: ${g.action === 'create' ? '➕ create' : `⛔ ${g.action}`}\n`, 'group');
  }
  for (const c of plan.changes.filter((x) => x.action !== 'unchanged')) out.add(`${objectDetails(c)}\n`, 'object');
  if (out.omitted.size > 0) {
    const left = [...out.omitted].map(([what, n]) => plural(n, what)).join(', ');
    out.always(`\n> [!NOTE]\n> Left out to stay within GitHub's comment limit: ${left}. The full plan is in ${options.fullPlan ?? DEFAULT_FULL_PLAN}.\n`);
  }
  return out.text();
}
