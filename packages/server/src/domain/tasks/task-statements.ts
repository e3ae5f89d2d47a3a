import { and, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { type EntityAccess, projectAccessJoins } from '../../auth/access-queries';
import { queryNamed } from '../../auth/prepared';
import type { Transaction } from '../../db/client';
import { drizzleTypes, namedStatement, rowMapper, valuesOf } from '../../db/named-statements';
import { tasks } from '../../db/schema/tasks';
import { nextPositionSql } from './task-tree';

type TaskRow = typeof tasks.$inferSelect;

const taskRow = rowMapper(tasks);

/** A new task's columns; without a position it goes after the last child of its parent (or at the top level). */
export type NewTask = Omit<typeof tasks.$inferInsert, 'position' | 'projectId' | 'parentId'> & {
  projectId: string;
  parentId: string | null;
  position?: number | undefined;
};

/** The entries of `values` that are given (not undefined), and their keys in a stable order. */
function given(values: Record<string, unknown>) {
  const defined = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  return { defined, keys: Object.keys(defined).sort() };
}

/** Placeholders named after `keys`, for drizzle to write a statement whose values come later. */
const placeholders = (keys: readonly string[]): Record<string, Placeholder | SQL> =>
  Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)]));

async function runForRow(
  tx: Transaction,
  statement: { name: string; text: string; params: readonly unknown[] },
  values: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  const query = { name: statement.name, text: statement.text, values: valuesOf(statement.params, values) };
  const [raw] = await queryNamed<Record<string, unknown>>(tx, { ...query, types: drizzleTypes });
  return raw;
}

/**
 * Inserts a task and returns its row as drizzle reads it, through a named prepared statement per set of columns given
 * (see `namedStatement`).
 */
export async function insertTask(tx: Transaction, task: NewTask): Promise<TaskRow> {
  const { defined, keys } = given(task);
  const positioned = task.position !== undefined;
  const topLevel = task.parentId === null;
  const shape = `tandem_task_insert|${keys.join(',')}|${positioned ? 'at' : topLevel ? 'top' : 'under'}`;
  const statement = namedStatement(shape, () => {
    const values = placeholders(keys);
    if (!positioned) {
      values.position = nextPositionSql(
        sql.placeholder('projectId'),
        topLevel ? null : sql.placeholder('parentId'),
      );
    }
    return tx
      .insert(tasks)
      .values(values as unknown as typeof tasks.$inferInsert)
      .returning()
      .toSQL();
  });
  const raw = await runForRow(tx, statement, defined);
  if (!raw) throw new Error('insert into tasks returned no row');
  return taskRow(raw);
}

/**
 * Sets `changes` on the task at `expectedVersion`, bumping its version, through a named prepared statement per set of
 * columns changed; undefined when the task is gone or at another version.
 */
export async function updateTaskAt(
  tx: Transaction,
  taskId: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<TaskRow | undefined> {
  const { defined, keys } = given(changes);
  const statement = namedStatement(`tandem_task_update|${keys.join(',')}`, () =>
    tx
      .update(tasks)
      .set({ ...placeholders(keys), version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(tasks.id, sql.placeholder('$id')), eq(tasks.version, sql.placeholder('$version'))))
      .returning()
      .toSQL(),
  );
  const raw = await runForRow(tx, statement, { ...defined, $id: taskId, $version: expectedVersion });
  return raw === undefined ? undefined : taskRow(raw);
}

// The task with the caller's roles that bear on its project, by `findEntityAccess`'s rule: no role at all unless the
// caller is a member of the project's live workspace.
const taskForEdit = {
  name: 'tandem_task_for_edit',
  text: `select t.*, wm.role as caller_workspace_role, em.role as caller_entity_role
    from tasks t
    ${projectAccessJoins('t.workspace_id', 't.project_id', '$2')}
    where t.id = $1`,
};

/** The task as stored with the caller's roles on its project, in one round trip; undefined when there is no task. */
export async function taskWithAccess(
  tx: Transaction,
  userId: string,
  taskId: string,
): Promise<{ row: TaskRow; access: EntityAccess } | undefined> {
  const [raw] = await queryNamed<Record<string, unknown>>(tx, {
    ...taskForEdit,
    values: [taskId, userId],
    types: drizzleTypes,
  });
  if (!raw) return undefined;
  return {
    row: taskRow(raw),
    access: {
      workspaceRole: raw.caller_workspace_role as EntityAccess['workspaceRole'],
      entityRole: raw.caller_entity_role as EntityAccess['entityRole'],
    },
  };
}
