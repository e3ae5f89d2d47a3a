import type { AnyColumn, SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { heldEntityIds } from '../../auth/access-queries';
import { policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import type { EntityKind } from '../../db/schema/entity-members';
import type { WorkspaceRole } from '../../db/schema/workspaces';

/**
 * The list condition of the entities of `kind` the user may see. When the route rule already established the caller's
 * workspace role it is reused, saving a query on every list request; otherwise the policy looks it up (404 for
 * non-members).
 */
export async function visibleFilter(
  db: Queryable,
  userId: string,
  workspaceId: string,
  kind: EntityKind,
  idColumn: AnyColumn,
  knownRole: WorkspaceRole | undefined,
): Promise<SQL | undefined> {
  if (knownRole === undefined) return policy.visibleFilter(db, userId, workspaceId, kind, idColumn);
  // The same rule as policy.visibleFilter: everyone but guests sees every entity of the workspace.
  if (knownRole !== 'guest') return undefined;
  return sql`${idColumn} in (${heldEntityIds(userId, workspaceId, kind)})`;
}
