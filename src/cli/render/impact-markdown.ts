import type { PlanImpact } from '../../engine';
import { audienceTitle, describeChange, describeMatrix, NO_IMPACT } from './impact-text';

/** Rows the table shows at most; the JSON plan holds every difference. */
export const IMPACT_TABLE_ROWS = 20;

/** Characters a cell shows at most. */
const CELL_LIMIT = 200;

/** Text for a table cell: Markdown and HTML characters escaped, one line, at most {@link CELL_LIMIT} characters. */
export function markdownCell(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  const short = line.length > CELL_LIMIT ? `${line.slice(0, CELL_LIMIT - 1)}…` : line;
  return short
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}

/** The impact as a short table for the top of a pull-request comment, or that nothing changes. */
export function renderImpactMarkdown(impact: PlanImpact | undefined): string[] {
  if (!impact) return [];
  if (impact.affected.length === 0) return [`**Who is affected:** ${NO_IMPACT}.`, ''];
  const rows = impact.affected.flatMap((audience) => audience.changes.map((change) => ({ audience, change })));
  const out = [`**Who is affected** (${markdownCell(describeMatrix(impact))})`, '', '| who | what changes | where |', '| --- | --- | --- |'];
  for (const { audience, change } of rows.slice(0, IMPACT_TABLE_ROWS)) {
    out.push(`| ${markdownCell(audienceTitle(audience))} | ${markdownCell(describeChange(change, '→'))} | ${markdownCell(change.where)} |`);
  }
  if (rows.length > IMPACT_TABLE_ROWS) {
    out.push('', `…and ${rows.length - IMPACT_TABLE_ROWS} more difference${rows.length - IMPACT_TABLE_ROWS === 1 ? '' : 's'}: \`enrollkit plan --format json\` lists every one.`);
  }
  out.push('');
  return out;
}
