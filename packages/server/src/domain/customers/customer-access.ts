import { workspaceAllows } from '../../auth/permissions';
import { policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { ApiError } from '../../http/errors';

/**
 * Checks the caller may read and write the workspace's customers: every member but guests, who see only the products
 * they were invited to and not the commercial list. 404 for non-members, 403 for guests.
 */
export async function assertCustomerAccess(
  db: Queryable,
  userId: string,
  workspaceId: string,
): Promise<void> {
  const role = await policy.assertWorkspace(db, userId, workspaceId, 'see');
  if (!workspaceAllows(role, 'useCustomers')) {
    throw new ApiError(403, 'FORBIDDEN', `Guests of workspace ${workspaceId} may not see its customers`);
  }
}
