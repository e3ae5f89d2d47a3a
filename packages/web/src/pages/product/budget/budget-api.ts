import { request } from '../../../api/client';

/** What a budget line pays for. */
export type BudgetCategory = 'labour' | 'materials' | 'marketing' | 'other';

/** How each category reads. */
export const budgetCategoryLabels: Record<BudgetCategory, string> = {
  labour: 'Labour',
  materials: 'Materials',
  marketing: 'Marketing',
  other: 'Other',
};

/** A product budget line. */
export interface BudgetLine {
  id: string;
  initiativeId: string | null;
  category: BudgetCategory;
  name: string;
  amountCents: number;
  version: number;
}

/** A product's budget against the actual cost of its initiatives' projects. */
export interface ProductBudget {
  lines: BudgetLine[];
  initiatives: {
    initiativeId: string;
    title: string;
    projectId: string | null;
    projectName: string | null;
    budgetCents: number;
    actualCents: number;
    varianceCents: number;
  }[];
  totals: { budgetCents: number; productLevelCents: number; actualCents: number; varianceCents: number };
}

/** The calls of the Budget tab. */
export const budgetApi = {
  get: (productId: string) => request<ProductBudget>('GET', `/api/products/${productId}/budget`),
  create: (
    productId: string,
    body: { name: string; category: BudgetCategory; amountCents: number; initiativeId: string | null },
  ) => request<BudgetLine>('POST', `/api/products/${productId}/budget-lines`, { body }),
  remove: (line: BudgetLine) =>
    request<void>('DELETE', `/api/product-budget-lines/${line.id}`, { ifMatch: line.version }),
};

/** Query key of the tab. */
export const budgetKey = (productId: string) => ['product-budget', productId] as const;

/** Cents as money with no currency sign (the workspace's currency is the reader's). */
export const money = (cents: number) =>
  (cents / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
