import { managesAnyProject } from '../../auth/capabilities';
import { mayLeadProjects } from '../../auth/permissions';
import { policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
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
  if (!mayLeadProjects(role, await managesAnyProject(db, userId, workspaceId))) {
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
