import fc from 'fast-check';
import { applyMove, priorityMoves } from '../../src/engine/priority-moves';

function longestCommonSubsequence(a: readonly number[], b: readonly number[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}

describe('priorityMoves', () => {
  it('plans no move when the order is already right', () => {
    expect(priorityMoves(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual([]);
  });

  it('moves only the one object that is out of place', () => {
    expect(priorityMoves(['d', 'a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toEqual([{ item: 'd', position: 3 }]);
  });

  it('reaches the desired order from any order with the fewest moves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((n) =>
          fc.tuple(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
        ),
        ([current, desired]) => {
          const moves = priorityMoves(current, desired);
          const final = moves.reduce<number[]>((order, move) => applyMove(order, move), [...current]);
          expect(final).toEqual(desired);
          expect(moves).toHaveLength(current.length - longestCommonSubsequence(current, desired));
        },
      ),
    );
  });

  it('never moves an object it must keep, and no move leaves an object where it was', () => {
    const permutation = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }).chain((n) => fc.tuple(permutation(n), permutation(n), fc.subarray([...Array(n).keys()]))),
        ([current, shuffled, kept]) => {
          const fixed = new Set(kept);
          const fixedInCurrentOrder = current.filter((x) => fixed.has(x));
          let next = 0;
          const desired = shuffled.map((x) => (fixed.has(x) ? fixedInCurrentOrder[next++]! : x));
          let order = [...current];
          for (const move of priorityMoves(current, desired, fixed)) {
            expect(fixed.has(move.item)).toBe(false);
            expect(order.indexOf(move.item)).not.toBe(move.position);
            order = applyMove(order, move);
          }
          expect(order).toEqual(desired);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
