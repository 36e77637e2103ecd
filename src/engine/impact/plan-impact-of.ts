import type { Manifest } from '../../model';
import { osSignature, requestDimensions, resolveEnrollment, type EnrollmentState } from '../../rules';
import type { ActualState } from '../actual-state';
import type { Plan } from '../plan-types';
import { audiencesOf, touchedObjects, type Audience } from './audiences';
import { compareNames } from './compare-names';
import { IMPACT_DEVICES, IMPACT_OWNERSHIPS, describeCases, impactCases, osRanges } from './device-matrix';
import { impactStates } from './impact-states';
import { objectsByKind } from './objects-by-kind';
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

/** The outcome of one resolution, aspect by aspect (see {@link outcomeAspects}). */
type Aspects = Map<ImpactAspect, string>;

/** The outcome of each case of the matrix against one state. */
type Resolve = (c: ImpactCase) => Aspects;

/**
 * Resolves each case against a state, once per distinct request: cases that differ only in what
 * cannot change the outcome there (see {@link requestDimensions}) share one resolution, made with
 * the first such case (the lowest OS version). A case asked again gets its outcome at once.
 */
function resolver(state: EnrollmentState, groups: Audience, nameOf: NameOf): Resolve {
  const dimensions = requestDimensions(state);
  const resolved = new Map<string, Aspects>();
  const signatures = new Map<string, string>();
  const byCase = new Map<ImpactCase, Aspects>();
  return (c) => {
    const asked = byCase.get(c);
    if (asked) return asked;
    const request = { os: c.os.from, device: dimensions.device ? c.device : 'iphone', ownership: dimensions.ownership ? c.ownership : 'personal', memberOf: groups } as const;
    let os = signatures.get(request.os);
    if (os === undefined) signatures.set(request.os, (os = osSignature(dimensions, request.os)));
    const key = `${os} ${request.device} ${request.ownership}`;
    let aspects = resolved.get(key);
    if (!aspects) resolved.set(key, (aspects = outcomeAspects(resolveEnrollment(state, request), nameOf)));
    byCase.set(c, aspects);
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

/** One aspect that differs between two outcomes, with a key that tells such differences apart. */
interface Difference {
  readonly key: string;
  readonly aspect: ImpactAspect;
  readonly before: string;
  readonly after: string;
}

/** What differs from one outcome to the other: the outcome alone when it differs, else each aspect that does. */
function differences(was: Aspects, is: Aspects): Difference[] {
  const aspects = was.get('outcome') !== is.get('outcome') ? (['outcome'] as const) : IMPACT_ASPECTS;
  return aspects.flatMap((aspect) => {
    const [before, after] = [was.get(aspect), is.get(aspect)];
    return before === undefined || after === undefined || after === before ? [] : [{ key: JSON.stringify([aspect, before, after]), aspect, before, after }];
  });
}

/** {@link describeCases} of some of the matrix's cases, worked out once for each set of them. */
function describer(cases: readonly ImpactCase[], ranges: readonly OsRange[]): (some: readonly ImpactCase[]) => string {
  const index = new Map(cases.map((c, i) => [c, i]));
  const said = new Map<string, string>();
  return (some) => {
    const key = some.map((c) => index.get(c)).join(',');
    let words = said.get(key);
    if (words === undefined) said.set(key, (words = describeCases(some, ranges)));
    return words;
  };
}

function audienceImpact(groups: Audience, [resolveBefore, resolveAfter]: readonly [Resolve, Resolve], cases: readonly ImpactCase[], describe: (some: readonly ImpactCase[]) => string): AffectedAudience | undefined {
  const found = new Map<string, { aspect: ImpactAspect; before: string; after: string; cases: ImpactCase[] }>();
  // Cases resolved to the same two outcomes differ alike.
  const compared = new Map<Aspects, Map<Aspects, Difference[]>>();
  for (const c of cases) {
    const was = resolveBefore(c);
    const is = resolveAfter(c);
    let against = compared.get(was);
    if (!against) compared.set(was, (against = new Map()));
    let differing = against.get(is);
    if (!differing) against.set(is, (differing = differences(was, is)));
    for (const { key, aspect, before, after } of differing) {
      const entry = found.get(key) ?? { aspect, before, after, cases: [] };
      entry.cases.push(c);
      found.set(key, entry);
    }
  }
  if (found.size === 0) return undefined;
  const changes: ImpactChange[] = [...found.values()]
    .sort((x, y) => IMPACT_ASPECTS.indexOf(x.aspect) - IMPACT_ASPECTS.indexOf(y.aspect))
    .map((f) => ({ ...f, where: describe(f.cases) }));
  const changedRanges = new Set(changes.flatMap((c) => c.cases.map((x) => x.os.from)));
  const unchanged = describe(cases.filter((c) => !changedRanges.has(c.os.from)));
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
  const [kindsBefore, kindsAfter] = [objectsByKind(states.before.resources), objectsByKind(states.after.resources)];
  const ranges = osRanges([kindsBefore('platformRestriction'), kindsAfter('platformRestriction')]);
  const matrix = { devices: IMPACT_DEVICES, ownerships: IMPACT_OWNERSHIPS, os: ranges };
  const audiences = audiencesOf(touchedObjects(plan, states), kindsBefore, kindsAfter).sort((a, b) => a.length - b.length || compareNames(a.join('\n'), b.join('\n')));
  const groups = new Set(audiences.flat().map((g) => g.toLowerCase()));
  const [before, after] = [stateIndex(states.before, groups), stateIndex(states.after, groups)];
  const cases = impactCases(ranges);
  const nameOf: NameOf = (path, fallback) => (path === undefined ? fallback : (states.afterByPath.get(path)?.displayName ?? states.beforeByPath.get(path)?.displayName ?? fallback));
  const [resolveBefore, resolveAfter] = [sharedResolvers(nameOf), sharedResolvers(nameOf)];
  const describe = describer(cases, ranges);
  const affected = audiences.flatMap((groups) => {
    const [was, is] = [before.reach(groups), after.reach(groups)];
    // Nothing a member of these groups can be reached by differs: every resolution would be the same.
    if (sameObjects(was.state.resources, is.state.resources) && was.state.defaults === is.state.defaults) return [];
    return audienceImpact(groups, [resolveBefore(was, groups), resolveAfter(is, groups)], cases, describe) ?? [];
  });
  return { matrix, audiences: audiences.length, affected };
}
