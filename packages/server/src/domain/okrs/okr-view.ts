import { keyResultProgress, objectiveProgress } from '@tandem/core';
import type { KeyResultDirection, keyResults, ObjectiveStatus, objectives } from '../../db/schema/okrs';
import type { ChangeSubject } from '../shared/change-log';

type ObjectiveRow = typeof objectives.$inferSelect;
type KeyResultRow = typeof keyResults.$inferSelect;

/** A key result as the API shows it, with its progress from 0 to 1. */
export interface KeyResultView {
  id: string;
  objectiveId: string;
  title: string;
  unit: string;
  startValue: number;
  targetValue: number;
  currentValue: number;
  direction: KeyResultDirection;
  progress: number;
  updatedAt: string;
  version: number;
}

/** An objective with its key results and its progress (their mean; null without key results). */
export interface ObjectiveView {
  id: string;
  workspaceId: string;
  productId: string;
  parentId: string | null;
  title: string;
  description: string;
  period: string;
  ownerId: string | null;
  status: ObjectiveStatus;
  progress: number | null;
  keyResults: KeyResultView[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a key result row to its view. */
export function toKeyResultView(row: KeyResultRow): KeyResultView {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    title: row.title,
    unit: row.unit,
    startValue: row.startValue,
    targetValue: row.targetValue,
    currentValue: row.currentValue,
    direction: row.direction,
    progress: keyResultProgress(row),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Maps an objective row and its key result rows to the view. */
export function toObjectiveView(row: ObjectiveRow, results: readonly KeyResultRow[]): ObjectiveView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    productId: row.productId,
    parentId: row.parentId,
    title: row.title,
    description: row.description,
    period: row.period,
    ownerId: row.ownerId,
    status: row.status,
    progress: objectiveProgress(results),
    keyResults: results.map(toKeyResultView),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The audited shape of an objective: its own fields. */
export function objectiveRecord(row: ObjectiveRow) {
  const { progress: _, keyResults: __, ...own } = toObjectiveView(row, []);
  return own;
}

/** The subject of a write to an objective or one of its key results, heard by the product's listeners. */
export function okrSubject(
  entityType: 'objective' | 'keyResult',
  id: string,
  objective: Pick<ObjectiveRow, 'workspaceId' | 'productId'>,
): ChangeSubject {
  return { entityType, entityId: id, workspaceId: objective.workspaceId, productId: objective.productId };
}
