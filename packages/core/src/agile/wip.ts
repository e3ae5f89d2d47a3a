/** The part of a workflow column the WIP check needs. */
export interface WipColumn {
  key: string;
  wipLimit: number | null;
}

/** How full one column is against its work-in-progress limit. */
export interface WipState {
  key: string;
  count: number;
  limit: number | null;
  /** More cards than the limit allows. */
  exceeded: boolean;
  /** Exactly at the limit: one more card would exceed it. */
  full: boolean;
}

/**
 * The WIP state of every column from the number of cards in each; cards under a key that is no column are ignored.
 * @example wipStates(workflow, new Map([['in_progress', 4]]))
 */
export function wipStates(columns: readonly WipColumn[], counts: ReadonlyMap<string, number>): WipState[] {
  return columns.map((column) => {
    const count = counts.get(column.key) ?? 0;
    const limit = column.wipLimit;
    return {
      key: column.key,
      count,
      limit,
      exceeded: limit !== null && count > limit,
      full: limit !== null && count === limit,
    };
  });
}

/** True when moving one more card into `key` (from another column) would put it over its limit. */
export function moveExceedsWip(
  columns: readonly WipColumn[],
  counts: ReadonlyMap<string, number>,
  key: string,
): boolean {
  const column = columns.find((c) => c.key === key);
  if (!column || column.wipLimit === null) return false;
  return (counts.get(key) ?? 0) + 1 > column.wipLimit;
}
