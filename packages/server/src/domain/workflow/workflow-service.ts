import { removedColumns, type WorkflowColumn, workflowProblem } from '@tandem/core';
import { and, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import type { WorkflowState } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { loadProject, moveTasks, projectRef, saveProjectSetting } from './agile-project';

/** A project's workflow with the number of tasks in each column and the project version a save must name. */
export interface WorkflowView {
  projectId: string;
  columns: WorkflowState[];
  /** Tasks per column key (every key of `columns`, zero included). */
  counts: Record<string, number>;
  version: number;
}

async function countsOf(db: Queryable, projectId: string) {
  const rows = await db
    .select({ status: tasks.status, n: count() })
    .from(tasks)
    .where(eq(tasks.projectId, projectId))
    .groupBy(tasks.status);
  return new Map(rows.map((row) => [row.status, row.n]));
}

function viewOf(projectId: string, columns: WorkflowState[], counts: Map<string, number>, version: number) {
  return {
    projectId,
    columns,
    counts: Object.fromEntries(columns.map((column) => [column.key, counts.get(column.key) ?? 0])),
    version,
  } satisfies WorkflowView;
}

/** The workflow of a project the caller may see. */
export async function getWorkflow(db: Database, userId: string, projectId: string): Promise<WorkflowView> {
  const project = await loadProject(db, projectId);
  await policy.assertCanSee(db, userId, projectRef(project));
  return viewOf(projectId, project.workflow, await countsOf(db, projectId), project.version);
}

/** A workflow save: the new columns, in board order, and where the tasks of removed columns go. */
export interface WorkflowInput {
  columns: WorkflowColumn[];
  /** The column that receives the tasks of every removed column that holds some. */
  moveTo?: string | undefined;
}

/**
 * Replaces a project's workflow at the expected project version. Removing a column that holds tasks needs `moveTo`
 * (else 409 naming how many tasks it holds); a column whose category changes to or from done sets or clears the
 * completion time of its tasks, so burndown and velocity follow.
 */
export async function putWorkflow(
  db: Database,
  userId: string,
  projectId: string,
  expectedVersion: number,
  input: WorkflowInput,
): Promise<WorkflowView> {
  const columns = input.columns.map((column) => ({ ...column, name: column.name.trim() }));
  const problem = workflowProblem(columns);
  if (problem) throw invalid(problem.field, problem.message);
  return writeTransaction(db, async (tx) => {
    const row = await loadProject(tx, projectId, true);
    await policy.assertCanEdit(tx, userId, projectRef(row));
    const current = viewOf(projectId, row.workflow, await countsOf(tx, projectId), row.version);
    assertVersion(`The workflow of project ${projectId}`, current, expectedVersion);
    const counts = await countsOf(tx, projectId);
    const removed = removedColumns(row.workflow, columns);
    // Tasks may also sit under a key no column has (imported, or left by an older workflow): they move too.
    const orphanKeys = [...counts.keys()].filter((key) => !row.workflow.some((column) => column.key === key));
    const emptied = [...removed, ...orphanKeys].filter((key) => (counts.get(key) ?? 0) > 0);
    if (input.moveTo !== undefined && !columns.some((column) => column.key === input.moveTo)) {
      throw invalid('moveTo', `moveTo "${input.moveTo}" is not a column of the new workflow`);
    }
    const holding = emptied.filter((key) => removed.includes(key));
    if (holding.length > 0 && input.moveTo === undefined) {
      const total = holding.reduce((sum, key) => sum + (counts.get(key) ?? 0), 0);
      const names = holding.map((key) => row.workflow.find((column) => column.key === key)?.name ?? key);
      throw new ApiError(
        409,
        'CONFLICT',
        `${names.map((name) => `"${name}"`).join(', ')} ${holding.length === 1 ? 'holds' : 'hold'} ${total} ${
          total === 1 ? 'task' : 'tasks'
        }; move them first or name the column that receives them in moveTo`,
        'moveTo',
        { count: total },
      );
    }
    if (input.moveTo !== undefined && emptied.length > 0) {
      const target = columns.find((column) => column.key === input.moveTo);
      const moving = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.projectId, projectId), inArray(tasks.status, emptied)));
      await moveTasks(
        tx,
        userId,
        row.workspaceId,
        moving.map((task) => task.id),
        { status: input.moveTo, ...(target?.category === 'done' ? {} : { completedAt: null }) },
      );
    }
    await syncCompletion(tx, projectId, columns);
    const updated = await saveProjectSetting(tx, userId, row, 'workflow', columns);
    return viewOf(projectId, columns, await countsOf(tx, projectId), updated.version);
  });
}

/** Done columns' tasks carry a completion time, the others none; a category change makes it so in one statement each. */
async function syncCompletion(
  tx: Transaction,
  projectId: string,
  columns: readonly WorkflowColumn[],
): Promise<void> {
  const done = columns.filter((column) => column.category === 'done').map((column) => column.key);
  const open = columns.filter((column) => column.category !== 'done').map((column) => column.key);
  if (done.length > 0) {
    await tx
      .update(tasks)
      .set({ completedAt: sql`now()`, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(tasks.projectId, projectId), inArray(tasks.status, done), isNull(tasks.completedAt)));
  }
  if (open.length > 0) {
    await tx
      .update(tasks)
      .set({ completedAt: null, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(tasks.projectId, projectId), inArray(tasks.status, open), isNotNull(tasks.completedAt)));
  }
}
