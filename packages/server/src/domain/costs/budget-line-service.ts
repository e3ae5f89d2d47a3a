import { budgetTotals, type CostCategory } from '@tandem/core';
import { asc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { budgetLines } from '../../db/schema/costs';
import { tasks } from '../../db/schema/tasks';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { assertCostVisible, projectRef, taskNamesOf, taskOfProject } from './cost-access';
import { type BudgetLineView, costSubject, toBudgetLineView } from './cost-view';

type BudgetLineRow = typeof budgetLines.$inferSelect;

/** Fields a client sets on a new budget line. */
export interface BudgetLineInput {
  taskId?: string | null | undefined;
  category: CostCategory;
  name: string;
  amountCents: number;
}

/** Fields a client may change on a budget line. */
export type BudgetLineChanges = Changes<BudgetLineInput>;

/** The budget of a project: total (the BAC), per category, the project-wide part and per WBS branch. */
export interface BudgetTotalsView {
  bacCents: number;
  projectCents: number;
  byCategory: Record<CostCategory, number>;
  byBranch: { taskId: string; taskName: string; ownCents: number; rolledUpCents: number }[];
}

/** The lines of a project with their totals. */
export interface BudgetView {
  items: BudgetLineView[];
  totals: BudgetTotalsView;
}

/** The budget lines of a project the caller may see, by creation, with the totals per category and per branch. */
export async function listBudgetLines(db: Database, userId: string, projectId: string): Promise<BudgetView> {
  await policy.assertCanSee(db, userId, await projectRef(db, projectId));
  const rows = await db
    .select()
    .from(budgetLines)
    .where(eq(budgetLines.projectId, projectId))
    .orderBy(asc(budgetLines.createdAt), asc(budgetLines.id));
  const tree = await db
    .select({ id: tasks.id, parentId: tasks.parentId, name: tasks.name, position: tasks.position })
    .from(tasks)
    .where(eq(tasks.projectId, projectId))
    .orderBy(asc(tasks.position));
  const names = new Map(tree.map((task) => [task.id, task.name]));
  const totals = budgetTotals(
    tree,
    rows.map((row) => ({ taskId: row.taskId, category: row.category, amount: row.amountCents })),
  );
  return {
    items: rows.map((row) =>
      toBudgetLineView(row, row.taskId === null ? null : (names.get(row.taskId) ?? null)),
    ),
    totals: {
      bacCents: totals.total,
      projectCents: totals.project,
      byCategory: totals.byCategory,
      byBranch: tree
        .filter((task) => totals.byBranch.has(task.id))
        .map((task) => {
          const branch = totals.byBranch.get(task.id) as { own: number; rolledUp: number };
          return {
            taskId: task.id,
            taskName: task.name,
            ownCents: branch.own,
            rolledUpCents: branch.rolledUp,
          };
        }),
    },
  };
}

/** Adds a budget line to a project, on the whole project or on one of its tasks. */
export async function createBudgetLine(
  db: Database,
  userId: string,
  projectId: string,
  input: BudgetLineInput,
): Promise<BudgetLineView> {
  return writeTransaction(db, async (tx) => {
    const ref = await projectRef(tx, projectId);
    await policy.assertCanEdit(tx, userId, ref);
    const taskName = await taskOfProject(tx, projectId, input.taskId);
    const [row] = await tx
      .insert(budgetLines)
      .values({
        id: newId('bud'),
        workspaceId: ref.workspaceId,
        projectId,
        taskId: input.taskId ?? null,
        category: input.category,
        name: input.name,
        amountCents: input.amountCents,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into budget_lines returned no row');
    const view = toBudgetLineView(row, taskName);
    await recordChange(tx, userId, costSubject('budgetLine', row), 'create', null, view);
    return view;
  });
}

async function lockLine(tx: Transaction, userId: string, id: string): Promise<BudgetLineRow> {
  const [row] = await tx.select().from(budgetLines).where(eq(budgetLines.id, id)).for('update');
  if (!row) throw notFound('Budget line', id);
  const ref = await assertCostVisible(tx, userId, row, 'Budget line', id);
  await policy.assertCanEdit(tx, userId, ref);
  return row;
}

/** Changes a budget line at the expected version; a stale version is a 409 carrying the current one. */
export async function updateBudgetLine(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  changes: BudgetLineChanges,
): Promise<BudgetLineView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockLine(tx, userId, id);
    const names = await taskNamesOf(tx, [row.taskId]);
    const before = toBudgetLineView(row, row.taskId === null ? null : (names.get(row.taskId) ?? null));
    assertVersion(`Budget line ${id}`, before, expectedVersion);
    const taskName =
      changes.taskId === undefined ? before.taskName : await taskOfProject(tx, row.projectId, changes.taskId);
    const [updated] = await tx
      .update(budgetLines)
      .set({ ...definedOnly(changes), version: sql`${budgetLines.version} + 1`, updatedAt: sql`now()` })
      .where(eq(budgetLines.id, id))
      .returning();
    if (!updated) throw new Error(`budget line ${id} vanished while locked`);
    const after = toBudgetLineView(updated, taskName);
    await recordChange(tx, userId, costSubject('budgetLine', updated), 'update', before, after);
    return after;
  });
}

/** Deletes a budget line at the expected version. */
export async function deleteBudgetLine(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockLine(tx, userId, id);
    const before = toBudgetLineView(row, null);
    assertVersion(`Budget line ${id}`, before, expectedVersion);
    await tx.delete(budgetLines).where(eq(budgetLines.id, id));
    await recordChange(tx, userId, costSubject('budgetLine', row), 'delete', before, null);
  });
}
