import type { baselines } from '../../db/schema/baselines';
import type { ChangeSubject } from '../shared/change-log';

type BaselineRow = typeof baselines.$inferSelect;

/** A baseline in a list: what it is and the span of the plan it keeps, without its tasks. */
export interface BaselineSummary {
  id: string;
  projectId: string;
  name: string;
  note: string;
  planRevision: number;
  /** Earliest start and latest finish of its tasks, `YYYY-MM-DDTHH:MM` (null for a plan without tasks). */
  start: string | null;
  finish: string | null;
  taskCount: number;
  createdBy: string | null;
  createdAt: string;
  version: number;
}

/** A whole baseline: the summary and the snapshot of every task, by task id. */
export interface BaselineView extends BaselineSummary {
  tasks: BaselineRow['tasks'];
}

/** Maps a row to its list entry. */
export function toBaselineSummary(row: BaselineRow): BaselineSummary {
  let start: string | null = null;
  let finish: string | null = null;
  const all = Object.values(row.tasks);
  for (const task of all) {
    if (start === null || task.start < start) start = task.start;
    if (finish === null || task.finish > finish) finish = task.finish;
  }
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    note: row.note,
    planRevision: row.planRevision,
    start,
    finish,
    taskCount: all.length,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** Maps a row to its full view. */
export function toBaselineView(row: BaselineRow): BaselineView {
  return { ...toBaselineSummary(row), tasks: row.tasks };
}

/** The subject of a write to a baseline, heard by the project's listeners. */
export function baselineSubject(row: Pick<BaselineRow, 'id' | 'workspaceId' | 'projectId'>): ChangeSubject {
  return { entityType: 'baseline', entityId: row.id, workspaceId: row.workspaceId, projectId: row.projectId };
}
