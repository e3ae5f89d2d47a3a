import { eq } from 'drizzle-orm';
import { type EntityRef, policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { products } from '../../db/schema/products';
import { notFound } from '../shared/errors';

/** The product as the policy knows it; 404 when it does not exist or the caller may not see it. */
export async function visibleProduct(db: Queryable, userId: string, productId: string): Promise<EntityRef> {
  const [row] = await db
    .select({ id: products.id, workspaceId: products.workspaceId })
    .from(products)
    .where(eq(products.id, productId));
  if (!row) throw notFound('Product', productId);
  const ref: EntityRef = { kind: 'product', id: row.id, workspaceId: row.workspaceId };
  if (!(await policy.canSee(db, userId, ref))) throw notFound('Product', productId);
  return ref;
}

/** The product of an entity hanging from it, seen or not by the caller: the 404 names the entity, not the product. */
export async function productOfEntity(
  db: Queryable,
  userId: string,
  label: string,
  entityId: string,
  ref: { productId: string; workspaceId: string } | undefined,
): Promise<EntityRef> {
  if (!ref) throw notFound(label, entityId);
  const product: EntityRef = { kind: 'product', id: ref.productId, workspaceId: ref.workspaceId };
  if (!(await policy.canSee(db, userId, product))) throw notFound(label, entityId);
  return product;
}
