import type { Manifest, Resource } from '../../model';
import { requestDimensions, resolveEnrollment, type EnrollmentState } from '../../rules';
import type { ActualState } from '../actual-state';
import type { Plan } from '../plan-types';
import { audiencesOf, touchedObjects, type Audience } from './audiences';
import { IMPACT_DEVICES, IMPACT_OWNERSHIPS, describeCases, impactCases, osRanges } from './device-matrix';
import { impactStates } from './impact-states';
import { IMPACT_ASPECTS, outcomeAspects } from './outcome-aspects';
import type { AffectedAudience, ImpactAspect, ImpactCase, ImpactChange, OsRange, PlanImpact } from './plan-impact';

/** Names an object by its identity, or by the name the resolution gave when it has none. */
type NameOf = (path: string | undefined, fallback: string) => string;

/** Who an audience is, in words. */
export function audienceLabel(groups: Audience): string {
  if (groups.length === 0) return 'all users in none of these groups';
  if (groups.length === 1) return `members of '${groups[0]}'`;
  return `members of both ${groups.map((g) => `'${g}'`).join(' and ')}`;
}

/**
 * The objects of a state that can reach a member of some groups (an include target is one of the
 * groups, all users or all devices), in state order. The others cannot change how that member's
 * enrollment resolves, so the resolver need not read them.
 */
function reachIndex(state: EnrollmentState): (groups: Audience) => EnrollmentState {
  const everyone = new Set<Resource>();
  const byGroup = new Map<string, Resource[]>();
  for (const r of state.resources) {
    for (const { target } of r.assignments) {
      if (target.type === 'allLicensedUsers' || target.type === 'allDevices') everyone.add(r);
      else if (target.type === 'group') {
        const group = target.group.toLowerCase();
        const reached = byGroup.get(group);
        if (reached) reached.push(r);
        else byGroup.set(group, [r]);
      }
    }
  }
  return (groups) => {
    const reaching = new Set(everyone);
    for (const g of groups) for (const r of byGroup.get(g.toLowerCase()) ?? []) reaching.add(r);
    return { ...state, resources: state.resources.filter((r) => reaching.has(r)) };
  };
}

/**
 * Resolves each case against a state, once per distinct request: cases that differ only in what
 * cannot change the outcome there (see {@link requestDimensions}) share one resolution.
 */
function resolver(state: EnrollmentState, groups: Audience, nameOf: NameOf): (c: ImpactCase) => Map<ImpactAspect, string> {
  const dimensions = requestDimensions(state);
  const resolved = new Map<string, Map<ImpactAspect, string>>();
  return (c) => {
    const request = { os: c.os.from, device: dimensions.device ? c.device : 'iphone', ownership: dimensions.ownership ? c.ownership : 'personal', memberOf: groups } as const;
    const key = `${request.os} ${request.device} ${request.ownership}`;
    const known = resolved.get(key);
    if (known) return known;
    const aspects = outcomeAspects(resolveEnrollment(state, request), nameOf);
    resolved.set(key, aspects);
    return aspects;
  };
}

function audienceImpact(groups: Audience, before: EnrollmentState, after: EnrollmentState, cases: readonly ImpactCase[], ranges: readonly OsRange[], nameOf: NameOf): AffectedAudience | undefined {
  const found = new Map<string, { aspect: ImpactAspect; before: string; after: string; cases: ImpactCase[] }>();
  const [resolveBefore, resolveAfter] = [resolver(before, groups, nameOf), resolver(after, groups, nameOf)];
  for (const c of cases) {
    const was = resolveBefore(c);
    const is = resolveAfter(c);
    const aspects = was.get('outcome') !== is.get('outcome') ? (['outcome'] as const) : IMPACT_ASPECTS;
    for (const aspect of aspects) {
      const [b, a] = [was.get(aspect), is.get(aspect)];
      if (b === undefined || a === undefined || a === b) continue;
      const key = JSON.stringify([aspect, b, a]);
      const entry = found.get(key) ?? { aspect, before: b, after: a, cases: [] };
      entry.cases.push(c);
      found.set(key, entry);
    }
  }
  if (found.size === 0) return undefined;
  const changes: ImpactChange[] = [...found.values()]
    .sort((x, y) => IMPACT_ASPECTS.indexOf(x.aspect) - IMPACT_ASPECTS.indexOf(y.aspect))
    .map((f) => ({ ...f, where: describeCases(f.cases, ranges) }));
  const changedRanges = new Set(changes.flatMap((c) => c.cases.map((x) => x.os.from)));
  const unchanged = describeCases(cases.filter((c) => !changedRanges.has(c.os.from)), ranges);
  return { groups, label: audienceLabel(groups), changes, ...(unchanged ? { unchangedOn: unchanged } : {}) };
}

/**
 * Whose enrollment a plan changes, and how: for the audiences its changes and moves touch, resolves
 * enrollment with the resolver of `simulate` against the tenant before and after apply, on every
 * device of the matrix, and keeps every difference. Member counts are added by the caller.
 */
export function planImpactOf(manifest: Manifest, state: ActualState, plan: Plan): PlanImpact {
  if (plan.steps.length === 0) {
    // Nothing is written: the tenant after apply is the tenant as it is.
    return { matrix: { devices: IMPACT_DEVICES, ownerships: IMPACT_OWNERSHIPS, os: osRanges([manifest.resources]) }, audiences: 0, affected: [] };
  }
  const states = impactStates(manifest, state, plan);
  const ranges = osRanges([states.before.resources, states.after.resources]);
  const matrix = { devices: IMPACT_DEVICES, ownerships: IMPACT_OWNERSHIPS, os: ranges };
  const audiences = audiencesOf(touchedObjects(plan, state, states), states).sort((a, b) => a.length - b.length || a.join('\n').localeCompare(b.join('\n')));
  const cases = impactCases(ranges);
  const before = reachIndex(states.before);
  const after = reachIndex(states.after);
  const nameOf: NameOf = (path, fallback) => (path === undefined ? fallback : (states.names.get(path) ?? fallback));
  const affected = audiences.flatMap((groups) => audienceImpact(groups, before(groups), after(groups), cases, ranges, nameOf) ?? []);
  return { matrix, audiences: audiences.length, affected };
}
