import { and, eq, isNull, max, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { tasks } from '../../db/schema/tasks';
import { invalid } from '../shared/errors';

/** The position after the last child of `parentId` (the project's top level when null), as a subquery for a write. */
export function nextPositionSql(projectId: string | Placeholder, parentId: string | Placeholder | null): SQL {
  const sameParent = parentId === null ? sql`parent_id is null` : sql`parent_id = ${parentId}`;
  return sql`(select coalesce(max(position), 0) + 1 from ${tasks} where project_id = ${projectId} and ${sameParent})`;
}

/** The position after the last child of `parentId` (the project's top level when null). */
export async function nextPosition(
  tx: Transaction,
  projectId: string,
  parentId: string | null,
): Promise<number> {
  const [row] = await tx
    .select({ last: max(tasks.position) })
    .from(tasks)
    .where(
      and(
        eq(tasks.projectId, projectId),
        parentId === null ? isNull(tasks.parentId) : eq(tasks.parentId, parentId),
      ),
    );
  return (row?.last ?? 0) + 1;
}

/** Checks that `parentId` is a task of the same project and, when moving `taskId`, not the task or one below it. */
export async function checkParent(
  tx: Transaction,
  projectId: string,
  parentId: string,
  taskId?: string,
): Promise<void> {
  const [parent] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, parentId), eq(tasks.projectId, projectId)))
    // Held until commit, so the parent cannot be deleted between this check and the insert that references it.
    .for('key share');
  if (!parent) throw invalid('parentId', `Task ${parentId} is not a task of project ${projectId}`);
  if (taskId === undefined) return;
  if (parentId === taskId) throw invalid('parentId', `Task ${taskId} cannot be its own parent`);
  // Walk up from the new parent: meeting the moved task means the move would make a cycle.
  const result = await tx.execute<{ id: string }>(sql`
    with recursive ancestors(id, parent_id) as (
      select id, parent_id from ${tasks} where id = ${parentId}
      union all
      select t.id, t.parent_id from ${tasks} t join ancestors a on t.id = a.parent_id
    )
    select id from ancestors where id = ${taskId} limit 1`);
  if (result.rows.length > 0) {
    throw invalid('parentId', `Task ${parentId} is below task ${taskId}; a task cannot move under itself`);
  }
}

/** The ids of every task below `taskId`, at any depth. */
export async function descendantIds(tx: Transaction, taskId: string): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    with recursive below(id) as (
      select id from ${tasks} where parent_id = ${taskId}
      union all
      select t.id from ${tasks} t join below b on t.parent_id = b.id
    )
    select id from below`);
  return result.rows.map((row) => row.id);
}

/**
 * Serialises the moves within one project's task tree. Two moves that each look fine alone can close a cycle together
 * (P1 under B while P2, B's parent, goes under A, P1's child), and row locks on the two tasks of each move do not
 * see that; one lock per project does, and moves are rare enough for it to cost nothing.
 */
export async function lockTaskTree(tx: Transaction, projectId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`tandem.task-tree:${projectId}`}, 0))`,
  );
}
