import type { tasks } from '../../db/schema/tasks';

type TaskRow = typeof tasks.$inferSelect;

/** A task as the API shows it. */
export interface TaskView {
  id: string;
  workspaceId: string;
  projectId: string;
  parentId: string | null;
  name: string;
  /** Working minutes. */
  durationMinutes: number;
  /** Order among siblings, ascending. */
  position: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row to its API view. */
export function toTaskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    parentId: row.parentId,
    name: row.name,
    durationMinutes: row.durationMinutes,
    position: row.position,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
