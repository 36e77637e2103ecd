/** One `setPriority` call: put this object at this position of the class's order. */
export interface PriorityMove<T> {
  /** The object to move. */
  readonly item: T;
  /** Its 0-based position in the order once moved (the priority is the class's base plus this). */
  readonly position: number;
}

function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? tailIndex[lo - 1]! : -1;
  });
  const keep = new Set<number>();
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) keep.add(i);
  return keep;
}

/** Removes `item` and inserts it at `position`, as Graph's `setPriority` does. */
export function applyMove<T>(order: readonly T[], move: PriorityMove<T>): T[] {
  const moved = [...order];
  moveInPlace(moved, move);
  return moved;
}

/** {@link applyMove} on `order` itself (its items distinct). */
export function moveInPlace<T>(order: T[], move: PriorityMove<T>): void {
  const at = order.indexOf(move.item);
  if (at >= 0) order.splice(at, 1);
  order.splice(move.position, 0, move.item);
}

/**
 * The items that stay put: every `fixed` item (they must keep their relative order in `desired`),
 * and the longest run of the others that agrees with them and with `desired`. An item agrees with
 * the fixed ones when it ranks below every fixed item before it and above every one after it.
 */
function itemsKept<T>(current: readonly T[], rank: ReadonlyMap<T, number>, fixed: ReadonlySet<T>): Set<T> {
  const pinned = current.filter((item) => fixed.has(item));
  // highestBefore[k]: the highest rank among the first k fixed items; lowestFrom[k]: the lowest among the others.
  const highestBefore = [-1];
  for (const item of pinned) highestBefore.push(Math.max(highestBefore.at(-1)!, rank.get(item)!));
  const lowestFrom = new Array<number>(pinned.length + 1).fill(Infinity);
  for (let k = pinned.length - 1; k >= 0; k -= 1) lowestFrom[k] = Math.min(lowestFrom[k + 1]!, rank.get(pinned[k]!)!);
  let before = 0;
  const free: { item: T; rank: number }[] = [];
  for (const item of current) {
    if (fixed.has(item)) before += 1;
    else if (highestBefore[before]! < rank.get(item)! && rank.get(item)! < lowestFrom[before]!) free.push({ item, rank: rank.get(item)! });
  }
  const keepIndexes = longestIncreasingRun(free.map((f) => f.rank));
  return new Set([...pinned, ...free.filter((_, j) => keepIndexes.has(j)).map((f) => f.item)]);
}

/** Which of a fixed number of slots are taken, counting the taken ones before a slot in O(log n) (a Fenwick tree). */
class TakenSlots {
  private readonly counts: number[];

  constructor(size: number) {
    this.counts = new Array<number>(size + 1).fill(0);
  }

  /** Takes (`1`) or frees (`-1`) a slot. */
  change(slot: number, by: 1 | -1): void {
    for (let i = slot + 1; i < this.counts.length; i += i & -i) this.counts[i]! += by;
  }

  /** How many slots before `slot` are taken. */
  before(slot: number): number {
    let taken = 0;
    for (let i = slot; i > 0; i -= i & -i) taken += this.counts[i]!;
    return taken;
  }
}

/**
 * The fewest `setPriority` moves that turn `current` into `desired` (both the same items):
 * everything outside a longest common subsequence moves, each right after its desired
 * predecessor, in desired order. Items in `fixed` (objects the stack does not own, whose relative
 * order `desired` keeps) are never moved.
 */
export function priorityMoves<T>(current: readonly T[], desired: readonly T[], fixed: ReadonlySet<T> = new Set()): PriorityMove<T>[] {
  const rank = new Map(desired.map((item, i) => [item, i]));
  const keep = itemsKept(current, rank, fixed);
  // A moved item lands right after its desired predecessor, so the items moved behind one kept item
  // (or to the top) stay together, in desired order: each gets a slot there, after the kept item's
  // own, and its position is the count of taken slots before it. Slots of the top come first.
  const indexOf = new Map(current.map((item, j) => [item, j]));
  const behind = new Map<number, T[]>();
  let anchor = -1;
  for (const item of desired) {
    if (keep.has(item)) anchor = indexOf.get(item)!;
    else if (behind.has(anchor)) behind.get(anchor)!.push(item);
    else behind.set(anchor, [item]);
  }
  const slotOf = new Map<T, number>();
  const movedSlot = new Map<T, number>();
  let slots = 0;
  for (const item of behind.get(-1) ?? []) movedSlot.set(item, slots++);
  current.forEach((item, j) => {
    slotOf.set(item, slots++);
    for (const moved of behind.get(j) ?? []) movedSlot.set(moved, slots++);
  });
  const taken = new TakenSlots(slots);
  for (const item of current) taken.change(slotOf.get(item)!, 1);
  const moves: PriorityMove<T>[] = [];
  desired.forEach((item, i) => {
    if (keep.has(item)) return;
    taken.change(slotOf.get(item)!, -1);
    moves.push({ item, position: i === 0 ? 0 : taken.before(slotOf.get(desired[i - 1]!)!) + 1 });
    slotOf.set(item, movedSlot.get(item)!);
    taken.change(movedSlot.get(item)!, 1);
  });
  return moves;
}
