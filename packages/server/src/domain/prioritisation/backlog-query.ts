import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { StoredRice, StoredValueEffort, StoredWsjf } from '../../db/schema/prioritisation';
import { containsPattern } from '../shared/text-search';
import { scoreColumn } from './backlog-ranking';
import type { RankBy } from './score-inputs';

/** Which features of the backlog a read returns. */
export interface BacklogFilter {
  statuses?: readonly string[] | undefined;
  /** An initiative id, or `none` for features in no initiative. */
  initiativeId?: string | undefined;
  q?: string | undefined;
}

/** One row of a backlog page with its place in the whole backlog. */
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
}

/** Whether `filter` leaves out any feature. */
export const isFiltered = (filter: BacklogFilter) =>
  (filter.statuses !== undefined && filter.statuses.length > 0) ||
  filter.initiativeId !== undefined ||
  containsPattern(filter.q) !== undefined;

function filterSql(filter: BacklogFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.statuses && filter.statuses.length > 0)
    parts.push(sql`f.status = any(${sql.param([...filter.statuses])}::text[])`);
  if (filter.initiativeId === 'none') parts.push(sql`inf.initiative_id is null`);
  else if (filter.initiativeId) parts.push(sql`inf.initiative_id = ${filter.initiativeId}`);
  const pattern = containsPattern(filter.q);
  if (pattern) parts.push(sql`f.title ilike ${pattern}`);
  return sql.join(parts, sql` and `);
}

/** The ids of the product's features that `filter` keeps, in no order: the ranking places them. */
export async function matchingFeatures(
  db: Queryable,
  productId: string,
  filter: BacklogFilter,
): Promise<Set<string>> {
  const result = await db.execute<{ ids: string[] }>(sql`
    select coalesce(array_agg(f.id), '{}') as ids from features f
    left join initiative_features inf on inf.feature_id = f.id
    where f.product_id = ${productId} and ${filterSql(filter)}`);
  return new Set(result.rows[0]?.ids ?? []);
}

/** The rows of one page, given its features' ids and places, in that order; a feature gone since is left out. */
export async function readBacklogRows(
  db: Queryable,
  productId: string,
  by: RankBy,
  page: readonly { id: string; position: number }[],
): Promise<BacklogRow[]> {
  if (page.length === 0) return [];
  const score = by === 'demand' ? sql`d.score` : scoreColumn[by];
  const result = await db.execute<Record<string, unknown>>(sql`
    select page.position, ${score} as score, f.id, f.title, f.status, s.manual_rank,
      s.version as score_version, s.rice, s.wsjf, s.value_effort, s.scorecard, s.rice_score, s.wsjf_score,
      s.value_effort_score, s.scorecard_score, inf.initiative_id, ini.title as initiative_title,
      d.score as demand, d.customers, d.feedback, d.revenue_cents
    from unnest(${sql.param(page.map((row) => row.id))}::text[], ${sql.param(page.map((row) => row.position))}::int[])
      as page(id, position)
    join features f on f.id = page.id and f.product_id = ${productId}
    left join feature_scores s on s.feature_id = f.id
    left join initiative_features inf on inf.feature_id = f.id
    left join initiatives ini on ini.id = inf.initiative_id
    left join feature_demand d on d.feature_id = f.id
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
  }));
}
