import type { Manifest } from '../../model';
import { osSignature, requestDimensions, resolveEnrollment, type EnrollmentState } from '../../rules';
import type { ActualState } from '../actual-state';
import type { Plan } from '../plan-types';
import { audiencesOf, touchedObjects, type Audience } from './audiences';
import { IMPACT_DEVICES, IMPACT_OWNERSHIPS, describeCases, impactCases, osRanges } from './device-matrix';
import { impactStates } from './impact-states';
import { IMPACT_ASPECTS, outcomeAspects } from './outcome-aspects';
import { stateIndex, type Reach } from './state-index';
import type { AffectedAudience, ImpactAspect, ImpactCase, ImpactChange, OsRange, PlanImpact } from './plan-impact';

/** Names an object by its identity, or by the name the resolution gave when it has none. */
type NameOf = (path: string | undefined, fallback: string) => string;

/** Who an audience is, in words. */
export function audienceLabel(groups: Audience): string {
  if (groups.length === 0) return 'all users in none of these groups';
  if (groups.length === 1) return `members of '${groups[0]}'`;
  return `members of both ${groups.map((g) => `'${g}'`).join(' and ')}`;
}

/** The outcome of each case of the matrix against one state. */
type Resolve = (c: ImpactCase) => Map<ImpactAspect, string>;

/**
 * Resolves each case against a state, once per distinct request: cases that differ only in what
 * cannot change the outcome there (see {@link requestDimensions}) share one resolution, made with
 * the first such case (the lowest OS version).
 */
function resolver(state: EnrollmentState, groups: Audience, nameOf: NameOf): Resolve {
  const dimensions = requestDimensions(state);
  const resolved = new Map<string, Map<ImpactAspect, string>>();
  const signatures = new Map<string, string>();
  return (c) => {
    const request = { os: c.os.from, device: dimensions.device ? c.device : 'iphone', ownership: dimensions.ownership ? c.ownership : 'personal', memberOf: groups } as const;
    let os = signatures.get(request.os);
    if (os === undefined) signatures.set(request.os, (os = osSignature(dimensions, request.os)));
    const key = `${os} ${request.device} ${request.ownership}`;
    const known = resolved.get(key);
    if (known) return known;
    const aspects = outcomeAspects(resolveEnrollment(state, request), nameOf);
    resolved.set(key, aspects);
    return aspects;
  };
}

/**
 * The resolver of each reach of one state index, made once for the audiences whose reaches
 * resolve alike (the same {@link Reach.key}).
 */
function sharedResolvers(nameOf: NameOf): (reach: Reach, groups: Audience) => Resolve {
  const made = new Map<string, Resolve>();
  return (reach, groups) => {
    let resolve = made.get(reach.key);
    if (!resolve) made.set(reach.key, (resolve = resolver(reach.state, groups, nameOf)));
    return resolve;
  };
}

/** True when both lists hold the same objects in the same order. */
function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function audienceImpact(groups: Audience, [resolveBefore, resolveAfter]: readonly [Resolve, Resolve], cases: readonly ImpactCase[], ranges: readonly OsRange[]): AffectedAudience | undefined {
  const found = new Map<string, { aspect: ImpactAspect; before: string; after: string; cases: ImpactCase[] }>();
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
  const [before, after] = [stateIndex(states.before), stateIndex(states.after)];
  const ranges = osRanges([before.ofKind('platformRestriction'), after.ofKind('platformRestriction')]);
  const matrix = { devices: IMPACT_DEVICES, ownerships: IMPACT_OWNERSHIPS, os: ranges };
  const audiences = audiencesOf(touchedObjects(plan, states), before, after).sort((a, b) => a.length - b.length || a.join('\n').localeCompare(b.join('\n')));
  const cases = impactCases(ranges);
  const nameOf: NameOf = (path, fallback) => (path === undefined ? fallback : (states.afterByPath.get(path)?.displayName ?? states.beforeByPath.get(path)?.displayName ?? fallback));
  const [resolveBefore, resolveAfter] = [sharedResolvers(nameOf), sharedResolvers(nameOf)];
  const affected = audiences.flatMap((groups) => {
    const [was, is] = [before.reach(groups), after.reach(groups)];
    // Nothing a member of these groups can be reached by differs: every resolution would be the same.
    if (sameObjects(was.state.resources, is.state.resources) && was.state.defaults === is.state.defaults) return [];
    return audienceImpact(groups, [resolveBefore(was, groups), resolveAfter(is, groups)], cases, ranges) ?? [];
  });
  return { matrix, audiences: audiences.length, affected };
}
