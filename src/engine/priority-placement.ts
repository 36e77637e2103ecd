import type { PriorityPlacement } from '../model';

/** One object of a priority class, in the class's current order. */
export interface ClassMember {
  /** The object's key in the plan's order (`lid:` for owned objects, `id:` for others). */
  readonly key: string;
  /** Display name, for placements relative to a named object. */
  readonly displayName: string;
  /** True when the object carries no enrollkit marker at all: made by hand, by no stack. */
  readonly handMade: boolean;
}

/** Where the stack's objects sit when the stack declares nothing: where they are. */
export const KEEP_PLACE: PriorityPlacement = { position: 'keep' };

function isContiguousBefore(order: readonly string[], block: readonly string[], index: number): boolean {
  return block.length === 0 || (index >= block.length && block.every((key, i) => order[index - block.length + i] === key));
}

/**
 * The desired order of a priority class: the stack's own objects in their declared order, placed as
 * the stack declares among the objects it does not own, which keep their relative order.
 *
 * - `keep` (the default): the owned objects keep the positions they hold and are ordered among
 *   themselves; new ones come where Graph puts them (last). Nothing unowned moves relative to
 *   anything else, so stacks sharing a class never fight.
 * - `top`/`bottom`: above (below) every object made by hand. Objects of other stacks do not count,
 *   so two stacks that both ask for `top` are both satisfied once above the hand-made ones.
 * - `above`/`below` a named object the stack does not own: directly next to it, as one block.
 *
 * When the placement already holds, only the owned objects' own order is fixed, so a converged
 * class plans no move. Returns a problem instead when the named object is missing or ambiguous.
 */
export function placeOwned(
  current: readonly ClassMember[],
  ownedOrder: readonly string[],
  placement: PriorityPlacement,
): { order: string[] } | { problem: { message: string; fix: string } } {
  const present = new Set(current.map((m) => m.key));
  const owned = ownedOrder.filter((key) => present.has(key));
  const ownedSet = new Set(owned);
  let next = 0;
  const kept = current.map((m) => (ownedSet.has(m.key) ? owned[next++]! : m.key));
  const rest = current.filter((m) => !ownedSet.has(m.key));
  const insertAt = (index: number) => ({ order: [...rest.slice(0, index).map((m) => m.key), ...owned, ...rest.slice(index).map((m) => m.key)] });
  const handMade = new Set(current.filter((m) => m.handMade && !ownedSet.has(m.key)).map((m) => m.key));
  const ownedIndexes = kept.flatMap((key, i) => (ownedSet.has(key) ? [i] : []));
  const handIndexes = kept.flatMap((key, i) => (handMade.has(key) ? [i] : []));
  if (owned.length === 0 || ('position' in placement && placement.position === 'keep')) return { order: kept };
  if ('position' in placement && placement.position === 'top') {
    if (handIndexes.length === 0 || Math.max(...ownedIndexes) < Math.min(...handIndexes)) return { order: kept };
    return insertAt(rest.findIndex((m) => handMade.has(m.key)));
  }
  if ('position' in placement) {
    if (handIndexes.length === 0 || Math.min(...ownedIndexes) > Math.max(...handIndexes)) return { order: kept };
    return insertAt(rest.map((m) => handMade.has(m.key)).lastIndexOf(true) + 1);
  }
  const name = 'above' in placement ? placement.above : placement.below;
  const anchors = rest.filter((m) => m.displayName === name);
  const where = `'${'above' in placement ? 'above' : 'below'}' placement names '${name}'`;
  if (anchors.length !== 1) {
    const owns = current.some((m) => ownedSet.has(m.key) && m.displayName === name);
    return {
      problem: owns
        ? { message: `the ${where}, which the stack owns itself`, fix: "name an object the stack does not own, or order the stack's own objects with setPriorityOrder" }
        : {
            message: `the ${where}, but ${anchors.length === 0 ? 'no object of that class has that name in the tenant' : `${anchors.length} objects of that class have that name`}`,
            fix: 'fix the name, or choose Placement.top(), bottom() or keep()',
          },
    };
  }
  const anchor = rest.indexOf(anchors[0]!);
  const anchorInKept = kept.indexOf(anchors[0]!.key);
  if ('above' in placement) return isContiguousBefore(kept, owned, anchorInKept) ? { order: kept } : insertAt(anchor);
  return isContiguousBefore(kept, owned, anchorInKept + 1 + owned.length) ? { order: kept } : insertAt(anchor + 1);
}
