import { eq } from 'drizzle-orm';
import { type EntityRef, policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { features } from '../../db/schema/features';
import { products } from '../../db/schema/products';
import { notFound } from '../shared/errors';

/** What a write or read needs to know of the caller's access to a product. */
export type ProductAccess = 'see' | 'edit';

async function check(
  db: Queryable,
  userId: string,
  ref: EntityRef,
  access: ProductAccess,
  label: string,
  id: string,
) {
  if (!(await policy.canSee(db, userId, ref))) throw notFound(label, id);
  if (access === 'edit') await policy.assertCanEdit(db, userId, ref);
}

/** The product as the policy knows it; 404 when it does not exist or is hidden, 403 for a viewer who would edit. */
export async function productScope(
  db: Queryable,
  userId: string,
  productId: string,
  access: ProductAccess = 'see',
): Promise<EntityRef> {
  const [row] = await db
    .select({ id: products.id, workspaceId: products.workspaceId })
    .from(products)
    .where(eq(products.id, productId));
  if (!row) throw notFound('Product', productId);
  const ref: EntityRef = { kind: 'product', id: row.id, workspaceId: row.workspaceId };
  await check(db, userId, ref, access, 'Product', productId);
  return ref;
}

/** A feature and its product; 404 naming the feature when either is missing or hidden. */
export async function featureScope(
  db: Queryable,
  userId: string,
  featureId: string,
  access: ProductAccess = 'see',
): Promise<{ featureId: string; productId: string; workspaceId: string; title: string; product: EntityRef }> {
  const [row] = await db
    .select({
      id: features.id,
      productId: features.productId,
      workspaceId: features.workspaceId,
      title: features.title,
    })
    .from(features)
    .where(eq(features.id, featureId));
  if (!row) throw notFound('Feature', featureId);
  const product: EntityRef = { kind: 'product', id: row.productId, workspaceId: row.workspaceId };
  await check(db, userId, product, access, 'Feature', featureId);
  return {
    featureId: row.id,
    productId: row.productId,
    workspaceId: row.workspaceId,
    title: row.title,
    product,
  };
}
