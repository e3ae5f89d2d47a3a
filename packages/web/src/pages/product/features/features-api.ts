import type { FeatureStatus } from '@tandem/core';
import { request } from '../../../api/client';
import type { Page } from '../../../api/types';

/** The demand for a feature: customers who asked, linked feedback, their revenue and the weighted score. */
export interface Demand {
  customers: number;
  feedback: number;
  revenueCents: number;
  score: number;
}

/** An idea or feature of a product. */
export interface Feature {
  id: string;
  workspaceId: string;
  productId: string;
  title: string;
  spec: string;
  status: FeatureStatus;
  customFields: Record<string, string>;
  rank: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  demand: Demand;
}

/** Fields a form changes on a feature. */
export interface FeatureInput {
  title?: string;
  spec?: string;
  status?: FeatureStatus;
  customFields?: Record<string, string>;
}

/** The orders the feature list comes in: rank, most demanded first, title, newest first. */
export type FeatureSort = 'rank' | 'demand' | 'title' | 'createdAt';

/** Which features a page of the list holds. */
export interface FeatureListQuery {
  sort?: FeatureSort;
  status?: FeatureStatus;
  q?: string;
}

/** Query keys of features. */
export const featureKeys = {
  all: ['features'] as const,
  list: (productId: string, query: FeatureListQuery) => ['features', 'list', productId, query] as const,
  /** Every feature of the product by title, for pickers. */
  every: (productId: string) => ['features', 'every', productId] as const,
  one: (featureId: string) => ['features', 'one', featureId] as const,
  feedback: (featureId: string) => ['features', 'feedback', featureId] as const,
};

/** Calls of the feature API. */
export const featuresApi = {
  list: (productId: string, query: FeatureListQuery, cursor?: string) =>
    request<Page<Feature>>('GET', `/api/products/${productId}/features`, {
      query: { ...query, limit: 100, ...(cursor ? { cursor } : {}) },
    }),
  /** Every feature of the product by title, a page of 200 at a time, for the pickers that offer them all. */
  every: async (productId: string) => {
    const items: Feature[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<Feature> = await request<Page<Feature>>('GET', `/api/products/${productId}/features`, {
        query: { sort: 'title', limit: 200, ...(cursor ? { cursor } : {}) },
      });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { items };
  },
  get: (featureId: string) => request<Feature>('GET', `/api/features/${featureId}`),
  create: (productId: string, body: FeatureInput & { title: string }) =>
    request<Feature>('POST', `/api/products/${productId}/features`, { body }),
  update: (feature: Pick<Feature, 'id' | 'version'>, body: FeatureInput) =>
    request<Feature>('PATCH', `/api/features/${feature.id}`, { body, ifMatch: feature.version }),
  remove: (feature: Pick<Feature, 'id' | 'version'>) =>
    request<void>('DELETE', `/api/features/${feature.id}`, { ifMatch: feature.version }),
};

/** Cents as whole currency units, grouped: 12,000. */
export const revenue = (cents: number) =>
  (cents / 100).toLocaleString(undefined, { maximumFractionDigits: 0 });
