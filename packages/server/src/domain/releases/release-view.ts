import type { ReleaseForecast } from '@tandem/core';
import type { releases } from '../../db/schema/releases';
import type { ChangeSubject } from '../shared/change-log';

type ReleaseRow = typeof releases.$inferSelect;

/** A feature of a release as the release page lists it. */
export interface ReleaseFeatureView {
  id: string;
  title: string;
  status: string;
}

/** A project task that delivers one of the release's features, with its forecast finish. */
export interface LinkedTaskView {
  taskId: string;
  projectId: string;
  projectName: string;
  featureId: string;
  name: string;
  finish: string;
  percentComplete: number;
}

/** A release as the API shows it, with its features and its forecast from the linked project work. */
export interface ReleaseView {
  id: string;
  workspaceId: string;
  productId: string;
  versionName: string;
  name: string;
  targetDate: string | null;
  status: ReleaseRow['status'];
  notes: string;
  releasedAt: string | null;
  features: ReleaseFeatureView[];
  /** `linkedTasks` lists the work in projects the caller may see; `hiddenTaskCount` counts the rest, which still counts. */
  forecast: ReleaseForecast & { linkedTasks: LinkedTaskView[]; hiddenTaskCount: number };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The stored fields of a release, as the audit log keeps them. */
export function releaseRecord(row: ReleaseRow, featureIds: readonly string[]) {
  return {
    id: row.id,
    productId: row.productId,
    versionName: row.versionName,
    name: row.name,
    targetDate: row.targetDate,
    status: row.status,
    notes: row.notes,
    releasedAt: row.releasedAt?.toISOString() ?? null,
    featureIds: [...featureIds],
    version: row.version,
  };
}

/** The view of a release from its row, features and forecast. */
export function toReleaseView(
  row: ReleaseRow,
  features: ReleaseFeatureView[],
  forecast: ReleaseView['forecast'],
): ReleaseView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    productId: row.productId,
    versionName: row.versionName,
    name: row.name,
    targetDate: row.targetDate,
    status: row.status,
    notes: row.notes,
    releasedAt: row.releasedAt?.toISOString() ?? null,
    features,
    forecast,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The audit and live-event subject of a release. */
export function releaseSubject(row: { id: string; workspaceId: string; productId: string }): ChangeSubject {
  return { entityType: 'release', entityId: row.id, workspaceId: row.workspaceId, productId: row.productId };
}
