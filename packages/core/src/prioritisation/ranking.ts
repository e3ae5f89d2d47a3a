/** An item to rank: its score (null when not scored), a stable tie-breaker and an optional manual position. */
export interface RankItem {
  readonly id: string;
  readonly score: number | null;
  /** Ties keep this order (e.g. creation time then id), so the ranking never flickers. */
  readonly tieBreaker: string;
  /** A position (1-based) the team pinned by hand; it wins over the score. */
  readonly pinnedPosition?: number | null;
}

/** Where an item landed and why. */
export interface RankedItem {
  readonly id: string;
  readonly position: number;
  readonly reason: 'pinned' | 'score' | 'unscored';
}

/**
 * Ranks by score, highest first, with ties broken by `tieBreaker`, unscored items last; then places pinned items at
 * their positions (the earliest pin wins a contested position, the others follow it) and fills the rest in order.
 */
export function rankItems(items: readonly RankItem[]): RankedItem[] {
  const byScore = items
    .filter((item) => item.pinnedPosition == null)
    .sort((a, b) => {
      if (a.score === null || b.score === null) {
        if (a.score !== b.score) return a.score === null ? 1 : -1;
      } else if (a.score !== b.score) return b.score - a.score;
      return a.tieBreaker < b.tieBreaker ? -1 : a.tieBreaker > b.tieBreaker ? 1 : 0;
    });
  const pinned = items
    .filter((item) => item.pinnedPosition != null)
    .sort(
      (a, b) =>
        (a.pinnedPosition ?? 0) - (b.pinnedPosition ?? 0) ||
        (a.tieBreaker < b.tieBreaker ? -1 : a.tieBreaker > b.tieBreaker ? 1 : 0),
    );
  const result: RankedItem[] = [];
  let next = 0;
  for (const pin of pinned) {
    const target = Math.max(1, Math.ceil(pin.pinnedPosition ?? 1));
    while (result.length + 1 < target && next < byScore.length) {
      const item = byScore[next++] as RankItem;
      result.push({
        id: item.id,
        position: result.length + 1,
        reason: item.score === null ? 'unscored' : 'score',
      });
    }
    result.push({ id: pin.id, position: result.length + 1, reason: 'pinned' });
  }
  for (; next < byScore.length; next++) {
    const item = byScore[next] as RankItem;
    result.push({
      id: item.id,
      position: result.length + 1,
      reason: item.score === null ? 'unscored' : 'score',
    });
  }
  return result;
}
