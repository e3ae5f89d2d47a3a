import type { FeatureDemand } from '@tandem/core';
import type { FeatureStatus, features } from '../../db/schema/features';
import type { ChangeSubject } from '../shared/change-log';

type FeatureRow = typeof features.$inferSelect;

/** A feature as the API shows it, with the demand of the customers who asked for it. */
export interface FeatureView {
  id: string;
  workspaceId: string;
  productId: string;
  title: string;
  spec: string;
  status: FeatureStatus;
  customFields: Record<string, string>;
  rank: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  demand: Omit<FeatureDemand, 'featureId'>;
}

/** Maps a row and its demand to the API view. */
export function toFeatureView(row: FeatureRow, demand: FeatureDemand | undefined): FeatureView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    productId: row.productId,
    title: row.title,
    spec: row.spec,
    status: row.status,
    customFields: row.customFields,
    rank: row.rank,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    demand: {
      customers: demand?.customers ?? 0,
      feedback: demand?.feedback ?? 0,
      revenueCents: demand?.revenueCents ?? 0,
      score: demand?.score ?? 0,
    },
  };
}

/** The audited shape of a feature: its own fields, not the demand computed from others. */
export function featureRecord(row: FeatureRow) {
  const { demand: _, ...own } = toFeatureView(row, undefined);
  return own;
}

/** The subject of a write to a feature, heard by the product's listeners. */
export function featureSubject(row: Pick<FeatureRow, 'id' | 'workspaceId' | 'productId'>): ChangeSubject {
  return { entityType: 'feature', entityId: row.id, workspaceId: row.workspaceId, productId: row.productId };
}
