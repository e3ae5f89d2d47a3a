/** A feature pinned by hand to a position (1-based; a fraction goes before the pins of the next whole position). */
export interface Pin {
  readonly id: string;
  readonly pinnedPosition: number;
  readonly tieBreaker: string;
}

/** Where a pin lands: its final position and how many score-ranked items come before it. */
export interface PlacedPin {
  readonly id: string;
  readonly position: number;
  readonly unpinnedBefore: number;
}

/**
 * Places the pins among `unpinnedCount` score-ranked items exactly as `rankItems` does, without the items themselves,
 * so a database can rank the unpinned rows and page through the merged order: the unpinned item ranked `r` (1-based)
 * lands at `r + (number of pins whose unpinnedBefore < r)` — see {@link positionOfUnpinned}.
 */
export function placePins(pins: readonly Pin[], unpinnedCount: number): PlacedPin[] {
  const sorted = [...pins].sort(
    (a, b) =>
      a.pinnedPosition - b.pinnedPosition ||
      (a.tieBreaker < b.tieBreaker ? -1 : a.tieBreaker > b.tieBreaker ? 1 : 0),
  );
  const placed: PlacedPin[] = [];
  let unpinned = 0;
  for (const pin of sorted) {
    // A fraction counts as the next whole place: 3.5 contests place 4 and goes before a pin at 4.
    const target = Math.max(1, Math.ceil(pin.pinnedPosition));
    const fill = Math.max(0, Math.min(unpinnedCount - unpinned, target - 1 - (unpinned + placed.length)));
    unpinned += fill;
    placed.push({ id: pin.id, position: unpinned + placed.length + 1, unpinnedBefore: unpinned });
  }
  return placed;
}

/** The final position of the unpinned item ranked `r` (1-based) by score, among the placed pins. */
export function positionOfUnpinned(rank: number, pins: readonly PlacedPin[]): number {
  let before = 0;
  for (const pin of pins) if (pin.unpinnedBefore < rank) before++;
  return rank + before;
}

/**
 * The pinned position for an item dropped at `position` (1-based, in the list without it). `after` is the pinned
 * position of the item that will follow it (undefined or null when that one follows its score), `before` the same of
 * the item that will precede it. A whole position unless the follower is a pin contesting the place; then a fraction
 * just below the follower's, so the two keep their order without renumbering either.
 * @example pinForDrop(4, undefined, 4) === 3.5; pinForDrop(4, 3.5, 4) === 3.75; pinForDrop(4, 2, undefined) === 4
 */
export function pinForDrop(position: number, before?: number | null, after?: number | null): number {
  if (after == null || after > position) return position;
  let low = before != null && before > position - 1 ? before : position - 1;
  if (low >= after) low = after - 1;
  return (low + after) / 2;
}
