import fc from 'fast-check';
import type { Assignment, AssignmentTarget } from '../../src/model';
import { Coverage } from '../../src/rules/assignment-coverage';
import { assign } from './builders';

/** Coverage as its definition reads, set by set: the index must answer the same. */
function uncoveredByDefinition(subject: readonly Assignment[], by: readonly (readonly Assignment[])[]): AssignmentTarget[] {
  const excludedBy = (set: readonly Assignment[]) => set.flatMap((a) => (a.target.type === 'exclusionGroup' ? [a.target.group] : []));
  const own = new Set(excludedBy(subject));
  const covers = (set: readonly Assignment[], t: AssignmentTarget) => {
    const excluded = excludedBy(set).filter((g) => !own.has(g));
    const everyone = set.some((a) => a.target.type === 'allLicensedUsers' || a.target.type === 'allDevices');
    if (t.type === 'group') return !excluded.includes(t.group) && (everyone || set.some((a) => a.target.type === 'group' && a.target.group === t.group));
    return everyone && excluded.length === 0;
  };
  return subject.map((a) => a.target).filter((t) => t.type !== 'exclusionGroup' && !by.some((set) => covers(set, t)));
}

const targets = fc.array(fc.constantFrom('*', 'devices', 'A', 'B', 'C', '-A', '-B', '-C'), { maxLength: 4 });

describe('assignment coverage', () => {
  it('reaches a group through the same group or everyone, unless the covering set excludes it', () => {
    const coverage = new Coverage([assign(['A']), assign(['*', '-B'])]);
    expect(coverage.uncovered(assign(['A', 'B', 'C']))).toEqual([{ type: 'group', group: 'B' }]);
    expect(coverage.uncovered(assign(['*']))).toEqual([{ type: 'allLicensedUsers' }]);
    expect(coverage.uncovered(assign(['*', '-B']))).toEqual([]);
  });

  it('answers every subject as the set-by-set definition does', () => {
    fc.assert(
      fc.property(targets, fc.array(targets, { maxLength: 4 }), (subject, sets) => {
        const by = sets.map((s) => assign(s));
        expect(new Coverage(by).uncovered(assign(subject))).toEqual(uncoveredByDefinition(assign(subject), by));
      }),
      { numRuns: 500 },
    );
  });
});
