import { and, eq, ilike, or, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { customers } from '../../db/schema/customers';
import { type FeedbackState, feedback } from '../../db/schema/feedback';
import { ApiError } from '../../http/errors';
import { cursorAfter, keyset, type Page, parseSort } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { assertCustomerAccess } from '../customers/customer-access';
import { featuresAskedFor, refreshDemand } from '../features/feature-demand';
import { assertProductAccess, assertProductPartAccess } from '../products/product-scope';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { containsPattern } from '../shared/text-search';
import { writeTransaction } from '../shared/write-transaction';
import { type FeedbackStateFilter, readFeedback, readOneFeedback, stateCondition } from './feedback-read';
import { type FeedbackView, feedbackRecord, feedbackSubject } from './feedback-view';

type FeedbackRow = typeof feedback.$inferSelect;

/** Fields a client sets on a piece of feedback. */
export interface FeedbackInput {
  title: string;
  body?: string | undefined;
  customerId?: string | null | undefined;
  source?: string | undefined;
  email?: string | undefined;
  /** ISO instant or `YYYY-MM-DD`; now when absent. */
  receivedAt?: string | undefined;
  state?: FeedbackState | undefined;
}

/** A piece of feedback the caller may see (or change); 404 otherwise. */
export async function visibleFeedback(
  db: Queryable,
  userId: string,
  feedbackId: string,
  action: 'see' | 'edit',
  lock = false,
): Promise<FeedbackRow> {
  const query = db.select().from(feedback).where(eq(feedback.id, feedbackId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Feedback', feedbackId);
  if (row.productId) {
    await assertProductPartAccess(
      db,
      userId,
      { label: 'Feedback', ...row, productId: row.productId },
      action,
    );
  } else {
    await assertCustomerAccess(db, userId, row.workspaceId);
  }
  return row;
}

/** 422 naming `customerId` unless the customer exists in the workspace. */
export async function assertCustomerOfWorkspace(
  db: Queryable,
  workspaceId: string,
  customerId: string,
): Promise<void> {
  const [found] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.workspaceId, workspaceId)));
  if (!found) {
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `Customer ${customerId} is not a customer of this workspace`,
      'customerId',
    );
  }
}

