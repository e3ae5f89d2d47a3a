import type { CostCategory } from '@tandem/core';
import { desc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { expenses } from '../../db/schema/costs';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { assertCostVisible, projectRef, taskNamesOf, taskOfProject } from './cost-access';
import { costSubject, type ExpenseView, toExpenseView } from './cost-view';

type ExpenseRow = typeof expenses.$inferSelect;

/** Fields a client sets on a new expense. */
export interface ExpenseInput {
  taskId?: string | null | undefined;
  day: string;
  category: CostCategory;
  amountCents: number;
  note?: string | undefined;
}

/** Fields a client may change on an expense. */
export type ExpenseChanges = Changes<ExpenseInput>;

/** The expenses of a project with their totals. */
export interface ExpenseListView {
  items: ExpenseView[];
  totals: { totalCents: number; byCategory: Record<CostCategory, number> };
}

/** The expenses of a project the caller may see, newest day first, with their totals per category. */
export async function listExpenses(
  db: Database,
  userId: string,
  projectId: string,
): Promise<ExpenseListView> {
  await policy.assertCanSee(db, userId, await projectRef(db, projectId));
  const rows = await db
    .select()
    .from(expenses)
    .where(eq(expenses.projectId, projectId))
    .orderBy(desc(expenses.day), desc(expenses.createdAt));
  const names = await taskNamesOf(
    db,
    rows.map((row) => row.taskId),
  );
  const byCategory: Record<CostCategory, number> = { labour: 0, materials: 0, other: 0 };
  let totalCents = 0;
  for (const row of rows) {
    byCategory[row.category] += row.amountCents;
    totalCents += row.amountCents;
  }
  return {
    items: rows.map((row) =>
      toExpenseView(row, row.taskId === null ? null : (names.get(row.taskId) ?? null)),
    ),
    totals: { totalCents, byCategory },
  };
}

/** Records an expense of a project, optionally against one of its tasks. */
export async function createExpense(
  db: Database,
  userId: string,
  projectId: string,
  input: ExpenseInput,
): Promise<ExpenseView> {
  return writeTransaction(db, async (tx) => {
    const ref = await projectRef(tx, projectId);
    await policy.assertCanEdit(tx, userId, ref);
    const taskName = await taskOfProject(tx, projectId, input.taskId);
    const [row] = await tx
      .insert(expenses)
      .values({
        id: newId('exp'),
        workspaceId: ref.workspaceId,
        projectId,
        taskId: input.taskId ?? null,
        day: input.day,
        category: input.category,
        amountCents: input.amountCents,
        note: input.note ?? '',
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into expenses returned no row');
    const view = toExpenseView(row, taskName);
    await recordChange(tx, userId, costSubject('expense', row), 'create', null, view);
    return view;
  });
}

async function lockExpense(tx: Transaction, userId: string, id: string): Promise<ExpenseRow> {
  const [row] = await tx.select().from(expenses).where(eq(expenses.id, id)).for('update');
  if (!row) throw notFound('Expense', id);
  const ref = await assertCostVisible(tx, userId, row, 'Expense', id);
  await policy.assertCanEdit(tx, userId, ref);
  return row;
}

/** Changes an expense at the expected version; a stale version is a 409 carrying the current one. */
export async function updateExpense(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  changes: ExpenseChanges,
): Promise<ExpenseView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockExpense(tx, userId, id);
    const names = await taskNamesOf(tx, [row.taskId]);
    const before = toExpenseView(row, row.taskId === null ? null : (names.get(row.taskId) ?? null));
    assertVersion(`Expense ${id}`, before, expectedVersion);
    const taskName =
      changes.taskId === undefined ? before.taskName : await taskOfProject(tx, row.projectId, changes.taskId);
    const [updated] = await tx
      .update(expenses)
      .set({ ...definedOnly(changes), version: sql`${expenses.version} + 1`, updatedAt: sql`now()` })
      .where(eq(expenses.id, id))
      .returning();
    if (!updated) throw new Error(`expense ${id} vanished while locked`);
    const after = toExpenseView(updated, taskName);
    await recordChange(tx, userId, costSubject('expense', updated), 'update', before, after);
    return after;
  });
}

/** Deletes an expense at the expected version. */
export async function deleteExpense(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockExpense(tx, userId, id);
    const before = toExpenseView(row, null);
    assertVersion(`Expense ${id}`, before, expectedVersion);
    await tx.delete(expenses).where(eq(expenses.id, id));
    await recordChange(tx, userId, costSubject('expense', row), 'delete', before, null);
  });
}
