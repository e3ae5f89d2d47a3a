import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { WorkflowState } from '../../db/schema/projects';
import { type SprintSnapshot, type SprintState, sprints } from '../../db/schema/sprints';
import { tasks } from '../../db/schema/tasks';
import type { ChangeSubject } from '../shared/change-log';

/** A sprint row. */
export type SprintRow = typeof sprints.$inferSelect;

/** What a sprint holds now: its tasks, their points, and how many of those are done. */
export interface SprintTotals {
  taskCount: number;
  points: number;
  doneCount: number;
  donePoints: number;
}

/** A sprint as the API shows it, with what it holds now (for planning against capacity). */
export interface SprintView extends SprintTotals {
  id: string;
  workspaceId: string;
  projectId: string;
  name: string;
  goal: string;
  startDate: string;
  finishDate: string;
  state: SprintState;
  capacityPoints: number | null;
  startedAt: string | null;
  completedAt: string | null;
  /** Points and tasks when the sprint started. */
  committed: SprintSnapshot | null;
  /** Points and tasks done when it was completed. */
  done: SprintSnapshot | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const emptyTotals: SprintTotals = { taskCount: 0, points: 0, doneCount: 0, donePoints: 0 };

/** The keys of the workflow's done columns. */
export function doneKeys(workflow: readonly WorkflowState[]): string[] {
  return workflow.filter((column) => column.category === 'done').map((column) => column.key);
}

/** What each of the sprints holds now, in one grouped query. */
export async function sprintTotals(
  db: Queryable,
  sprintIds: readonly string[],
  done: readonly string[],
): Promise<Map<string, SprintTotals>> {
  if (sprintIds.length === 0) return new Map();
  const isDone = done.length === 0 ? sql`false` : sql`${tasks.status} in ${done}`;
  const rows = await db
    .select({
      sprintId: tasks.sprintId,
      taskCount: sql<number>`count(*)::int`,
      points: sql<number>`coalesce(sum(${tasks.storyPoints}), 0)::float8`,
      doneCount: sql<number>`(count(*) filter (where ${isDone}))::int`,
      donePoints: sql<number>`coalesce(sum(${tasks.storyPoints}) filter (where ${isDone}), 0)::float8`,
    })
    .from(tasks)
    .where(and(isNotNull(tasks.sprintId), inArray(tasks.sprintId, [...sprintIds])))
    .groupBy(tasks.sprintId);
  return new Map(rows.map(({ sprintId, ...totals }) => [sprintId ?? '', totals]));
}

/** Maps a row and its totals to the API view. */
export function toSprintView(row: SprintRow, totals: SprintTotals = emptyTotals): SprintView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    name: row.name,
    goal: row.goal,
    startDate: row.startDate,
    finishDate: row.finishDate,
    state: row.state,
    capacityPoints: row.capacityPoints,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    committed: row.committed ?? null,
    done: row.done ?? null,
    ...totals,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The view of one sprint with its totals read now. */
export async function sprintViewOf(
  db: Queryable,
  row: SprintRow,
  workflow: readonly WorkflowState[],
): Promise<SprintView> {
  const totals = await sprintTotals(db, [row.id], doneKeys(workflow));
  return toSprintView(row, totals.get(row.id));
}

/** The subject of a write to a sprint: project subscribers hear of it. */
export function sprintSubject(row: SprintRow): ChangeSubject {
  return { entityType: 'sprint', entityId: row.id, workspaceId: row.workspaceId, projectId: row.projectId };
}

/** Loads one sprint row, for update when `lock`. */
export async function findSprint(
  db: Queryable,
  sprintId: string,
  lock = false,
): Promise<SprintRow | undefined> {
  const query = db.select().from(sprints).where(eq(sprints.id, sprintId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}
