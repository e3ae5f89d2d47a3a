import { z } from '@hono/zod-openapi';
import { dateSchema, idSchema, longTextSchema, nameSchema, versionSchema } from '../shared/api-schemas';

/** What a budget line or an expense pays for. */
export const categorySchema = z.enum(['labour', 'materials', 'other']);

// Whole cents, never negative (a refund is a smaller expense, not a negative one); a trillion units is the ceiling.
const amountSchema = z.number().int().min(0).max(100_000_000_000_000);
const categoryTotals = z.object({ labour: z.number(), materials: z.number(), other: z.number() });

/** A budget line as the API shows it. */
export const budgetLineSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    taskId: z.string().nullable(),
    taskName: z.string().nullable(),
    category: categorySchema,
    name: z.string(),
    amountCents: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('BudgetLine');

/** A project's budget lines and their totals. */
export const budgetSchema = z
  .object({
    items: z.array(budgetLineSchema),
    totals: z.object({
      bacCents: z.number(),
      projectCents: z.number(),
      byCategory: categoryTotals,
      byBranch: z.array(
        z.object({
          taskId: z.string(),
          taskName: z.string(),
          ownCents: z.number(),
          rolledUpCents: z.number(),
        }),
      ),
    }),
  })
  .openapi('Budget');

/** The body of a new budget line. */
export const budgetLineCreateBody = z.strictObject({
  taskId: idSchema.nullable().optional(),
  category: categorySchema,
  name: nameSchema,
  amountCents: amountSchema,
});

/** The body of a budget line change. */
export const budgetLineUpdateBody = z.strictObject({
  taskId: idSchema.nullable().optional(),
  category: categorySchema.optional(),
  name: nameSchema.optional(),
  amountCents: amountSchema.optional(),
  version: versionSchema.optional(),
});

/** An expense as the API shows it. */
export const expenseSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    taskId: z.string().nullable(),
    taskName: z.string().nullable(),
    day: z.string(),
    category: categorySchema,
    amountCents: z.number().int(),
    note: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Expense');

/** A project's expenses and their totals. */
export const expenseListSchema = z
  .object({
    items: z.array(expenseSchema),
    totals: z.object({ totalCents: z.number(), byCategory: categoryTotals }),
  })
  .openapi('Expenses');

/** The body of a new expense. */
export const expenseCreateBody = z.strictObject({
  taskId: idSchema.nullable().optional(),
  day: dateSchema,
  category: categorySchema,
  amountCents: amountSchema,
  note: longTextSchema.optional(),
});

/** The body of an expense change. */
export const expenseUpdateBody = z.strictObject({
  taskId: idSchema.nullable().optional(),
  day: dateSchema.optional(),
  category: categorySchema.optional(),
  amountCents: amountSchema.optional(),
  note: longTextSchema.optional(),
  version: versionSchema.optional(),
});

const health = z.enum(['good', 'watch', 'poor', 'unknown']);

/** Which EAC the ETC, VAC and TCPI to EAC follow. */
export const eacMethodSchema = z.enum(['typical', 'atypical', 'combined', 'bottomUp']);

/** Earned value of a project at its status date. */
export const evmSchema = z
  .object({
    statusDate: z.string(),
    statusDateSource: z.enum(['project', 'today']),
    budgetSource: z.enum(['lines', 'plan']),
    baseline: z.object({ id: z.string(), name: z.string() }).nullable(),
    bac: z.number(),
    pv: z.number(),
    ev: z.number(),
    ac: z.number(),
    sv: z.number(),
    cv: z.number(),
    spi: z.number().nullable(),
    cpi: z.number().nullable(),
    eac: z.object({
      typical: z.number().nullable(),
      atypical: z.number(),
      combined: z.number().nullable(),
      bottomUp: z.number().nullable(),
    }),
    method: eacMethodSchema,
    etc: z.number().nullable(),
    etcBottomUp: z.number(),
    vac: z.number().nullable(),
    tcpi: z.object({ toBac: z.number().nullable(), toEac: z.number().nullable() }),
    percentComplete: z.number().nullable(),
    percentSpent: z.number().nullable(),
    plannedCost: z.number(),
    actual: z.object({ labour: z.number(), expenses: categoryTotals, unpricedMinutes: z.number() }),
    health: z.object({ cpi: health, spi: health, tcpi: health, burn: health }),
    curve: z.array(
      z.object({ date: z.string(), pv: z.number(), ev: z.number().nullable(), ac: z.number().nullable() }),
    ),
  })
  .openapi('EarnedValue');
