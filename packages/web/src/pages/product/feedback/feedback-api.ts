import { request } from '../../../api/client';
import type { Page } from '../../../api/types';

/** How much a linked passage says a feature matters. */
export type Importance = 'nice' | 'important' | 'critical';

/** How each importance reads. */
export const importanceLabels: Record<Importance, string> = {
  nice: 'Nice to have',
  important: 'Important',
  critical: 'Critical',
};

/** A passage of feedback linked to a feature. */
export interface FeedbackLink {
  id: string;
  feedbackId: string;
  featureId: string;
  featureTitle: string;
  featureStatus: string;
  productId: string;
  importance: Importance;
  highlight: string;
  highlightStart: number | null;
  highlightEnd: number | null;
}

/** Inbox state. */
export type FeedbackState = 'new' | 'triaged' | 'archived';

/** A piece of feedback with its customer and links. */
export interface Feedback {
  id: string;
  productId: string | null;
  customerId: string | null;
  customerName: string | null;
  source: string;
  email: string;
  title: string;
  body: string;
  receivedAt: string;
  state: FeedbackState;
  version: number;
  links: FeedbackLink[];
}

/** What a CSV import did. */
export interface ImportResult {
  imported: number;
  createdCustomers: string[];
  ignoredColumns: string[];
}

/** Query keys of feedback. */
export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (productId: string, state: string, q: string) => ['feedback', 'list', productId, state, q] as const,
  ofCustomer: (customerId: string) => ['feedback', 'customer', customerId] as const,
};

/** Calls of the feedback API. */
export const feedbackApi = {
  list: (productId: string, query: { state: string; q?: string }, cursor?: string) =>
    request<Page<Feedback>>('GET', `/api/products/${productId}/feedback`, {
      query: { ...query, limit: 50, ...(cursor ? { cursor } : {}) },
    }),
  create: (productId: string, body: { title: string; body: string; customerId?: string | null }) =>
    request<Feedback>('POST', `/api/products/${productId}/feedback`, { body, query: { channel: 'ui' } }),
  update: (
    item: Pick<Feedback, 'id' | 'version'>,
    body: { state?: FeedbackState; title?: string; body?: string },
  ) => request<Feedback>('PATCH', `/api/feedback/${item.id}`, { body, ifMatch: item.version }),
  link: (
    feedbackId: string,
    body: {
      featureId?: string;
      newFeature?: { title: string };
      importance: Importance;
      highlightStart?: number;
      highlightEnd?: number;
    },
  ) => request<Feedback>('POST', `/api/feedback/${feedbackId}/links`, { body }),
  unlink: (linkId: string) => request<Feedback>('DELETE', `/api/feedback-links/${linkId}`),
  ofFeature: (featureId: string) =>
    request<{ items: Feedback[] }>('GET', `/api/features/${featureId}/feedback`),
  ofCustomer: (customerId: string) =>
    request<{ items: Feedback[] }>('GET', `/api/customers/${customerId}/feedback`),
};
