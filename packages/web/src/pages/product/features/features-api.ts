import type { FeatureStatus } from '@tandem/core';
import { request } from '../../../api/client';

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

/** Query keys of features. */
export const featureKeys = {
  all: ['features'] as const,
  list: (productId: string) => ['features', 'list', productId] as const,
  one: (featureId: string) => ['features', 'one', featureId] as const,
  feedback: (featureId: string) => ['features', 'feedback', featureId] as const,
};

/** Calls of the feature API. */
export const featuresApi = {
  list: (productId: string, sort?: 'rank' | 'demand') =>
    request<{ items: Feature[] }>('GET', `/api/products/${productId}/features`, { query: { sort } }),
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
