import type { CostCategory } from '@tandem/core';
import { desc, eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { expenses } from '../../db/schema/costs';
import type { Changes } from '../shared/changes';
import { projectRef, taskNamesOf } from './cost-access';
import { type ExpenseView, toExpenseView } from './cost-view';
import { type CostKind, createCost, deleteCost, taskNameIn, updateCost } from './cost-writes';

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
    items: rows.map((row) => toExpenseView(row, taskNameIn(names, row.taskId))),
    totals: { totalCents, byCategory },
  };
}

const expenseKind: CostKind<ExpenseRow, ExpenseView> = {
  entityType: 'expense',
  label: 'Expense',
  idPrefix: 'exp',
  table: expenses,
  toView: toExpenseView,
};

/** Records an expense of a project, optionally against one of its tasks. */
export function createExpense(
  db: Database,
  userId: string,
  projectId: string,
  input: ExpenseInput,
): Promise<ExpenseView> {
  const { taskId, day, category, amountCents, note } = input;
  return createCost(db, expenseKind, userId, projectId, taskId, {
    day,
    category,
    amountCents,
    note: note ?? '',
  });
}

/** Changes an expense at the expected version; a stale version is a 409 carrying the current one. */
export function updateExpense(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  changes: ExpenseChanges,
): Promise<ExpenseView> {
  return updateCost(db, expenseKind, userId, id, expectedVersion, changes);
}

/** Deletes an expense at the expected version. */
export function deleteExpense(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteCost(db, expenseKind, userId, id, expectedVersion);
}
