import { sql } from 'drizzle-orm';
import type { tasks } from '../../db/schema/tasks';
import { wallClockOf } from '../schedule/wall-clock';

type TaskRow = typeof tasks.$inferSelect;

/** A task as the API shows it: every stored field; plan dates are wall-clock `YYYY-MM-DDTHH:MM` strings. */
export interface TaskView {
  id: string;
  workspaceId: string;
  projectId: string;
  parentId: string | null;
  name: string;
  description: string;
  /** Working minutes (24-hour minutes when `elapsed`). */
  durationMinutes: number;
  durationUnit: string;
  elapsed: boolean;
  /** Order among siblings, ascending. */
  position: number;
  scheduling: TaskRow['scheduling'];
  manualStart: string | null;
  manualFinish: string | null;
  isMilestone: boolean;
  constraintType: TaskRow['constraintType'];
  constraintDate: string | null;
  deadline: string | null;
  percentComplete: number;
  actualStart: string | null;
  actualFinish: string | null;
  workMinutes: number | null;
  taskType: TaskRow['taskType'];
  effortDriven: boolean;
  active: boolean;
  fixedCostCents: number;
  storyPoints: number | null;
  status: string;
  /** When the task last entered a done column; null while it is not done. */
  completedAt: string | null;
  priority: TaskRow['priority'];
  labels: string[];
  customFields: Record<string, string | number | boolean | null>;
  rank: number;
  sprintId: string | null;
  /** The product feature this task delivers (an initiative's scope after the hand-off); null for other work. */
  featureId: string | null;
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
    description: row.description,
    durationMinutes: row.durationMinutes,
    durationUnit: row.durationUnit,
    elapsed: row.elapsed,
    position: row.position,
    scheduling: row.scheduling,
    manualStart: wallClockOf(row.manualStart),
    manualFinish: wallClockOf(row.manualFinish),
    isMilestone: row.isMilestone,
    constraintType: row.constraintType,
    constraintDate: wallClockOf(row.constraintDate),
    deadline: wallClockOf(row.deadline),
    percentComplete: row.percentComplete,
    actualStart: wallClockOf(row.actualStart),
    actualFinish: wallClockOf(row.actualFinish),
    workMinutes: row.workMinutes,
    taskType: row.taskType,
    effortDriven: row.effortDriven,
    active: row.active,
    fixedCostCents: row.fixedCostCents,
    storyPoints: row.storyPoints,
    status: row.status,
    completedAt: row.completedAt?.toISOString() ?? null,
    priority: row.priority,
    labels: row.labels,
    customFields: row.customFields,
    rank: row.rank,
    sprintId: row.sprintId,
    featureId: row.featureId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const wall = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')`);

/** The task view built by PostgreSQL as JSON text (equal to `toTaskView`), for replies that carry a whole plan. */
export const taskJsonSql = sql`json_build_object(
  'id', id, 'workspaceId', workspace_id, 'projectId', project_id, 'parentId', parent_id, 'name', name,
  'description', description, 'durationMinutes', duration_minutes, 'durationUnit', duration_unit,
  'elapsed', elapsed, 'position', position, 'scheduling', scheduling, 'manualStart', ${wall('manual_start')},
  'manualFinish', ${wall('manual_finish')}, 'isMilestone', is_milestone, 'constraintType', constraint_type,
  'constraintDate', ${wall('constraint_date')}, 'deadline', ${wall('deadline')},
  'percentComplete', percent_complete, 'actualStart', ${wall('actual_start')},
  'actualFinish', ${wall('actual_finish')}, 'workMinutes', work_minutes, 'taskType', task_type,
  'effortDriven', effort_driven, 'active', active, 'fixedCostCents', fixed_cost_cents,
  'storyPoints', story_points, 'status', status, 'completedAt', ${iso('completed_at')}, 'priority', priority,
  'labels', to_json(labels), 'customFields', custom_fields, 'rank', rank, 'sprintId', sprint_id,
  'featureId', feature_id, 'createdBy', created_by, 'createdAt', ${iso('created_at')},
  'updatedAt', ${iso('updated_at')}, 'version', version)::text`;

/** The subject of a write to a task, for the audit log and the project's change stream. */
export function taskSubject(row: TaskRow) {
  return {
    entityType: 'task' as const,
    entityId: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
  };
}
