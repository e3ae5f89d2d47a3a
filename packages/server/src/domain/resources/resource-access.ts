import { and, eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { entityMembers } from '../../db/schema/entity-members';
import { ApiError } from '../../http/errors';

/**
 * Resources belong to the workspace: every member sees them; owners, admins and the managers of any of its projects
 * (who staff their plans) change them. Non-members get 404, other members 403.
 */
export async function assertCanManageResources(
  db: Queryable,
  userId: string,
  workspaceId: string,
): Promise<void> {
  const role = await policy.workspaceRole(db, userId, workspaceId);
  if (role === null) throw new ApiError(404, 'NOT_FOUND', `Workspace ${workspaceId} was not found`);
  if (role === 'owner' || role === 'admin') return;
  const [managed] = await db
    .select({ id: entityMembers.entityId })
    .from(entityMembers)
    .where(
      and(
        eq(entityMembers.workspaceId, workspaceId),
        eq(entityMembers.userId, userId),
        eq(entityMembers.entityType, 'project'),
        eq(entityMembers.role, policy.managerRole.project),
      ),
    )
    .limit(1);
  if (!managed) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      `Only owners, admins and project managers of workspace ${workspaceId} may change its resources`,
    );
  }
}

/** Throws 404 unless the user is a member of the workspace (guests included): resources are the workspace's. */
export async function assertCanSeeResources(
  db: Queryable,
  userId: string,
  workspaceId: string,
  what: string,
) {
  const role = await policy.workspaceRole(db, userId, workspaceId);
  if (role === null) throw new ApiError(404, 'NOT_FOUND', `${what} was not found`);
}
