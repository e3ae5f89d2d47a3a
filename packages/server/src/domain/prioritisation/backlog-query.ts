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
  total: number;
}

/**
 * Demand per feature of a product, as core's `featureDemand` counts it: each distinct customer once at their tier's
 * weight × the highest importance they gave, each piece of anonymous feedback at its importance.
 */
export function demandSql(productId: string): SQL {
  return sql`
    select feature_id, sum(w)::float8 as demand from (
      select fl.feature_id, coalesce(fb.customer_id, 'feedback:' || fb.id) as who,
        max(case fl.importance when 'critical' then 3 when 'important' then 2 else 1 end) *
        max(case c.tier when 'strategic' then 3 when 'key' then 2 else 1 end) as w
      from feedback_links fl
      join features df on df.id = fl.feature_id and df.product_id = ${productId}
      join feedback fb on fb.id = fl.feedback_id
      left join customers c on c.id = fb.customer_id
      group by fl.feature_id, who
    ) per_customer group by feature_id`;
}

const scoreColumn: Record<Exclude<RankBy, 'demand'>, SQL> = {
  rice: sql`s.rice_score`,
  wsjf: sql`s.wsjf_score`,
  value_effort: sql`s.value_effort_score`,
  scorecard: sql`s.scorecard_score`,
};

/** The pins of a product's backlog placed among its unpinned features (core's `placePins`), in one round trip. */
async function placedPins(db: Queryable, productId: string): Promise<PlacedPin[]> {
  // Unpinned = all features − pins: an index-only count, not a join over the backlog.
  const result = await db.execute<{ unpinned: string; pins: { id: string; rank: string }[] }>(sql`
    select
      (select count(*) from features where product_id = ${productId})
        - (select count(*) from feature_scores where product_id = ${productId} and manual_rank is not null) as unpinned,
      coalesce((select json_agg(json_build_object('id', feature_id, 'rank', manual_rank))
        from feature_scores where product_id = ${productId} and manual_rank is not null), '[]'::json) as pins`);
  const row = result.rows[0];
  if (!row) return [];
  return placePins(
    row.pins.map((pin) => ({ id: pin.id, pinnedPosition: Number(pin.rank), tieBreaker: pin.id })),
    Number(row.unpinned),
  );
}

function filterSql(filter: BacklogFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.statuses && filter.statuses.length > 0)
    parts.push(sql`b.status = any(${sql.param([...filter.statuses])}::text[])`);
  if (filter.initiativeId === 'none') parts.push(sql`inf.initiative_id is null`);
  else if (filter.initiativeId) parts.push(sql`inf.initiative_id = ${filter.initiativeId}`);
  const pattern = containsPattern(filter.q);
  if (pattern) parts.push(sql`b.title ilike ${pattern}`);
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
  page: { limit: number; offset: number },
): Promise<BacklogRow[]> {
  const pins = await placedPins(db, productId);
  const thresholds = pins.map((pin) => pin.unpinnedBefore);
  const pinIds = pins.map((pin) => pin.id);
  const pinPositions = pins.map((pin) => pin.position);
  const demandJoin =
    by === 'demand' ? sql`left join (${demandSql(productId)}) d on d.feature_id = f.id` : sql``;
  const score = by === 'demand' ? sql`d.demand` : scoreColumn[by];
  // Without pins a feature's place is its rank by score; with pins, its rank plus the pins placed before it.
  const position =
    pins.length === 0
      ? sql`r`
      : sql`r + (select count(*) from unnest(${sql.param(thresholds)}::int[]) t where t < r)`;
  const pinned =
    pins.length === 0
      ? sql``
      : sql`union all
      select b.id, b.title, b.status, b.score, p.position
      from unnest(${sql.param(pinIds)}::text[], ${sql.param(pinPositions)}::int[]) as p(id, position)
      join base b on b.id = p.id`;
  // The ranking reads only what it sorts and filters on; the page's rows are joined to their details afterwards.
  // Ids tie-break in byte order ("C"), as core's ranking compares them, and much faster than a language collation.
  const result = await db.execute<Record<string, unknown>>(sql`
    with base as (
      select f.id, f.title, f.status, ${score} as score, s.manual_rank
      from features f
      left join feature_scores s on s.feature_id = f.id
      ${demandJoin}
      where f.product_id = ${productId}
    ), ranked as (
      select id, title, status, score, row_number() over (order by score desc nulls last, id collate "C") as r
      from base where manual_rank is null
    ), positioned as (
      select id, title, status, score, ${position} as position from ranked
      ${pinned}
    ), page as (
      select b.id, b.position, b.score, count(*) over () as total
      from positioned b
      left join initiative_features inf on inf.feature_id = b.id
      where ${filterSql(filter)}
      order by b.position
      limit ${page.limit} offset ${page.offset}
    )
    select page.position, page.total, page.score, f.id, f.title, f.status, s.manual_rank, s.version as score_version,
      s.rice, s.wsjf, s.value_effort, s.scorecard, s.rice_score, s.wsjf_score, s.value_effort_score, s.scorecard_score,
      inf.initiative_id, ini.title as initiative_title
    from page
    join features f on f.id = page.id
    left join feature_scores s on s.feature_id = f.id
    left join initiative_features inf on inf.feature_id = f.id
    left join initiatives ini on ini.id = inf.initiative_id
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
    total: Number(row.total),
  }));
}

/** Demand (score, customers, feedback, revenue) of a few features, for the page being shown. */
export async function demandOf(
  db: Queryable,
  featureIds: readonly string[],
): Promise<Map<string, { score: number; customers: number; feedback: number; revenueCents: number }>> {
  if (featureIds.length === 0) return new Map();
  const result = await db.execute<Record<string, unknown>>(sql`
    select feature_id, sum(w)::float8 as score, count(customer_id) as customers, sum(pieces) as feedback,
      coalesce(sum(revenue), 0)::float8 as revenue
    from (
      select fl.feature_id, fb.customer_id, coalesce(fb.customer_id, 'feedback:' || fb.id) as who,
        count(distinct fb.id) as pieces, max(c.revenue_cents) as revenue,
        max(case fl.importance when 'critical' then 3 when 'important' then 2 else 1 end) *
        max(case c.tier when 'strategic' then 3 when 'key' then 2 else 1 end) as w
      -- From the page's ids outwards, so each step is an index lookup rather than a scan of all the feedback.
      from unnest(${sql.param([...featureIds])}::text[]) as page(id)
      join feedback_links fl on fl.feature_id = page.id
      join feedback fb on fb.id = fl.feedback_id
      left join customers c on c.id = fb.customer_id
      group by fl.feature_id, fb.customer_id, who
    ) per_customer group by feature_id`);
  return new Map(
    result.rows.map((row) => [
      String(row.feature_id),
      {
        score: Number(row.score),
        customers: Number(row.customers),
        feedback: Number(row.feedback),
        revenueCents: Number(row.revenue),
      },
    ]),
  );
}