/** A receive time as stored: a day is read as midnight UTC. */
export function receivedInstant(text: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00.000Z` : text);
}

/** How a product's feedback is listed, one page at a time. */
export interface FeedbackListQuery {
  state?: FeedbackStateFilter | undefined;
  customerId?: string | undefined;
  q?: string | undefined;
  /** `receivedAt` or `title`, `-` first for descending; newest first by default. */
  sort?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const feedbackSorts = { receivedAt: feedback.receivedAt, title: feedback.title };

/** A page of a product's feedback, newest first: by state (open by default), customer and a text search. */
export async function listFeedback(
  db: Database,
  userId: string,
  productId: string,
  query: FeedbackListQuery,
): Promise<Page<FeedbackView>> {
  await assertProductAccess(db, userId, productId, 'see');
  const sort = parseSort(query.sort, ['receivedAt', 'title'] as const, {
    field: 'receivedAt',
    direction: 'desc',
  });
  const page = keyset(feedbackSorts[sort.field], feedback.id, sort, query.cursor);
  const conditions = [eq(feedback.productId, productId), stateCondition(query.state ?? 'open'), page.where];
  if (query.customerId) conditions.push(eq(feedback.customerId, query.customerId));
  const pattern = containsPattern(query.q);
  if (pattern) conditions.push(or(ilike(feedback.title, pattern), ilike(feedback.body, pattern)));
  const rows = await readFeedback(db, and(...conditions), query.limit + 1, page.orderBy);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? cursorAfter(sort, sort.field === 'title' ? last.title : last.receivedAt, last.id)
        : null,
  };
}

/** One piece of feedback with its links. */
export async function getFeedback(db: Database, userId: string, feedbackId: string): Promise<FeedbackView> {
  await visibleFeedback(db, userId, feedbackId, 'see');
  const found = await readOneFeedback(db, feedbackId);
  if (!found) throw notFound('Feedback', feedbackId);
  return found;
}

/** Inserts a piece of feedback into a product's inbox, inside a transaction the caller holds. */
export async function insertFeedback(
  tx: Transaction,
  userId: string,
  scope: { workspaceId: string; productId: string },
  input: FeedbackInput & { source: string },
): Promise<FeedbackRow> {
  const [row] = await tx
    .insert(feedback)
    .values({
      id: newId('fbk'),
      workspaceId: scope.workspaceId,
      productId: scope.productId,
      customerId: input.customerId ?? null,
      source: input.source,
      email: input.email ?? '',
      title: input.title,
      body: input.body ?? '',
      ...(input.receivedAt ? { receivedAt: receivedInstant(input.receivedAt) } : {}),
      state: input.state ?? 'new',
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error('insert into feedback returned no row');
  await recordChange(tx, userId, feedbackSubject(row), 'create', null, feedbackRecord(row));
  return row;
}

/** Adds a piece of feedback to a product's inbox; an unknown customer is a 422 naming `customerId`. */
export async function createFeedback(
  db: Database,
  userId: string,
  productId: string,
  input: FeedbackInput,
  channel: 'ui' | 'api',
): Promise<FeedbackView> {
  const row = await writeTransaction(db, async (tx) => {
    const ref = await assertProductAccess(tx, userId, productId, 'edit');
    if (input.customerId) await assertCustomerOfWorkspace(tx, ref.workspaceId, input.customerId);
    return insertFeedback(
      tx,
      userId,
      { workspaceId: ref.workspaceId, productId },
      { ...input, source: input.source ?? channel },
    );
  });
  const view = await readOneFeedback(db, row.id);
  if (!view) throw notFound('Feedback', row.id);
  return view;
}

/** Changes a piece of feedback at the expected version (its text, customer, state: archive or reopen). */
export async function updateFeedback(
  db: Database,
  userId: string,
  feedbackId: string,
  expectedVersion: number,
  changes: Changes<FeedbackInput>,
): Promise<FeedbackView> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleFeedback(tx, userId, feedbackId, 'edit', true);
    const before = feedbackRecord(row);
    assertVersion(`Feedback ${feedbackId}`, before, expectedVersion);
    if (changes.customerId) await assertCustomerOfWorkspace(tx, row.workspaceId, changes.customerId);
    const { receivedAt, ...rest } = changes;
    const [next] = await tx
      .update(feedback)
      .set({
        ...definedOnly(rest),
        ...(changes.customerId === null ? { customerId: null } : {}),
        ...(receivedAt ? { receivedAt: receivedInstant(receivedAt) } : {}),
        version: sql`${feedback.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(feedback.id, feedbackId))
      .returning();
    if (!next) throw new Error(`feedback ${feedbackId} vanished while locked`);
    // Another customer (or none) changes who asked for each linked feature, so their demand follows.
    if (next.customerId !== row.customerId)
      await refreshDemand(tx, await featuresAskedFor(tx, { feedbackId }));
    await recordChange(tx, userId, feedbackSubject(next), 'update', before, feedbackRecord(next));
  });
  const view = await readOneFeedback(db, feedbackId);
  if (!view) throw notFound('Feedback', feedbackId);
  return view;
}

/** Deletes a piece of feedback at the expected version; its links go with it, and the demand they made. */
export async function deleteFeedback(
  db: Database,
  userId: string,
  feedbackId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleFeedback(tx, userId, feedbackId, 'edit', true);
    const before = feedbackRecord(row);
    assertVersion(`Feedback ${feedbackId}`, before, expectedVersion);
    const asked = await featuresAskedFor(tx, { feedbackId });
    await tx.delete(feedback).where(eq(feedback.id, feedbackId));
    await refreshDemand(tx, asked);
    await recordChange(tx, userId, feedbackSubject(row), 'delete', before, null);
  });
}
