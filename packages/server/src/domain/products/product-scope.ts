import { eq } from 'drizzle-orm';
import { type EntityRef, policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { products } from '../../db/schema/products';
import { ApiError } from '../../http/errors';
import { notFound } from '../shared/errors';

/** What a caller wants to do with something that belongs to a product. */
export type ProductAction = 'see' | 'edit';

/** The product as the policy knows it; 404 when it does not exist. */
export async function productRef(db: Queryable, productId: string): Promise<EntityRef> {
  const [row] = await db
    .select({ id: products.id, workspaceId: products.workspaceId })
    .from(products)
    .where(eq(products.id, productId));
  if (!row) throw notFound('Product', productId);
  return { kind: 'product', id: row.id, workspaceId: row.workspaceId };
}

/** Checks the caller may see (or change) the product; 404 when hidden, 403 when seen but not changeable. */
export async function assertProductAccess(
  db: Queryable,
  userId: string,
  productId: string,
  action: ProductAction,
): Promise<EntityRef> {
  const ref = await productRef(db, productId);
  if (action === 'see') await policy.assertCanSee(db, userId, ref);
  else await policy.assertCanEdit(db, userId, ref);
  return ref;
}

/**
 * Checks the caller's access to a thing of a product (a feature, a piece of feedback, an objective): a caller who may
 * not see the product gets the thing's own 404, as if it did not exist.
 */
export async function assertProductPartAccess(
  db: Queryable,
  userId: string,
  part: { label: string; id: string; productId: string; workspaceId: string },
  action: ProductAction,
): Promise<void> {
  const ref: EntityRef = { kind: 'product', id: part.productId, workspaceId: part.workspaceId };
  if (!(await policy.canSee(db, userId, ref))) throw notFound(part.label, part.id);
  if (action === 'edit' && !(await policy.canEdit(db, userId, ref))) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      `You may see ${part.label.toLowerCase()} ${part.id} but not change it`,
    );
  }
}
