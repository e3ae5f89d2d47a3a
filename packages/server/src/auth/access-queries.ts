import { AsyncLocalStorage } from 'node:async_hooks';
import { type AnyColumn, and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type EntityKind, type EntityRole, entityMembers } from '../db/schema/entity-members';
import { type WorkspaceRole, workspaceMembers, workspaces } from '../db/schema/workspaces';
import { prepared } from './prepared';

/** The caller's roles that bear on one entity. */
export interface EntityAccess {
  workspaceRole: WorkspaceRole | null;
  entityRole: EntityRole | null;
}

interface RequestScope {
  db: Queryable;
  roles: Map<string, Promise<WorkspaceRole | null>>;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs one request with a memo of workspace roles, so the route rule and the service it calls ask the database once.
 * Only reads through `db` itself are memoised: a transaction always reads the role afresh, as of its own locks.
 */
export function withRoleMemo<T>(db: Queryable, fn: () => Promise<T>): Promise<T> {
  return requestScope.run({ db, roles: new Map() }, fn);
}

/** The user's role in a workspace that exists and is not deleted, or null. */
export function findWorkspaceRole(
  db: Queryable,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceRole | null> {
  const scope = requestScope.getStore();
  if (scope?.db !== db) return queryWorkspaceRole(db, userId, workspaceId);
  const key = `${userId}\u0000${workspaceId}`;
  let role = scope.roles.get(key);
  if (!role) {
    role = queryWorkspaceRole(db, userId, workspaceId);
    scope.roles.set(key, role);
  }
  return role;
}

/**
 * Records a role the caller's authentication already read in the same statement, so this request's rule and services
 * need not ask again. Only the current request's memo holds it: the next request reads the role afresh.
 */
export function rememberWorkspaceRole(
  db: Queryable,
  userId: string,
  workspaceId: string,
  role: WorkspaceRole | null,
): void {
  const scope = requestScope.getStore();
  if (scope?.db !== db) return;
  scope.roles.set(`${userId}\u0000${workspaceId}`, Promise.resolve(role));
}

/**
 * The two left joins that add a user's role in the workspace named by the `workspaceId` placeholder to an
 * authentication lookup: the role is null unless that workspace exists, is not deleted and the user is a member (the
 * same rule as `findWorkspaceRole`).
 */
export function roleJoins(userId: AnyColumn) {
  return {
    workspace: and(eq(workspaces.id, sql.placeholder('workspaceId')), isNull(workspaces.deletedAt)),
    membership: and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId)),
  };
}

const roleStatement = (db: Queryable) =>
  prepared(db, 'tandem_workspace_role', (db) =>
    db
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
      .where(
        and(
          eq(workspaceMembers.workspaceId, sql.placeholder('workspaceId')),
          eq(workspaceMembers.userId, sql.placeholder('userId')),
          isNull(workspaces.deletedAt),
        ),
      )
      .limit(1)
      .prepare('tandem_workspace_role'),
  );

async function queryWorkspaceRole(
  db: Queryable,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceRole | null> {
  const [row] = await roleStatement(db).execute({ userId, workspaceId });
  return row?.role ?? null;
}

const entityAccessStatement = (db: Queryable) =>
  prepared(db, 'tandem_entity_access', (db) =>
    db
      .select({ workspaceRole: workspaceMembers.role, entityRole: entityMembers.role })
      .from(workspaceMembers)
      .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
      .leftJoin(
        entityMembers,
        and(
          eq(entityMembers.entityType, sql.placeholder('kind')),
          eq(entityMembers.entityId, sql.placeholder('entityId')),
          eq(entityMembers.userId, workspaceMembers.userId),
        ),
      )
      .where(
        and(
          eq(workspaceMembers.workspaceId, sql.placeholder('workspaceId')),
          eq(workspaceMembers.userId, sql.placeholder('userId')),
          isNull(workspaces.deletedAt),
        ),
      )
      .limit(1)
      .prepare('tandem_entity_access'),
  );

/**
 * The joins a hand-written statement adds to read the caller's roles on a project by `findEntityAccess`'s rule (no
 * role at all unless the caller is a member of the live workspace): `wm.role` and `em.role`, given SQL expressions for
 * the workspace id, the project id and the user id.
 */
export function projectAccessJoins(workspaceId: string, projectId: string, userId: string): string {
  return `left join workspaces w on w.id = ${workspaceId} and w.deleted_at is null
    left join workspace_members wm on wm.workspace_id = w.id and wm.user_id = ${userId}
    left join entity_members em
      on wm.user_id is not null and em.entity_type = 'project' and em.entity_id = ${projectId} and em.user_id = ${userId}`;
}

/** The user's workspace role and role on one entity, in one query. */
export async function findEntityAccess(
  db: Queryable,
  userId: string,
  workspaceId: string,
  kind: EntityKind,
  entityId: string,
): Promise<EntityAccess> {
  const [row] = await entityAccessStatement(db).execute({ userId, workspaceId, kind, entityId });
  return { workspaceRole: row?.workspaceRole ?? null, entityRole: row?.entityRole ?? null };
}

/** SQL true for ids of `kind` on which the user holds any entity role. */
export function heldEntityIds(userId: string, workspaceId: string, kind: EntityKind) {
  return sql`select ${entityMembers.entityId} from ${entityMembers} where ${entityMembers.entityType} = ${kind} and ${entityMembers.userId} = ${userId} and ${entityMembers.workspaceId} = ${workspaceId}`;
}

/**
 * The same subquery as `heldEntityIds` as SQL text for a hand-written prepared statement, each argument an SQL
 * expression (a parameter such as `$3`, or a literal).
 */
export function heldEntityIdsText(kind: string, userId: string, workspaceId: string): string {
  const column = (c: AnyColumn) => `"${c.name}"`;
  return (
    `select ${column(entityMembers.entityId)} from "entity_members" where ${column(entityMembers.entityType)} = ${kind} ` +
    `and ${column(entityMembers.userId)} = ${userId} and ${column(entityMembers.workspaceId)} = ${workspaceId}`
  );
}

/** True when the user is a member of the workspace, deleted or not (to tell members it was deleted). */
export async function isMemberOfAnyState(
  db: Queryable,
  userId: string,
  workspaceId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .limit(1);
  return row !== undefined;
}
