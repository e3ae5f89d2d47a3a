import { type PlacedPin, placePins } from '@tandem/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { StoredRice, StoredValueEffort, StoredWsjf } from '../../db/schema/prioritisation';
import { containsPattern } from '../shared/text-search';
import type { RankBy } from './score-inputs';

/** Which features of the backlog a read returns. */
export interface BacklogFilter {
  statuses?: readonly string[] | undefined;
  /** An initiative id, or `none` for features in no initiative. */
  initiativeId?: string | undefined;
  q?: string | undefined;
}

/** One ranked row as the query returns it. */
export interface BacklogRow {
  position: number;
  id: string;
  title: string;
  status: string;
  score: number | null;
  pinned: string | null;
  scoreVersion: number | null;
  rice: StoredRice | null;
  wsjf: StoredWsjf | null;
  valueEffort: StoredValueEffort | null;
  scorecard: Record<string, number> | null;
  riceScore: number | null;
  wsjfScore: number | null;
  valueEffortScore: number | null;
  scorecardScore: number | null;
  initiativeId: string | null;
  initiativeTitle: string | null;
  /** The stored demand (zero when no feedback is linked). */
  demand: { score: number; customers: number; feedback: number; revenueCents: number };
  total: number;
}

/** Which page of the ranked backlog to read: after a position (a cursor's), or from an offset. */
export interface BacklogPosition {
  limit: number;
  offset: number;
  /** The position of the previous page's last feature; the page starts after it. */
  after?: number | undefined;
}

const scoreColumn: Record<Exclude<RankBy, 'demand'>, SQL> = {
  rice: sql`s.rice_score`,
  wsjf: sql`s.wsjf_score`,
  value_effort: sql`s.value_effort_score`,
  scorecard: sql`s.scorecard_score`,
};

/** The pins of a product's backlog placed among its unpinned features (core's `placePins`), in one round trip. */
async function placedPins(
  db: Queryable,
  productId: string,
): Promise<{ pins: PlacedPin[]; features: number }> {
  // Unpinned = all features − pins: an index-only count and one pass over the pins, not a join over the backlog.
  const result = await db.execute<{ unpinned: string; pins: { id: string; rank: string }[] }>(sql`
    select (select count(*) from features where product_id = ${productId}) - count(*) as unpinned,
      coalesce(json_agg(json_build_object('id', feature_id, 'rank', manual_rank)), '[]'::json) as pins
    from feature_scores where product_id = ${productId} and manual_rank is not null`);
  const row = result.rows[0];
  if (!row) return { pins: [], features: 0 };
  const pins = placePins(
    row.pins.map((pin) => ({ id: pin.id, pinnedPosition: Number(pin.rank), tieBreaker: pin.id })),
    Number(row.unpinned),
  );
  return { pins, features: Number(row.unpinned) + pins.length };
}

const isFiltered = (filter: BacklogFilter) =>
  (filter.statuses !== undefined && filter.statuses.length > 0) ||
  filter.initiativeId !== undefined ||
  containsPattern(filter.q) !== undefined;

function filterSql(filter: BacklogFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.statuses && filter.statuses.length > 0)
    parts.push(sql`ranked.status = any(${sql.param([...filter.statuses])}::text[])`);
  if (filter.initiativeId === 'none') parts.push(sql`inf.initiative_id is null`);
  else if (filter.initiativeId) parts.push(sql`inf.initiative_id = ${filter.initiativeId}`);
  const pattern = containsPattern(filter.q);
  if (pattern) parts.push(sql`ranked.title ilike ${pattern}`);
  return sql.join(parts, sql` and `);
}

/**
 * One page of a product's backlog ranked by `by`, highest first, ties by id, unscored last, pins at their places; the
 * positions are those of the whole backlog, so a filtered page still shows where each feature stands. Ranking, pins and
 * filters all run in PostgreSQL: only the page comes back.
 */
export async function readBacklog(
  db: Queryable,
  productId: string,
  by: RankBy,
  filter: BacklogFilter,
  page: BacklogPosition,
): Promise<BacklogRow[]> {
  const { pins, features } = await placedPins(db, productId);
  // Unfiltered, the total is every feature, already counted: no second pass over the backlog to count it.
  const total = isFiltered(filter) ? sql`count(*) over ()` : sql`${features}::int`;
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
  // byte order ("C"), as core's ranking compares them, and much faster than a language collation. The page's rows
  // are joined to their details only once the page is cut.
  const result = await db.execute<Record<string, unknown>>(sql`
    with ranked as (
      select f.id, f.title, f.status, ${score} as score,
        count(*) filter (where s.manual_rank is null)
          over (order by ${score} desc nulls last, f.id collate "C" rows unbounded preceding) as r
      from features f
      left join feature_scores s on s.feature_id = f.id
      ${demandJoin}
      where f.product_id = ${productId}
    ), filtered as (
      select ranked.id, ranked.title, ranked.status, ranked.score, ${position} as position, ${total} as total
      from ranked
      ${pinJoin}
      left join initiative_features inf on inf.feature_id = ranked.id
      where ${filterSql(filter)}
    ), page as (
      -- Counted before the cut after the cursor, so the total is the filtered backlog's, on every page.
      select * from filtered
      where ${page.after === undefined ? sql`true` : sql`position > ${page.after}`}
      order by position
      limit ${page.limit} offset ${page.offset}
    )
    select page.position, page.total, page.score, page.id, page.title, page.status, s.manual_rank,
      s.version as score_version, s.rice, s.wsjf, s.value_effort, s.scorecard, s.rice_score, s.wsjf_score,
      s.value_effort_score, s.scorecard_score, inf.initiative_id, ini.title as initiative_title,
      d.score as demand, d.customers, d.feedback, d.revenue_cents
    from page
    left join feature_scores s on s.feature_id = page.id
    left join initiative_features inf on inf.feature_id = page.id
    left join initiatives ini on ini.id = inf.initiative_id
    left join feature_demand d on d.feature_id = page.id
    order by page.position`);
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return result.rows.map((row) => ({
    position: Number(row.position),
    id: String(row.id),
    title: String(row.title),
    status: String(row.status),
    score: num(row.score),
    pinned: (row.manual_rank as string | null) ?? null,
    scoreVersion: num(row.score_version),
    rice: (row.rice as StoredRice | null) ?? null,
    wsjf: (row.wsjf as StoredWsjf | null) ?? null,
    valueEffort: (row.value_effort as StoredValueEffort | null) ?? null,
    scorecard: (row.scorecard as Record<string, number> | null) ?? null,
    riceScore: num(row.rice_score),
    wsjfScore: num(row.wsjf_score),
    valueEffortScore: num(row.value_effort_score),
    scorecardScore: num(row.scorecard_score),
    initiativeId: (row.initiative_id as string | null) ?? null,
    initiativeTitle: (row.initiative_title as string | null) ?? null,
    demand: {
      score: num(row.demand) ?? 0,
      customers: num(row.customers) ?? 0,
      feedback: num(row.feedback) ?? 0,
      revenueCents: num(row.revenue_cents) ?? 0,
    },
    total: Number(row.total),
  }));
}
