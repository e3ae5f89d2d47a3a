import { request } from '../../../api/client';

/** What a budget line or an expense pays for. */
export type CostCategory = 'labour' | 'materials' | 'other';

/** How an indicator reads: on track, to watch, poor, or not measurable yet. */
export type Health = 'good' | 'watch' | 'poor' | 'unknown';

/** The categories in the order forms and tables show them. */
export const categories: readonly { value: CostCategory; label: string }[] = [
  { value: 'labour', label: 'Labour' },
  { value: 'materials', label: 'Materials' },
  { value: 'other', label: 'Other' },
];

/** A budget line; `taskId` null is the whole project. */
export interface BudgetLine {
  id: string;
  taskId: string | null;
  taskName: string | null;
  category: CostCategory;
  name: string;
  amountCents: number;
  version: number;
}

/** A project's budget lines with their totals. */
export interface Budget {
  items: BudgetLine[];
  totals: {
    bacCents: number;
    projectCents: number;
    byCategory: Record<CostCategory, number>;
    byBranch: { taskId: string; taskName: string; ownCents: number; rolledUpCents: number }[];
  };
}

/** An expense of the project. */
export interface Expense {
  id: string;
  taskId: string | null;
  taskName: string | null;
  day: string;
  category: CostCategory;
  amountCents: number;
  note: string;
  version: number;
}

/** Earned value at the status date; amounts in cents. */
export interface Evm {
  statusDate: string;
  statusDateSource: 'project' | 'today';
  budgetSource: 'lines' | 'plan';
  baseline: { id: string; name: string } | null;
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  eac: { typical: number | null; atypical: number; combined: number | null; bottomUp: number | null };
  method: 'typical' | 'atypical' | 'combined' | 'bottomUp';
  etc: number | null;
  etcBottomUp: number;
  vac: number | null;
  tcpi: { toBac: number | null; toEac: number | null };
  percentComplete: number | null;
  percentSpent: number | null;
  plannedCost: number;
  actual: { labour: number; expenses: Record<CostCategory, number>; unpricedMinutes: number };
  health: { cpi: Health; spi: Health; tcpi: Health; burn: Health };
  curve: { date: string; pv: number; ev: number | null; ac: number | null }[];
}

/** The fields of a new budget line. */
export interface BudgetLineBody {
  taskId?: string | null;
  category: CostCategory;
  name: string;
  amountCents: number;
}

/** The fields of a new expense. */
export interface ExpenseBody {
  taskId?: string | null;
  day: string;
  category: CostCategory;
  amountCents: number;
  note?: string;
}

/** The calls of the Cost tab. */
export const costApi = {
  budget: (projectId: string) => request<Budget>('GET', `/api/projects/${projectId}/budget-lines`),
  addLine: (projectId: string, body: BudgetLineBody) =>
    request<BudgetLine>('POST', `/api/projects/${projectId}/budget-lines`, { body }),
  updateLine: (line: BudgetLine, body: Partial<BudgetLineBody>) =>
    request<BudgetLine>('PATCH', `/api/budget-lines/${line.id}`, { body, ifMatch: line.version }),
  removeLine: (line: BudgetLine) =>
    request<void>('DELETE', `/api/budget-lines/${line.id}`, { ifMatch: line.version }),
  expenses: (projectId: string) =>
    request<{ items: Expense[]; totals: { totalCents: number; byCategory: Record<CostCategory, number> } }>(
      'GET',
      `/api/projects/${projectId}/expenses`,
    ),
  addExpense: (projectId: string, body: ExpenseBody) =>
    request<Expense>('POST', `/api/projects/${projectId}/expenses`, { body }),
  updateExpense: (expense: Expense, body: Partial<ExpenseBody>) =>
    request<Expense>('PATCH', `/api/expenses/${expense.id}`, { body, ifMatch: expense.version }),
  removeExpense: (expense: Expense) =>
    request<void>('DELETE', `/api/expenses/${expense.id}`, { ifMatch: expense.version }),
  evm: (projectId: string) => request<Evm>('GET', `/api/projects/${projectId}/evm`),
};

/** Query keys of the Cost tab and the dashboard: a cost write refreshes everything under `['cost', projectId]`. */
export const costKeys = {
  all: (projectId: string) => ['cost', projectId] as const,
  budget: (projectId: string) => ['cost', projectId, 'budget'] as const,
  expenses: (projectId: string) => ['cost', projectId, 'expenses'] as const,
  evm: (projectId: string) => ['cost', projectId, 'evm'] as const,
  dashboard: (projectId: string) => ['cost', projectId, 'dashboard'] as const,
};
