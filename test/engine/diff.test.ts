import fc from 'fast-check';
import { diffAssignments, diffValues } from '../../src/engine/diff';
import type { Assignment } from '../../src/model';

const json = fc.jsonValue();
const assignment: fc.Arbitrary<Assignment> = fc.oneof(
  fc.constant<Assignment>({ target: { type: 'allLicensedUsers' } }),
  fc.constantFrom('A', 'B', 'C').map<Assignment>((group) => ({ target: { type: 'group', group } })),
  fc.constantFrom('A', 'B').map<Assignment>((group) => ({ target: { type: 'exclusionGroup', group }, intent: 'required' })),
);

describe('diffValues', () => {
  it('finds nothing between a value and itself', () => {
    fc.assert(fc.property(json, (x) => diffValues(x, structuredClone(x)).length === 0));
  });

  it('names the nested field that changed, with both values', () => {
    expect(diffValues({ r: { min: '15.0', blocked: true } }, { r: { min: '16.0', blocked: true } })).toEqual([{ field: 'r.min', before: '15.0', after: '16.0' }]);
  });

  it('reports an unset property without a value on that side', () => {
    expect(diffValues({ a: 1 }, {})).toEqual([{ field: 'a', before: 1 }]);
  });
});

describe('diffAssignments', () => {
  it('finds nothing between an assignment set and any reordering of it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(assignment, { selector: (a) => JSON.stringify(a) }), (set) => {
        const diff = diffAssignments(set, [...set].reverse());
        return diff.add.length === 0 && diff.remove.length === 0;
      }),
    );
  });

  it('adds what is missing and removes what is extra', () => {
    const a: Assignment = { target: { type: 'group', group: 'A' } };
    const b: Assignment = { target: { type: 'group', group: 'B' } };
    expect(diffAssignments([a], [b])).toEqual({ add: [a], remove: [0] });
  });

  it('replaces an app assignment whose stated settings differ', () => {
    const want: Assignment = { target: { type: 'allLicensedUsers' }, intent: 'required', settings: { isRemovable: false } };
    const have: Assignment = { target: { type: 'allLicensedUsers' }, intent: 'required', settings: { isRemovable: true } };
    expect(diffAssignments([want], [have])).toEqual({ add: [want], remove: [0] });
  });
});
