import { featureStatuses, formatScoreNumber, importanceWeights, tierWeights } from '@tandem/core';
import type { Database } from '../../db/client';
import { cursorAfter, cursorKey, invalidCursor, type Sort } from '../../http/pagination';
import { invalid } from '../shared/errors';
import { rankedOrder } from './backlog-order-cache';
import {
  type BacklogFilter,
  type BacklogRow,
  isFiltered,
  matchingFeatures,
  readBacklogRows,
} from './backlog-query';
import type { RankedOrder } from './backlog-ranking';
import { productScope } from './product-scope';
import { type RankBy, riceOf, scorecardOf, valueEffortOf, wsjfOf } from './score-inputs';
import { productCriteria } from './score-service';

/** One feature of the ranked backlog, with the score it is ranked by and why it sits where it does. */
export interface BacklogItem {
  position: number;
  reason: 'pinned' | 'score' | 'unscored';
  featureId: string;
  title: string;
  status: string;
  initiativeId: string | null;
  initiativeTitle: string | null;
  /** The score of the chosen method; null when not scored that way. */
  score: number | null;
  /** The chosen method's formula with this feature's numbers. */
  explanation: string;
  pinnedPosition: number | null;
  scores: {
    rice: number | null;
    wsjf: number | null;
    valueEffort: number | null;
    scorecard: number | null;
    demand: number;
  };
  valueEffort: { value: number; effort: number; quadrant: string } | null;
  demand: { customers: number; feedback: number; revenueCents: number };
  /** The version of the feature's scores, for the next score or pin write (0 before the first). */
  scoreVersion: number;
}

/** A page of the ranked backlog. */
export interface BacklogPage {
  by: RankBy;
  total: number;
  items: BacklogItem[];
  /** Where the next page starts (after the last position of this one), or null on the last page. */
  nextCursor: string | null;
}

/** Where a read of the backlog starts: a cursor from the previous page, or an offset into the ranking. */
export interface BacklogPaging {
  limit: number;
  offset: number;
  cursor?: string | undefined;
}

// A backlog cursor carries the last position shown: positions are unique in a ranking, whatever the filters.
const cursorSort = (by: RankBy): Sort<string> => ({ field: `${by}Position`, direction: 'asc' });

/** The position a backlog cursor points after; 400 naming `cursor` unless it was made for this ranking. */
function positionAfter(by: RankBy, paging: BacklogPaging): number | undefined {
  const after = cursorKey(cursorSort(by), paging.cursor);
  if (after === undefined) return undefined;
  if (typeof after.key !== 'number' || !Number.isInteger(after.key) || after.key < 0 || after.key > 2 ** 31)
    throw invalidCursor();
  if (paging.offset !== 0) throw invalid('offset', 'Give either a cursor or an offset, not both');
  return after.key;
}

/**
 * The ids and places of one page of a ranked order: the features `matching` keeps (all when undefined), after the
 * cursor's place, skipping `offset`, at most `limit`; and how many the filter keeps in all.
 */
function pageOf(
  order: RankedOrder,
  matching: ReadonlySet<string> | undefined,
  page: { limit: number; offset: number; after: number | undefined },
): { slice: { id: string; position: number }[]; total: number } {
  const slice: { id: string; position: number }[] = [];
  let skipped = 0;
  let total = 0;
  for (let k = 0; k < order.ids.length; k++) {
    const id = order.ids[k] as string;
    if (matching && !matching.has(id)) continue;
    total++;
    const position = order.positions[k] as number;
    if (page.after !== undefined && position <= page.after) continue;
    if (skipped < page.offset) skipped++;
    else if (slice.length < page.limit) slice.push({ id, position });
    else if (!matching) return { slice, total: order.ids.length };
  }
  return { slice, total };
}

type Criteria = Awaited<ReturnType<typeof productCriteria>>;

function explain(row: BacklogRow, by: RankBy, criteria: Criteria, demand: number, customers: number): string {
  switch (by) {
    case 'rice':
      return row.rice ? riceOf(row.rice).explanation : 'Not scored by RICE';
    case 'wsjf':
      return row.wsjf ? wsjfOf(row.wsjf).explanation : 'Not scored by WSJF';
    case 'value_effort':
      return row.valueEffort ? valueEffortOf(row.valueEffort).explanation : 'Value and effort not rated';
    case 'scorecard':
      return row.scorecard ? scorecardOf(criteria, row.scorecard).explanation : 'Not rated on the scorecard';
    case 'demand':
      return demand === 0
        ? 'No feedback linked'
        : `Σ tier weight (strategic ${tierWeights.strategic}, key ${tierWeights.key}, standard ${tierWeights.standard}) × highest importance (critical ${importanceWeights.critical}, important ${importanceWeights.important}, nice ${importanceWeights.nice}) over ${customers} customer${customers === 1 ? '' : 's'} and anonymous feedback = ${formatScoreNumber(demand)}`;
    default:
      return by satisfies never;
  }
}

/**
 * A page of a product's backlog ranked by `by` with manual pins, each feature with its scores, its stored demand and
 * the chosen score's explanation, computed for the page's features only.
 */
export async function rankedBacklog(
  db: Database,
  userId: string,
  productId: string,
  by: RankBy,
  filter: BacklogFilter,
  paging: BacklogPaging,
): Promise<BacklogPage> {
  const after = positionAfter(by, paging);
  const unknown = filter.statuses?.find((status) => !(featureStatuses as readonly string[]).includes(status));
  if (unknown !== undefined)
    throw invalid('status', `Unknown feature status "${unknown}"; use ${featureStatuses.join(', ')}`);
  // The ranking and the filter start beside the access check (each on its own connection); nothing is answered
  // before the check. The ranking is the cached order while the product's backlog revision still matches it.
  const [, order, matching, criteria] = await Promise.all([
    productScope(db, userId, productId),
    rankedOrder(db, productId, by),
    isFiltered(filter) ? matchingFeatures(db, productId, filter) : undefined,
    productCriteria(db, productId),
  ]);
  const { slice, total } = pageOf(order, matching, { limit: paging.limit + 1, offset: paging.offset, after });
  const fetched = await readBacklogRows(db, productId, by, slice);
  const rows = fetched.slice(0, paging.limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    slice.length > paging.limit && last ? cursorAfter(cursorSort(by), last.position, last.id) : null;
  const items = rows.map((row): BacklogItem => {
    const d = row.demand;
    const valueEffort = row.valueEffort ? valueEffortOf(row.valueEffort) : null;
    return {
      position: row.position,
      reason: row.pinned !== null ? 'pinned' : row.score === null ? 'unscored' : 'score',
      featureId: row.id,
      title: row.title,
      status: row.status,
      initiativeId: row.initiativeId,
      initiativeTitle: row.initiativeTitle,
      score: by === 'demand' ? d.score : row.score,
      explanation: explain(row, by, criteria, d.score, d.customers),
      pinnedPosition: row.pinned === null ? null : Number(row.pinned),
      scores: {
        rice: row.riceScore,
        wsjf: row.wsjfScore,
        valueEffort: row.valueEffortScore,
        scorecard: row.scorecardScore,
        demand: d.score,
      },
      valueEffort: valueEffort
        ? { value: valueEffort.input.value, effort: valueEffort.input.effort, quadrant: valueEffort.quadrant }
        : null,
      demand: { customers: d.customers, feedback: d.feedback, revenueCents: d.revenueCents },
      scoreVersion: row.scoreVersion ?? 0,
    };
  });
  return { by, total, items, nextCursor };
}
