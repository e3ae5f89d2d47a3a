import { placePins } from '@tandem/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { RankBy } from './score-inputs';

/** A product's whole backlog in ranked order, and the backlog revision it was ranked at. */
export interface RankedOrder {
  /** The product's backlog revision read before the ranking: any later write changes it. */
  revision: number;
  /** Feature ids, best first. */
  ids: readonly string[];
  /** The place of each id in `ids`, in the whole backlog (1-based). */
  positions: Int32Array;
}

/** The stored score column each method ranks by (demand ranks by `feature_demand`). */
export const scoreColumn: Record<Exclude<RankBy, 'demand'>, SQL> = {
  rice: sql`s.rice_score`,
  wsjf: sql`s.wsjf_score`,
  value_effort: sql`s.value_effort_score`,
  scorecard: sql`s.scorecard_score`,
};

/** The product's backlog revision (0 for a product no ranked write has touched yet), by its primary key. */
export async function backlogRevision(db: Queryable, productId: string): Promise<number> {
  const result = await db.execute<{ revision: string }>(
    sql`select revision from backlog_revisions where product_id = ${productId}`,
  );
  return Number(result.rows[0]?.revision ?? 0);
}

/**
 * The pins of a product's backlog placed among its unpinned features (core's `placePins`) and the backlog revision,
 * in one round trip; the revision is read in the same statement as the pins, before the scores are ranked, so a write
 * that lands in between changes the revision and the ranking is not reused past it.
 */
async function placedPins(db: Queryable, productId: string) {
  // Unpinned = all features − pins: an index-only count and one pass over the pins, not a join over the backlog.
  const result = await db.execute<{
    unpinned: string;
    revision: string | null;
    pins: { id: string; rank: string }[];
  }>(sql`
    select (select count(*) from features where product_id = ${productId}) - count(*) as unpinned,
      (select revision from backlog_revisions where product_id = ${productId}) as revision,
      coalesce(json_agg(json_build_object('id', feature_id, 'rank', manual_rank)), '[]'::json) as pins
    from feature_scores where product_id = ${productId} and manual_rank is not null`);
  const row = result.rows[0];
  const unpinned = Number(row?.unpinned ?? 0);
  const pins = placePins(
    (row?.pins ?? []).map((pin) => ({ id: pin.id, pinnedPosition: Number(pin.rank), tieBreaker: pin.id })),
    unpinned,
  );
  return { pins, revision: Number(row?.revision ?? 0) };
}

/**
 * A product's whole backlog ranked by `by`, highest first, ties by id, unscored last, pins at their places, as ids
 * only: the order is what a cache keeps, the rows of a page are read afterwards.
 */
export async function rankBacklog(db: Queryable, productId: string, by: RankBy): Promise<RankedOrder> {
  const { pins, revision } = await placedPins(db, productId);
  // Sorted, so that `width_bucket` counts the pins placed before an unpinned rank by binary search.
  const thresholds = pins.map((pin) => pin.unpinnedBefore).sort((a, b) => a - b);
  // Demand is stored per feature as scores are (see refreshDemand), so every method ranks by a column.
  const demandJoin = by === 'demand' ? sql`left join feature_demand d on d.feature_id = f.id` : sql``;
  const score = by === 'demand' ? sql`d.score` : scoreColumn[by];
  // An unpinned feature's place is its rank among the unpinned (r) plus the pins placed before it; a pin's is core's.
  const position =
    pins.length === 0
      ? sql`ranked.r`
      : sql`coalesce(p.position, ranked.r + width_bucket(ranked.r - 1, ${sql.param(thresholds)}::int[]))`;
  const pinJoin =
    pins.length === 0
      ? sql``
      : sql`left join unnest(${sql.param(pins.map((pin) => pin.id))}::text[], ${sql.param(pins.map((pin) => pin.position))}::int[])
          as p(id, position) on p.id = ranked.id`;
  // One pass ranks the whole backlog: r counts the unpinned features up to each row in score order. Ids tie-break in
  // byte order ("C"), as core's ranking compares them, and much faster than a language collation.
  const result = await db.execute<{ ids: string[] | null }>(sql`
    with ranked as (
      select f.id,
        count(*) filter (where s.manual_rank is null)
          over (order by ${score} desc nulls last, f.id collate "C" rows unbounded preceding) as r
      from features f
      left join feature_scores s on s.feature_id = f.id
      ${demandJoin}
      where f.product_id = ${productId}
    ), placed as (
      select ranked.id, ${position} as position from ranked ${pinJoin}
    )
    select json_agg(id order by position) as ids from placed`);
  // JSON, not a PostgreSQL array: the driver hands 10,000 ids to JSON.parse instead of its own array parser.
  const ids = result.rows[0]?.ids ?? [];
  // The places are 1…n: pins take theirs and the unpinned fill the others in score order (core's placePins).
  return { revision, ids, positions: Int32Array.from(ids, (_, k) => k + 1) };
}
