import { resolveHighlight } from '@tandem/core';
import { eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { features } from '../../db/schema/features';
import { type FeedbackImportance, feedback, feedbackLinks } from '../../db/schema/feedback';
import { ApiError } from '../../http/errors';
import { visibleCustomer } from '../customers/customer-service';
import { refreshDemand } from '../features/feature-demand';
import { createFeatureIn, visibleFeature } from '../features/feature-service';
import { recordChange } from '../shared/change-log';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { readFeedback, readOneFeedback } from './feedback-read';
import { visibleFeedback } from './feedback-service';
import { type FeedbackView, feedbackRecord, feedbackSubject } from './feedback-view';

type FeedbackRow = typeof feedback.$inferSelect;

/** What a triage link says: which feature (an existing one, or a new one made on the spot), how much, which passage. */
export interface LinkInput {
  featureId?: string | undefined;
  newFeature?: { title: string; productId?: string | undefined } | undefined;
  importance: FeedbackImportance;
  highlight?: string | undefined;
  highlightStart?: number | undefined;
  highlightEnd?: number | undefined;
}

const highlightMessages = {
  OUT_OF_RANGE: 'lies outside the feedback text',
  EMPTY: 'makes an empty passage: select some text',
  TEXT_MISMATCH: 'is not the text the offsets cover',
  NOT_IN_TEXT: 'is not in the feedback text',
} as const;

/**
 * The feature a link points at: 404 when it does not exist or the caller may not see it, 422 when it lives in another
 * workspace than the feedback (a link may not carry demand across workspaces).
 */
async function featureToLink(tx: Transaction, userId: string, row: FeedbackRow, featureId: string) {
  const [feature] = await tx.select().from(features).where(eq(features.id, featureId)).for('key share');
  if (!feature) throw notFound('Feature', featureId);
  const ref = { kind: 'product' as const, id: feature.productId, workspaceId: feature.workspaceId };
  if (!(await policy.canSee(tx, userId, ref))) throw notFound('Feature', featureId);
  if (feature.workspaceId !== row.workspaceId) {
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `Feature ${featureId} belongs to another workspace than feedback ${row.id}`,
      'featureId',
    );
  }
  return feature;
}

/**
 * Links a passage of a piece of feedback to a feature with an importance, and marks the feedback triaged: the demand
 * for the feature grows by its customer, stored in the same transaction. With `newFeature`, the feature is created in the same transaction.
 */
export async function linkFeedback(
  db: Database,
  userId: string,
  feedbackId: string,
  input: LinkInput,
): Promise<FeedbackView> {
  if ((input.featureId === undefined) === (input.newFeature === undefined)) {
    throw invalid('featureId', 'Give either featureId (an existing feature) or newFeature (one to create)');
  }
  await writeTransaction(db, async (tx) => {
    const row = await visibleFeedback(tx, userId, feedbackId, 'edit', true);
    const placed = resolveHighlight(row.body, {
      text: input.highlight,
      start: input.highlightStart,
      end: input.highlightEnd,
    });
    if (!placed.ok) {
      const { field, code } = placed.problem;
      throw invalid(field, `The highlight ${highlightMessages[code]}`);
    }
    let featureId: string;
    if (input.featureId !== undefined) {
      featureId = (await featureToLink(tx, userId, row, input.featureId)).id;
    } else {
      const productId = input.newFeature?.productId ?? row.productId;
      if (!productId)
        throw invalid('newFeature.productId', "Feedback without a product needs the new feature's product");
      const created = await createFeatureIn(tx, userId, productId, { title: input.newFeature?.title ?? '' });
      if (created.workspaceId !== row.workspaceId) {
        throw new ApiError(
          422,
          'VALIDATION_FAILED',
          "The new feature must be in the feedback's workspace",
          'newFeature.productId',
        );
      }
      featureId = created.id;
    }
    await tx.insert(feedbackLinks).values({
      id: newId('fbl'),
      workspaceId: row.workspaceId,
      feedbackId,
      featureId,
      importance: input.importance,
      highlight: placed.highlight.text,
      highlightStart: placed.highlight.start,
      highlightEnd: placed.highlight.end,
      createdBy: userId,
    });
    await refreshDemand(tx, [featureId]);
    const [next] = await tx
      .update(feedback)
      .set({
        state: row.state === 'new' ? 'triaged' : row.state,
        version: sql`${feedback.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(feedback.id, feedbackId))
      .returning();
    if (!next) throw new Error(`feedback ${feedbackId} vanished while locked`);
    const linked = { featureId, importance: input.importance, highlight: placed.highlight.text };
    await recordChange(tx, userId, feedbackSubject(next), 'update', feedbackRecord(row), {
      ...feedbackRecord(next),
      linked,
    });
  });
  const view = await readOneFeedback(db, feedbackId);
  if (!view) throw notFound('Feedback', feedbackId);
  return view;
}

/** Removes one link of feedback to a feature. */
export async function unlinkFeedback(db: Database, userId: string, linkId: string): Promise<FeedbackView> {
  const feedbackId = await writeTransaction(db, async (tx) => {
    const [link] = await tx.select().from(feedbackLinks).where(eq(feedbackLinks.id, linkId));
    if (!link) throw notFound('Feedback link', linkId);
    const row = await visibleFeedback(tx, userId, link.feedbackId, 'edit', true).catch((error) => {
      if (error instanceof ApiError && error.status === 404) throw notFound('Feedback link', linkId);
      throw error;
    });
    await tx.delete(feedbackLinks).where(eq(feedbackLinks.id, linkId));
    await refreshDemand(tx, [link.featureId]);
    const [next] = await tx
      .update(feedback)
      .set({ version: sql`${feedback.version} + 1`, updatedAt: sql`now()` })
      .where(eq(feedback.id, row.id))
      .returning();
    if (!next) throw new Error(`feedback ${row.id} vanished while locked`);
    await recordChange(
      tx,
      userId,
      feedbackSubject(next),
      'update',
      { ...feedbackRecord(row), unlinked: link.featureId },
      feedbackRecord(next),
    );
    return row.id;
  });
  const view = await readOneFeedback(db, feedbackId);
  if (!view) throw notFound('Feedback', feedbackId);
  return view;
}

/** The feedback that asked for a feature, each with the passages linked to it and its customer. */
export async function feedbackOfFeature(
  db: Database,
  userId: string,
  featureId: string,
): Promise<FeedbackView[]> {
  await visibleFeature(db, userId, featureId, 'see');
  const where = sql`${feedback.id} in (select ${feedbackLinks.feedbackId} from ${feedbackLinks} where ${feedbackLinks.featureId} = ${featureId})`;
  const items = await readFeedback(db, where);
  // Only the links to this feature matter here.
  return items.map((item) => ({ ...item, links: item.links.filter((link) => link.featureId === featureId) }));
}

/** What a customer asked for: their feedback (every state) with the features it is linked to. */
export async function customerRequests(
  db: Database,
  userId: string,
  customerId: string,
): Promise<FeedbackView[]> {
  await visibleCustomer(db, userId, customerId);
  return readFeedback(db, eq(feedback.customerId, customerId));
}
