import { eq, getTableName, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import type { budgetLines, expenses } from '../../db/schema/costs';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { assertCostVisible, projectRef, taskNamesOf, taskOfProject } from './cost-access';
import { costSubject } from './cost-view';

type CostRow = typeof budgetLines.$inferSelect | typeof expenses.$inferSelect;
type CostView = { version: number; taskName: string | null };
/** The columns a kind of cost has of its own, beside the project, the task and the bookkeeping every cost carries. */
type OwnFields<Row extends CostRow> = Omit<
  Row,
  'id' | 'workspaceId' | 'projectId' | 'taskId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version'
>;

/**
 * What differs between the costs a project keeps (budget lines, expenses) when they are written: the table and its
 * row, the id prefix, the name errors use and the view the API shows.
 */
export interface CostKind<Row extends CostRow, View extends CostView> {
  entityType: 'budgetLine' | 'expense';
  label: string;
  idPrefix: string;
  table: typeof budgetLines | typeof expenses;
  toView(row: Row, taskName: string | null): View;
}

/** The name of a row's task from a map of names, null for a cost on the whole project. */
export function taskNameIn(names: ReadonlyMap<string, string>, taskId: string | null): string | null {
  return taskId === null ? null : (names.get(taskId) ?? null);
}

/**
 * Adds a cost to a project the caller may edit, on the whole project or on one of its tasks; `fields` are the kind's
 * own columns.
 */
export async function createCost<Row extends CostRow, View extends CostView>(
  db: Database,
  kind: CostKind<Row, View>,
  userId: string,
  projectId: string,
  taskId: string | null | undefined,
  fields: OwnFields<Row>,
): Promise<View> {
  return writeTransaction(db, async (tx) => {
    const ref = await projectRef(tx, projectId);
    await policy.assertCanEdit(tx, userId, ref);
    const taskName = await taskOfProject(tx, projectId, taskId);
    const [row] = await tx
      .insert(kind.table)
      .values({
        id: newId(kind.idPrefix),
        workspaceId: ref.workspaceId,
        projectId,
        taskId: taskId ?? null,
        ...fields,
        createdBy: userId,
      } as unknown as typeof kind.table.$inferInsert)
      .returning();
    if (!row) throw new Error(`insert into ${getTableName(kind.table)} returned no row`);
    const view = kind.toView(row as Row, taskName);
    await recordChange(tx, userId, costSubject(kind.entityType, row), 'create', null, view);
    return view;
  });
}

async function lockCost<Row extends CostRow>(
  tx: Transaction,
  kind: CostKind<Row, CostView>,
  userId: string,
  id: string,
): Promise<Row> {
  const [row] = await tx.select().from(kind.table).where(eq(kind.table.id, id)).for('update');
  if (!row) throw notFound(kind.label, id);
  const ref = await assertCostVisible(tx, userId, row, kind.label, id);
  await policy.assertCanEdit(tx, userId, ref);
  return row as Row;
}

/** Changes a cost at the expected version; a stale version is a 409 carrying the current one. */
export async function updateCost<Row extends CostRow, View extends CostView>(
  db: Database,
  kind: CostKind<Row, View>,
  userId: string,
  id: string,
  expectedVersion: number,
  changes: Changes<OwnFields<Row>> & { taskId?: string | null | undefined },
): Promise<View> {
  return writeTransaction(db, async (tx) => {
    const row = await lockCost(tx, kind, userId, id);
    const names = await taskNamesOf(tx, [row.taskId]);
    const before = kind.toView(row, taskNameIn(names, row.taskId));
    assertVersion(`${kind.label} ${id}`, before, expectedVersion);
    const taskName =
      changes.taskId === undefined ? before.taskName : await taskOfProject(tx, row.projectId, changes.taskId);
    const [updated] = await tx
      .update(kind.table)
      .set({ ...definedOnly(changes), version: sql`${kind.table.version} + 1`, updatedAt: sql`now()` })
      .where(eq(kind.table.id, id))
      .returning();
    if (!updated) throw new Error(`${kind.label} ${id} vanished while locked`);
    const after = kind.toView(updated as Row, taskName);
    await recordChange(tx, userId, costSubject(kind.entityType, updated), 'update', before, after);
    return after;
  });
}

/** Deletes a cost at the expected version. */
export async function deleteCost<Row extends CostRow, View extends CostView>(
  db: Database,
  kind: CostKind<Row, View>,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockCost(tx, kind, userId, id);
    const before = kind.toView(row, null);
    assertVersion(`${kind.label} ${id}`, before, expectedVersion);
    await tx.delete(kind.table).where(eq(kind.table.id, id));
    await recordChange(tx, userId, costSubject(kind.entityType, row), 'delete', before, null);
  });
}
