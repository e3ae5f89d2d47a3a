import { and, asc, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { features } from '../../db/schema/features';
import { type FeedbackState, feedback, feedbackLinks } from '../../db/schema/feedback';
import { type FeedbackLinkView, type FeedbackView, toFeedbackView } from './feedback-view';

const linkColumns = {
  id: feedbackLinks.id,
  feedbackId: feedbackLinks.feedbackId,
  featureId: feedbackLinks.featureId,
  featureTitle: features.title,
  featureStatus: features.status,
  productId: features.productId,
  importance: feedbackLinks.importance,
  highlight: feedbackLinks.highlight,
  highlightStart: feedbackLinks.highlightStart,
  highlightEnd: feedbackLinks.highlightEnd,
  createdAt: feedbackLinks.createdAt,
};

/** The feature links of the given pieces of feedback, oldest first, grouped by feedback id. */
export async function linksOf(
  db: Queryable,
  feedbackIds: readonly string[],
): Promise<Map<string, FeedbackLinkView[]>> {
  const map = new Map<string, FeedbackLinkView[]>();
  if (feedbackIds.length === 0) return map;
  const rows = await db
    .select(linkColumns)
    .from(feedbackLinks)
    .innerJoin(features, eq(features.id, feedbackLinks.featureId))
    .where(inArray(feedbackLinks.feedbackId, [...feedbackIds]))
    .orderBy(asc(feedbackLinks.createdAt), asc(feedbackLinks.id));
  for (const row of rows) {
    const view = { ...row, createdAt: row.createdAt.toISOString() };
    const list = map.get(row.feedbackId);
    if (list) list.push(view);
    else map.set(row.feedbackId, [view]);
  }
  return map;
}

/** Which feedback a list shows: one state, every state but archived (`open`), or all. */
export type FeedbackStateFilter = FeedbackState | 'open' | 'all';

/** Pieces of feedback matching `where`, newest first unless `orderBy` says, with their customers' names and links. */
export async function readFeedback(
  db: Queryable,
  where: SQL | undefined,
  limit = 500,
  orderBy: SQL[] = [desc(feedback.receivedAt), desc(feedback.id)],
): Promise<FeedbackView[]> {
  const rows = await db
    .select({ row: feedback, customerName: customers.name })
    .from(feedback)
    .leftJoin(customers, eq(customers.id, feedback.customerId))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
  const links = await linksOf(
    db,
    rows.map((r) => r.row.id),
  );
  return rows.map((r) => toFeedbackView(r.row, r.customerName, links.get(r.row.id) ?? []));
}

/** The condition of a state filter. */
export function stateCondition(state: FeedbackStateFilter): SQL | undefined {
  if (state === 'all') return undefined;
  if (state === 'open') return ne(feedback.state, 'archived');
  return eq(feedback.state, state);
}

/** One piece of feedback by id, as the API shows it (no access check: callers check first). */
export async function readOneFeedback(db: Queryable, feedbackId: string): Promise<FeedbackView | undefined> {
  const [found] = await readFeedback(db, and(eq(feedback.id, feedbackId)), 1);
  return found;
}
