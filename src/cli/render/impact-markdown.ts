import type { PlanImpact } from '../../engine';
import { escapeMarkdown } from './escape-markdown';
import { audienceTitle, describeChange, describeMatrix, NO_IMPACT } from './impact-text';

/** Rows the table shows at most; the JSON plan holds every difference. */
export const IMPACT_TABLE_ROWS = 20;

/** Characters a cell shows at most. */
const CELL_LIMIT = 200;

/** Text for a table cell: at most {@link CELL_LIMIT} characters, escaped. */
function cell(text: string): string {
  return escapeMarkdown(text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text);
}

/**
 * The impact as a short table for the top of a pull-request comment (at most
 * {@link IMPACT_TABLE_ROWS} rows, names escaped), or that nothing changes; empty without an impact.
 */
export function renderImpactMarkdown(impact: PlanImpact | undefined): string {
  if (!impact) return '';
  if (impact.affected.length === 0) return `**Who is affected:** ${NO_IMPACT}.\n\n`;
  const rows = impact.affected.flatMap((audience) => audience.changes.map((change) => ({ audience, change })));
  const out = [`**Who is affected** (${cell(describeMatrix(impact))})`, '', '| who | what changes | where |', '| --- | --- | --- |'];
  for (const { audience, change } of rows.slice(0, IMPACT_TABLE_ROWS)) {
    out.push(`| ${cell(audienceTitle(audience))} | ${cell(describeChange(change, '→'))} | ${cell(change.where)} |`);
  }
  const more = rows.length - IMPACT_TABLE_ROWS;
  if (more > 0) out.push('', `…and ${more} more difference${more === 1 ? '' : 's'}: \`enrollkit plan --format json\` lists every one.`);
  return `${out.join('\n')}\n\n`;
}
