import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { type Competitor, type Persona, products } from '../../db/schema/products';
import { assertVersion } from '../../http/version';
import { assertProductAccess } from '../products/product-scope';
import { entitySubject, recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';

type ProductRow = typeof products.$inferSelect;

/** A product's strategy: vision, narrative, market, personas, competitors and research, at the product's version. */
export interface StrategyView {
  productId: string;
  name: string;
  vision: string;
  strategy: string;
  targetMarket: string;
  personas: Persona[];
  competitors: Competitor[];
  researchNotes: string;
  updatedAt: string;
  version: number;
}

/** The strategy fields a client changes. */
export interface StrategyInput {
  vision: string;
  strategy: string;
  targetMarket: string;
  personas: Persona[];
  competitors: Competitor[];
  researchNotes: string;
}

function toStrategyView(row: ProductRow): StrategyView {
  return {
    productId: row.id,
    name: row.name,
    vision: row.vision,
    strategy: row.strategy,
    targetMarket: row.targetMarket,
    personas: row.personas,
    competitors: row.competitors,
    researchNotes: row.researchNotes,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** A product's strategy, for whoever may see the product. */
export async function getStrategy(db: Database, userId: string, productId: string): Promise<StrategyView> {
  await assertProductAccess(db, userId, productId, 'see');
  const [row] = await db.select().from(products).where(eq(products.id, productId));
  if (!row) throw notFound('Product', productId);
  return toStrategyView(row);
}

/** Changes a product's strategy at the product's expected version (recorded as an update of the product). */
export async function updateStrategy(
  db: Database,
  userId: string,
  productId: string,
  expectedVersion: number,
  changes: Changes<StrategyInput>,
): Promise<StrategyView> {
  return writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(products).where(eq(products.id, productId)).for('update');
    if (!row) throw notFound('Product', productId);
    await assertProductAccess(tx, userId, productId, 'edit');
    const before = toStrategyView(row);
    assertVersion(`Product ${productId}`, before, expectedVersion);
    const [next] = await tx
      .update(products)
      .set({ ...definedOnly(changes), version: sql`${products.version} + 1`, updatedAt: sql`now()` })
      .where(eq(products.id, productId))
      .returning();
    if (!next) throw new Error(`product ${productId} vanished while locked`);
    const after = toStrategyView(next);
    await recordChange(
      tx,
      userId,
      entitySubject('product', productId, row.workspaceId),
      'update',
      before,
      after,
    );
    return after;
  });
}
