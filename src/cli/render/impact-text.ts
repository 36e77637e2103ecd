import type { AffectedAudience, ImpactChange, PlanImpact } from '../../engine';
import { ASPECT_TITLES } from '../../engine/impact/outcome-aspects';

/** What the impact of a plan says when no outcome differs. */
export const NO_IMPACT = "no user's enrollment changes";

/** A member count as plans print it: `1,240`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Who an audience is, with its member count when the backend counted it. */
export function audienceTitle(audience: AffectedAudience): string {
  return audience.members === undefined ? audience.label : `${audience.label} (${formatCount(audience.members)})`;
}

/** One difference in words: `enrollment type: A -> B on iOS 15.0 and later`. */
export function describeChange(change: ImpactChange, arrow = '->'): string {
  return `${ASPECT_TITLES[change.aspect]}: ${change.before} ${arrow} ${change.after}`;
}

/** The matrix the impact was resolved on, in words. */
export function describeMatrix(impact: PlanImpact): string {
  const versions = impact.matrix.os.map((r) => (r.to === undefined ? `${r.from}+` : r.from)).join(', ');
  return `${impact.audiences} audience${impact.audiences === 1 ? '' : 's'} on iPhone and iPad, personal and corporate, iOS ${versions}`;
}

/** The impact for the terminal: each affected audience and its differences, or that nothing changes. */
export function renderImpactText(impact: PlanImpact | undefined): string[] {
  if (!impact) return [];
  if (impact.affected.length === 0) return ['', `Who is affected: ${NO_IMPACT}.`];
  const lines = ['', `Who is affected (${describeMatrix(impact)}):`];
  for (const audience of impact.affected) {
    lines.push(`  ${audienceTitle(audience)}:`);
    for (const change of audience.changes) lines.push(`    ${describeChange(change)} ${change.where}`);
    if (audience.unchangedOn) lines.push(`    unchanged ${audience.unchangedOn}`);
  }
  return lines;
}
