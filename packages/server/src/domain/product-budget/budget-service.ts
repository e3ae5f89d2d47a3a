import { and, asc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { initiatives } from '../../db/schema/initiatives';
import { type ProductBudgetCategory, productBudgetLines } from '../../db/schema/product-budget';
import { assertVersion } from '../../http/version';
import { productOfEntity, visibleProduct } from '../releases/product-access';
import { type ChangeSubject, recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { initiativeActuals } from './budget-actuals';

type LineRow = typeof productBudgetLines.$inferSelect;

/** Fields of a product budget line; no initiative means the whole product. */
export interface BudgetLineInput {
  name: string;
  category: ProductBudgetCategory;
  amountCents: number;
  initiativeId?: string | null | undefined;
}

function toLineView(row: LineRow) {
  return {
    id: row.id,
    productId: row.productId,
    initiativeId: row.initiativeId,
    category: row.category,
    name: row.name,
    amountCents: row.amountCents,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** A product budget line as the API shows it. */
export type BudgetLineView = ReturnType<typeof toLineView>;

/** A product's budget: its lines, and per initiative the budget against the actual cost of its project. */
export interface ProductBudgetView {
  productId: string;
  lines: BudgetLineView[];
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

const subject = (row: LineRow): ChangeSubject => ({
  entityType: 'productBudgetLine',
  entityId: row.id,
  workspaceId: row.workspaceId,
  productId: row.productId,
});

/** The budget of a product with the actuals of the projects its initiatives were handed off to. */
export async function productBudget(
  db: Database,
  userId: string,
  productId: string,
): Promise<ProductBudgetView> {
  await visibleProduct(db, userId, productId);
  const rows = await db
    .select()
    .from(productBudgetLines)
    .where(eq(productBudgetLines.productId, productId))
    .orderBy(asc(productBudgetLines.createdAt), asc(productBudgetLines.id));
  const actuals = await initiativeActuals(db, productId);
  const budgetOf = (initiativeId: string) =>
    rows.filter((row) => row.initiativeId === initiativeId).reduce((sum, row) => sum + row.amountCents, 0);
  const perInitiative = actuals.map((actual) => {
    const budgetCents = budgetOf(actual.initiativeId);
    return { ...actual, budgetCents, varianceCents: budgetCents - actual.actualCents };
  });
  const budgetCents = rows.reduce((sum, row) => sum + row.amountCents, 0);
  const actualCents = actuals.reduce((sum, actual) => sum + actual.actualCents, 0);
  return {
    productId,
    lines: rows.map(toLineView),
    initiatives: perInitiative,
    totals: {
      budgetCents,
      productLevelCents: rows
        .filter((row) => row.initiativeId === null)
        .reduce((sum, row) => sum + row.amountCents, 0),
      actualCents,
      varianceCents: budgetCents - actualCents,
    },
  };
}

async function checkInitiative(tx: Transaction, productId: string, initiativeId: string | null | undefined) {
  if (initiativeId === undefined || initiativeId === null) return;
  const [found] = await tx
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.productId, productId)))
    .for('key share');
  if (!found)
    throw invalid('initiativeId', `Initiative ${initiativeId} is not an initiative of this product`);
}

/** Adds a budget line to a product (product managers and contributors). */
export async function createBudgetLine(
  db: Database,
  userId: string,
  productId: string,
  input: BudgetLineInput,
): Promise<BudgetLineView> {
  const product = await visibleProduct(db, userId, productId);
  await policy.assertCanEdit(db, userId, product);
  return writeTransaction(db, async (tx) => {
    await checkInitiative(tx, productId, input.initiativeId);
    const [row] = await tx
      .insert(productBudgetLines)
      .values({
        id: newId('pbl'),
        workspaceId: product.workspaceId,
        productId,
        initiativeId: input.initiativeId ?? null,
        category: input.category,
        name: input.name,
        amountCents: input.amountCents,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into product_budget_lines returned no row');
    const view = toLineView(row);
    await recordChange(tx, userId, subject(row), 'create', null, view);
    return view;
  });
}

async function lockLine(tx: Transaction, userId: string, lineId: string) {
  const [row] = await tx
    .select()
    .from(productBudgetLines)
    .where(eq(productBudgetLines.id, lineId))
    .for('update');
  const product = await productOfEntity(tx, userId, 'Budget line', lineId, row);
  await policy.assertCanEdit(tx, userId, product);
  return row as LineRow;
}

/** Changes a budget line at the expected version. */
export async function updateBudgetLine(
  db: Database,
  userId: string,
  lineId: string,
  expectedVersion: number,
  changes: Changes<BudgetLineInput>,
): Promise<BudgetLineView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockLine(tx, userId, lineId);
    const before = toLineView(row);
    assertVersion(`Budget line ${lineId}`, before, expectedVersion);
    await checkInitiative(tx, row.productId, changes.initiativeId);
    const [updated] = await tx
      .update(productBudgetLines)
      .set({
        ...definedOnly(changes),
        version: sql`${productBudgetLines.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(productBudgetLines.id, lineId))
      .returning();
    if (!updated) throw new Error(`budget line ${lineId} vanished while locked`);
    const after = toLineView(updated);
    await recordChange(tx, userId, subject(updated), 'update', before, after);
    return after;
  });
}

/** Deletes a budget line at the expected version. */
export async function deleteBudgetLine(
  db: Database,
  userId: string,
  lineId: string,
  expectedVersion: number,
) {
  await writeTransaction(db, async (tx) => {
    const row = await lockLine(tx, userId, lineId);
    const before = toLineView(row);
    assertVersion(`Budget line ${lineId}`, before, expectedVersion);
    await tx.delete(productBudgetLines).where(eq(productBudgetLines.id, lineId));
    await recordChange(tx, userId, subject(row), 'delete', before, null);
  });
}
