import { eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { initiatives } from '../../db/schema/initiatives';
import { notFound } from '../shared/errors';
import { checkInitiativeScope, type RaisedScopeChange } from './scope-check';

/** Runs the scope check of an initiative the caller may edit, naming them as the requester. */
export async function scopeCheckOf(
  db: Database,
  userId: string,
  initiativeId: string,
): Promise<RaisedScopeChange[]> {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, initiativeId));
  if (!row) throw notFound('Initiative', initiativeId);
  const product = { kind: 'product' as const, id: row.productId, workspaceId: row.workspaceId };
  if (!(await policy.canSee(db, userId, product))) throw notFound('Initiative', initiativeId);
  await policy.assertCanEdit(db, userId, product);
  return checkInitiativeScope(db, initiativeId, userId);
}
