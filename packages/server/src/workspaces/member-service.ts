import { and, eq, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit';
import { mayAssignRole } from '../auth/permissions';
import { policy } from '../auth/policy';
import { type Database, type Transaction, transaction } from '../db/client';
import { entityMembers } from '../db/schema/entity-members';
import { users } from '../db/schema/users';
import { type WorkspaceRole, workspaceMembers } from '../db/schema/workspaces';
import { containsText } from '../domain/shared/text-search';
import { ApiError } from '../http/errors';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../http/pagination';
import { assertVersion } from '../http/version';
import { publishChange } from '../realtime/notify';
import { lockWorkspace } from './workspace-service';

/** A member as listed; guests see names only, never emails. */
export interface MemberView {
  user: { id: string; name: string; email?: string };
  role: WorkspaceRole;
  version: number;
}

type MemberRow = typeof workspaceMembers.$inferSelect;

const sortable = ['name', 'email', 'role'] as const;

function memberNotFound(workspaceId: string, userId: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `User ${userId} is not a member of workspace ${workspaceId}`);
}

function audited(row: MemberRow) {
  return { userId: row.userId, role: row.role, version: row.version };
}

/** The members of a workspace, one page, sorted by name by default, optionally of one role. */
export async function listMembers(
  db: Database,
  callerId: string,
  workspaceId: string,
  query: ListQuery & { role?: WorkspaceRole | undefined },
): Promise<Page<MemberView>> {
  const callerRole = await policy.assertWorkspace(db, callerId, workspaceId, 'see');
  const showEmails = callerRole !== 'guest';
  const sort = parseSort(query.sort, showEmails ? sortable : (['name', 'role'] as const), {
    field: 'name',
    direction: 'asc',
  });
  const column =
    sort.field === 'name' ? users.name : sort.field === 'email' ? users.email : workspaceMembers.role;
  const { where, orderBy } = keyset(column, users.id, sort, query.cursor);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: workspaceMembers.role,
      version: workspaceMembers.version,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(
      and(
        eq(workspaceMembers.workspaceId, workspaceId),
        query.role === undefined ? undefined : eq(workspaceMembers.role, query.role),
        showEmails
          ? or(containsText(users.name, query.q), containsText(users.email, query.q))
          : containsText(users.name, query.q),
        where,
      ),
    )
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    sort,
    (row) => (sort.field === 'name' ? row.name : sort.field === 'email' ? row.email : row.role),
    (row) => ({
      user: showEmails ? { id: row.id, name: row.name, email: row.email } : { id: row.id, name: row.name },
      role: row.role,
      version: row.version,
    }),
  );
}

async function lockMember(tx: Transaction, workspaceId: string, userId: string): Promise<MemberRow> {
  const [row] = await tx
    .select()
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .for('update')
    .limit(1);
  if (!row) throw memberNotFound(workspaceId, userId);
  return row;
}

/** Refuses a change that would leave the workspace without an owner. Runs with the workspace row locked. */
async function assertAnotherOwner(tx: Transaction, workspaceId: string, leaving: string): Promise<void> {
  const [row] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.workspaceId, workspaceId),
        eq(workspaceMembers.role, 'owner'),
        sql`${workspaceMembers.userId} <> ${leaving}`,
      ),
    );
  if ((row?.owners ?? 0) === 0) {
    throw new ApiError(
      409,
      'CONFLICT',
      `Workspace ${workspaceId} must keep an owner: make someone else owner before ${leaving} stops being one`,
    );
  }
}

async function memberUser(tx: Transaction, userId: string) {
  const [user] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return user!;
}

function toView(row: MemberRow, user: { id: string; name: string; email: string }): MemberView {
  return { user, role: row.role, version: row.version };
}

/** Changes a member's role: owners change anyone's; admins everyone's but owners', and never to owner. */
export async function updateMemberRole(
  db: Database,
  callerId: string,
  workspaceId: string,
  userId: string,
  expected: number,
  role: WorkspaceRole,
): Promise<MemberView> {
  return transaction(db, async (tx) => {
    // The workspace row lock serialises member changes, so two owners cannot demote each other at once; the
    // caller's role is read after it, so it is the role as of now.
    await lockWorkspace(tx, workspaceId);
    const callerRole = await policy.assertWorkspace(tx, callerId, workspaceId, 'manageMembers');
    const row = await lockMember(tx, workspaceId, userId);
    const user = await memberUser(tx, userId);
    assertVersion(`Membership of ${userId} in ${workspaceId}`, toView(row, user), expected);
    if (!mayAssignRole(callerRole, row.role, role)) {
      throw new ApiError(
        403,
        'FORBIDDEN',
        `Only an owner can ${row.role === 'owner' ? 'change an owner' : 'make an owner'}`,
      );
    }
    if (row.role === 'owner' && role !== 'owner') await assertAnotherOwner(tx, workspaceId, userId);
    const [updated] = await tx
      .update(workspaceMembers)
      .set({ role, updatedAt: sql`now()`, version: row.version + 1 })
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
      .returning();
    await appendAudit(tx, {
      workspaceId,
      actorId: callerId,
      entityType: 'workspace_member',
      entityId: `${workspaceId}/${userId}`,
      action: 'update',
      before: audited(row),
      after: audited(updated!),
    });
    await publishChange(tx, {
      entityType: 'workspace_member',
      entityId: userId,
      action: 'update',
      workspaceId,
      version: updated!.version,
    });
    return toView(updated!, user);
  });
}

/**
 * Removes a member, or lets a member leave. Admins may remove anyone but owners; the last owner can neither leave nor
 * be removed. The member's roles on the workspace's products, programs and projects go with them.
 */
export async function removeMember(
  db: Database,
  callerId: string,
  workspaceId: string,
  userId: string,
  expected: number,
): Promise<void> {
  await transaction(db, async (tx) => {
    const leaving = callerId === userId;
    await lockWorkspace(tx, workspaceId);
    const callerRole = await policy.assertWorkspace(
      tx,
      callerId,
      workspaceId,
      leaving ? 'see' : 'manageMembers',
    );
    const row = await lockMember(tx, workspaceId, userId);
    assertVersion(
      `Membership of ${userId} in ${workspaceId}`,
      toView(row, await memberUser(tx, userId)),
      expected,
    );
    if (!leaving && !mayAssignRole(callerRole, row.role, null)) {
      throw new ApiError(403, 'FORBIDDEN', 'Only an owner can remove an owner');
    }
    if (row.role === 'owner') await assertAnotherOwner(tx, workspaceId, userId);
    await tx
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
    await tx
      .delete(entityMembers)
      .where(and(eq(entityMembers.workspaceId, workspaceId), eq(entityMembers.userId, userId)));
    await appendAudit(tx, {
      workspaceId,
      actorId: callerId,
      entityType: 'workspace_member',
      entityId: `${workspaceId}/${userId}`,
      action: 'delete',
      before: audited(row),
      after: null,
    });
    await publishChange(tx, {
      entityType: 'workspace_member',
      entityId: userId,
      action: 'delete',
      workspaceId,
      version: row.version,
    });
  });
}
