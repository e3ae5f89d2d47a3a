import type { FeatureStatus } from '../../db/schema/features';
import type { FeedbackImportance, FeedbackState, feedback } from '../../db/schema/feedback';
import type { ChangeSubject } from '../shared/change-log';

type FeedbackRow = typeof feedback.$inferSelect;

/** A passage of feedback linked to a feature, as the API shows it from either side. */
export interface FeedbackLinkView {
  id: string;
  feedbackId: string;
  featureId: string;
  featureTitle: string;
  featureStatus: FeatureStatus;
  productId: string;
  importance: FeedbackImportance;
  highlight: string;
  highlightStart: number | null;
  highlightEnd: number | null;
  createdAt: string;
}

/** A piece of feedback as the API shows it, with its customer's name and its links to features. */
export interface FeedbackView {
  id: string;
  workspaceId: string;
  productId: string | null;
  customerId: string | null;
  customerName: string | null;
  source: string;
  email: string;
  title: string;
  body: string;
  receivedAt: string;
  state: FeedbackState;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  links: FeedbackLinkView[];
}

/** The audited shape of a piece of feedback: its own fields. */
export function feedbackRecord(row: FeedbackRow) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    productId: row.productId,
    customerId: row.customerId,
    source: row.source,
    email: row.email,
    title: row.title,
    body: row.body,
    receivedAt: row.receivedAt.toISOString(),
    state: row.state,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Maps a row, its customer's name and its links to the API view. */
export function toFeedbackView(
  row: FeedbackRow,
  customerName: string | null,
  links: FeedbackLinkView[],
): FeedbackView {
  return { ...feedbackRecord(row), customerName, links };
}

/** The subject of a write to a piece of feedback, heard by its product's listeners. */
export function feedbackSubject(row: Pick<FeedbackRow, 'id' | 'workspaceId' | 'productId'>): ChangeSubject {
  return {
    entityType: 'feedback',
    entityId: row.id,
    workspaceId: row.workspaceId,
    ...(row.productId ? { productId: row.productId } : {}),
  };
}
