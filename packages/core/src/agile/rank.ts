/**
 * A rank strictly between two neighbours (either may be absent at an end of the list), so a card dropped between two
 * others is ordered without renumbering the rest. Ranks are doubles: about 50 halvings fit between two integers, and
 * `needsRenumber` tells when they have run out.
 * @example rankBetween(1, 2) === 1.5; rankBetween(undefined, 1) === 0; rankBetween(3, undefined) === 4
 */
export function rankBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return before + (after - before) / 2;
}

/** True when a rank between the two can no longer be told apart from them. */
export function needsRenumber(before: number, after: number): boolean {
  const middle = rankBetween(before, after);
  return middle <= before || middle >= after;
}
