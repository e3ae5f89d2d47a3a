import { budgetTotals, type CostCategory } from '@tandem/core';
import { asc, eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { budgetLines } from '../../db/schema/costs';
import { tasks } from '../../db/schema/tasks';
import type { Changes } from '../shared/changes';
import { projectRef } from './cost-access';
import { type BudgetLineView, toBudgetLineView } from './cost-view';
import { type CostKind, createCost, deleteCost, taskNameIn, updateCost } from './cost-writes';

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
    items: rows.map((row) => toBudgetLineView(row, taskNameIn(names, row.taskId))),
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

const budgetLineKind: CostKind<BudgetLineRow, BudgetLineView> = {
  entityType: 'budgetLine',
  label: 'Budget line',
  idPrefix: 'bud',
  table: budgetLines,
  toView: toBudgetLineView,
};

/** Adds a budget line to a project, on the whole project or on one of its tasks. */
export function createBudgetLine(
  db: Database,
  userId: string,
  projectId: string,
  input: BudgetLineInput,
): Promise<BudgetLineView> {
  const { taskId, category, name, amountCents } = input;
  return createCost(db, budgetLineKind, userId, projectId, taskId, { category, name, amountCents });
}

/** Changes a budget line at the expected version; a stale version is a 409 carrying the current one. */
export function updateBudgetLine(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  changes: BudgetLineChanges,
): Promise<BudgetLineView> {
  return updateCost(db, budgetLineKind, userId, id, expectedVersion, changes);
}

/** Deletes a budget line at the expected version. */
export function deleteBudgetLine(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  return deleteCost(db, budgetLineKind, userId, id, expectedVersion);
}
