import type { WorkContour } from '@tandem/core';
import type { assignments } from '../../db/schema/assignments';
import type { ResourceKind } from '../../db/schema/resources';

type AssignmentRow = typeof assignments.$inferSelect;

/** An assignment as the API shows it, with the names of its task and resource for the views that list them. */
export interface AssignmentView {
  id: string;
  workspaceId: string;
  projectId: string;
  taskId: string;
  taskName: string;
  resourceId: string;
  resourceName: string;
  resourceKind: ResourceKind;
  /** 1 = 100 % of the resource's working time. */
  units: number;
  /** Work in minutes; null derives it from the task's duration and the units. */
  workMinutes: number | null;
  /** How the work is spread over the assignment's span; any contour but flat stretches it. */
  contour: WorkContour;
  /** The part of the work done as overtime, in minutes, which takes no working time. */
  overtimeWorkMinutes: number;
  /** Working minutes after the task's start before the assignment begins. */
  delayMinutes: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The names an assignment's view shows beside its row. */
export interface AssignmentNames {
  taskName: string;
  resourceName: string;
  resourceKind: ResourceKind;
}

/** Maps a row and its names to the API view. */
export function toAssignmentView(row: AssignmentRow, names: AssignmentNames): AssignmentView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    taskId: row.taskId,
    taskName: names.taskName,
    resourceId: row.resourceId,
    resourceName: names.resourceName,
    resourceKind: names.resourceKind,
    // A `real` column gives 0.1 back as 0.10000000149; units are typed with at most four decimals.
    units: Math.round(row.units * 10_000) / 10_000,
    workMinutes: row.workMinutes,
    contour: row.contour,
    overtimeWorkMinutes: row.overtimeWorkMinutes,
    delayMinutes: row.delayMinutes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of an assignment's change: its project's, so the plan's viewers hear it. */
export function assignmentSubject(row: Pick<AssignmentRow, 'id' | 'workspaceId' | 'projectId'>) {
  return {
    entityType: 'assignment' as const,
    entityId: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
  };
}
