import { placePins } from '@tandem/core';
import type { Caller } from './domain-world';
import { sql } from './domain-world';
import type { TestServer } from './server';

/** The ranking methods of the backlog. */
export const rankMethods = ['rice', 'wsjf', 'value_effort', 'scorecard', 'demand'] as const;

const column = {
  rice: 'rice_score',
  wsjf: 'wsjf_score',
  value_effort: 'value_effort_score',
  scorecard: 'scorecard_score',
  demand: 'demand',
} as const;

/**
 * A product's whole backlog ranked from the stored rows by the rule itself, with no cache and no SQL ranking: score
 * highest first, unscored last, ties by id in byte order, pins placed by core's `placePins`. Ids best first.
 */
export async function freshRanking(
  t: TestServer,
  productId: string,
  by: (typeof rankMethods)[number],
): Promise<string[]> {
  const rows = (await sql(
    t,
    `select f.id, s.rice_score, s.wsjf_score, s.value_effort_score, s.scorecard_score, s.manual_rank, d.score as demand
     from features f left join feature_scores s on s.feature_id = f.id left join feature_demand d on d.feature_id = f.id
     where f.product_id = $1`,
    [productId],
  )) as ({ id: string; manual_rank: string | null } & Record<string, number | null>)[];
  const score = (row: (typeof rows)[number]) => row[column[by]] ?? null;
  const unpinned = rows
    .filter((row) => row.manual_rank === null)
    .sort((a, b) => {
      const x = score(a);
      const y = score(b);
      if (x !== y) return x === null ? 1 : y === null ? -1 : y - x;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  const pins = placePins(
    rows
      .filter((row) => row.manual_rank !== null)
      .map((row) => ({ id: row.id, pinnedPosition: Number(row.manual_rank), tieBreaker: row.id })),
    unpinned.length,
  );
  const ranked: string[] = [];
  let next = 0;
  for (const pin of [...pins].sort((a, b) => a.position - b.position)) {
    while (ranked.length + 1 < pin.position) ranked.push((unpinned[next++] as { id: string }).id);
    ranked.push(pin.id);
  }
  for (; next < unpinned.length; next++) ranked.push((unpinned[next] as { id: string }).id);
  return ranked;
}

/** The whole backlog as the API serves it, page by page through its cursors. Ids best first. */
export async function servedRanking(
  caller: Caller,
  productId: string,
  by: (typeof rankMethods)[number],
  limit = 500,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { featureId: string; position: number }[]; nextCursor: string | null } =
      await caller.json(
        'GET',
        `/api/products/${productId}/backlog?by=${by}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
    for (const item of page.items) {
      if (item.position !== ids.length + 1)
        throw new Error(`position ${item.position} after ${ids.length} features`);
      ids.push(item.featureId);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
