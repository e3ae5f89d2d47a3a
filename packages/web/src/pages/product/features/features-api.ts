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

/** How many matches a feature picker shows: enough to scan, few enough to come back at once. */
const pickerPageSize = 30;

/** The most ids the feature list takes in its `ids` filter, and so in one page. */
const maxIdsPerRequest = 200;

/** Query keys of features. */
export const featureKeys = {
  all: ['features'] as const,
  list: (productId: string, query: FeatureListQuery) => ['features', 'list', productId, query] as const,
  /** The features whose titles hold `q`, by title, as a picker offers them. */
  search: (productId: string, q: string) => ['features', 'search', productId, q] as const,
  /** Named features of a product, for a view showing the titles of those it links. */
  byIds: (productId: string, ids: readonly string[]) => ['features', 'by-ids', productId, ids] as const,
  one: (featureId: string) => ['features', 'one', featureId] as const,
  feedback: (featureId: string) => ['features', 'feedback', featureId] as const,
};

/** Calls of the feature API. */
export const featuresApi = {
  list: (productId: string, query: FeatureListQuery, cursor?: string) =>
    request<Page<Feature>>('GET', `/api/products/${productId}/features`, {
      query: { ...query, limit: 100, ...(cursor ? { cursor } : {}) },
    }),
  /** The first `pickerPageSize` features whose titles hold `q`, by title: what a picker offers as its user types. */
  search: (productId: string, q: string) =>
    request<Page<Feature>>('GET', `/api/products/${productId}/features`, {
      query: { sort: 'title', limit: pickerPageSize, ...(q.trim() ? { q: q.trim() } : {}) },
    }),
  /** The named features of a product, by title, in one request per `maxIdsPerRequest` ids. */
  byIds: async (productId: string, ids: readonly string[]) => {
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += maxIdsPerRequest) {
      chunks.push(ids.slice(start, start + maxIdsPerRequest));
    }
    const pages = await Promise.all(
      chunks.map((chunk) =>
        request<Page<Feature>>('GET', `/api/products/${productId}/features`, {
          query: { sort: 'title', limit: maxIdsPerRequest, ids: chunk.join(',') },
        }),
      ),
    );
    return { items: pages.flatMap((page) => page.items) };
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
