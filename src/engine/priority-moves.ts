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
 * and the longest run of the others that agrees with them and with `desired`.
 */
function itemsKept<T>(current: readonly T[], rank: ReadonlyMap<T, number>, fixed: ReadonlySet<T>): Set<T> {
  const pinned = current.map((item, i) => ({ item, i })).filter(({ item }) => fixed.has(item));
  const agrees = (item: T, i: number) => pinned.every((p) => p.i < i === rank.get(p.item)! < rank.get(item)!);
  const free = current.map((item, i) => ({ item, i })).filter(({ item, i }) => !fixed.has(item) && agrees(item, i));
  const keepIndexes = longestIncreasingRun(free.map(({ item }) => rank.get(item)!));
  return new Set([...pinned.map((p) => p.item), ...free.filter((_, j) => keepIndexes.has(j)).map((f) => f.item)]);
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
  let order = [...current];
  const moves: PriorityMove<T>[] = [];
  desired.forEach((item, i) => {
    if (keep.has(item)) return;
    const rest = order.filter((x) => x !== item);
    const position = i === 0 ? 0 : rest.indexOf(desired[i - 1]!) + 1;
    const move = { item, position };
    moves.push(move);
    order = applyMove(order, move);
  });
  return moves;
}
