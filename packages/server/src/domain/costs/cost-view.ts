import type { CostCategory } from '@tandem/core';
import type { budgetLines, expenses } from '../../db/schema/costs';
import type { ChangeSubject } from '../shared/change-log';

type BudgetLineRow = typeof budgetLines.$inferSelect;
type ExpenseRow = typeof expenses.$inferSelect;

/** A budget line as the API shows it; `taskId` null is the whole project. */
export interface BudgetLineView {
  id: string;
  projectId: string;
  taskId: string | null;
  taskName: string | null;
  category: CostCategory;
  name: string;
  amountCents: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An expense as the API shows it. */
export interface ExpenseView {
  id: string;
  projectId: string;
  taskId: string | null;
  taskName: string | null;
  /** `YYYY-MM-DD`. */
  day: string;
  category: CostCategory;
  amountCents: number;
  note: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a budget line row and its task's name to its view. */
export function toBudgetLineView(row: BudgetLineRow, taskName: string | null): BudgetLineView {
  return {
    id: row.id,
    projectId: row.projectId,
    taskId: row.taskId,
    taskName,
    category: row.category,
    name: row.name,
    amountCents: row.amountCents,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Maps an expense row and its task's name to its view. */
export function toExpenseView(row: ExpenseRow, taskName: string | null): ExpenseView {
  return {
    id: row.id,
    projectId: row.projectId,
    taskId: row.taskId,
    taskName,
    day: row.day,
    category: row.category,
    amountCents: row.amountCents,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of a write to a budget line or an expense, heard by the project's listeners. */
export function costSubject(
  entityType: 'budgetLine' | 'expense',
  row: { id: string; workspaceId: string; projectId: string },
): ChangeSubject {
  return { entityType, entityId: row.id, workspaceId: row.workspaceId, projectId: row.projectId };
}
