import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit';
import { policy } from '../auth/policy';
import { type Database, type Queryable, type Transaction, transaction } from '../db/client';
import { newId } from '../db/ids';
import { type WorkspaceRole, workspaceMembers, workspaces } from '../db/schema/workspaces';
import { containsText } from '../domain/shared/text-search';
import { ApiError } from '../http/errors';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../http/pagination';
import { assertVersion } from '../http/version';
import { publishChange } from '../realtime/notify';
import { slugify } from './slug';
import { auditedWorkspace, toWorkspaceView, type WorkspaceView } from './workspace-view';

type WorkspaceRow = typeof workspaces.$inferSelect;

function notFound(workspaceId: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `Workspace ${workspaceId} was not found`);
}

/** The workspace row, locked for the rest of the transaction; 404 when it is missing or deleted. */
export async function lockWorkspace(tx: Transaction, workspaceId: string): Promise<WorkspaceRow> {
  const [row] = await tx
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), isNull(workspaces.deletedAt)))
    .for('update')
    .limit(1);
  if (!row) throw notFound(workspaceId);
  return row;
}

async function insertWithFreeSlug(
  tx: Transaction,
  id: string,
  name: string,
  userId: string,
): Promise<WorkspaceRow> {
  const base = slugify(name);
  for (let attempt = 1; attempt <= 20; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    const [row] = await tx
      .insert(workspaces)
      .values({ id, name, slug, createdBy: userId })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning();
    if (row) return row;
  }
  // Twenty taken slugs of the same name: fall back to one made unique by the id.
  const [row] = await tx
    .insert(workspaces)
    .values({ id, name, slug: `${base}-${id.slice(-8).toLowerCase()}`, createdBy: userId })
    .returning();
  return row!;
}

/**
 * Adds a user to a workspace with a role inside the caller's transaction, with its audit entry and change.
 * Used by workspace creation, invitations and test set-up.
 */
export async function addMember(
  tx: Queryable,
  input: { workspaceId: string; userId: string; role: WorkspaceRole; actorId: string | null },
): Promise<void> {
  const [row] = await tx
    .insert(workspaceMembers)
    .values({ workspaceId: input.workspaceId, userId: input.userId, role: input.role })
    .returning();
  const after = { userId: row!.userId, role: row!.role, version: row!.version };
  await appendAudit(tx, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    entityType: 'workspace_member',
    entityId: `${input.workspaceId}/${input.userId}`,
    action: 'create',
    before: null,
    after,
  });
  await publishChange(tx, {
    entityType: 'workspace_member',
    entityId: input.userId,
    action: 'create',
    workspaceId: input.workspaceId,
    version: row!.version,
  });
}

/** Creates a workspace; its creator becomes its owner. */
export async function createWorkspace(
  db: Database,
  userId: string,
  input: { name: string },
): Promise<WorkspaceView> {
  return transaction(db, async (tx) => {
    const row = await insertWithFreeSlug(tx, newId('ws'), input.name, userId);
    await appendAudit(tx, {
      workspaceId: row.id,
      actorId: userId,
      entityType: 'workspace',
      entityId: row.id,
      action: 'create',
      before: null,
      after: auditedWorkspace(row),
    });
    await addMember(tx, { workspaceId: row.id, userId, role: 'owner', actorId: userId });
    await publishChange(tx, {
      entityType: 'workspace',
      entityId: row.id,
      action: 'create',
      workspaceId: row.id,
      version: row.version,
    });
    return toWorkspaceView(row, 'owner');
  });
}

const sortable = ['name', 'createdAt'] as const;

/** The workspaces the user belongs to, one page. */
export async function listWorkspaces(
  db: Database,
  userId: string,
  query: ListQuery,
): Promise<Page<WorkspaceView>> {
  const sort = parseSort(query.sort, sortable, { field: 'name', direction: 'asc' });
  const column = sort.field === 'name' ? workspaces.name : workspaces.createdAt;
  const { where, orderBy } = keyset(column, workspaces.id, sort, query.cursor);
  const rows = await db
    .select({ workspace: workspaces, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(
      and(
        eq(workspaceMembers.userId, userId),
        isNull(workspaces.deletedAt),
        containsText(workspaces.name, query.q),
        where,
      ),
    )
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, id: row.workspace.id })),
    query.limit,
    sort,
    (row) => (sort.field === 'name' ? row.workspace.name : row.workspace.createdAt),
    (row) => toWorkspaceView(row.workspace, row.role),
  );
}

/** One workspace the user belongs to; 404 otherwise. */
export async function getWorkspace(
  db: Database,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceView> {
  const role = await policy.workspaceRole(db, userId, workspaceId);
  if (role === null) throw notFound(workspaceId);
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw notFound(workspaceId);
  return toWorkspaceView(row, role);
}

/** Renames a workspace (owners and admins). */
export async function updateWorkspace(
  db: Database,
  userId: string,
  workspaceId: string,
  expected: number,
  changes: { name?: string | undefined },
): Promise<WorkspaceView> {
  return transaction(db, async (tx) => {
    const row = await lockWorkspace(tx, workspaceId);
    const role = await policy.assertWorkspace(tx, userId, workspaceId, 'rename');
    assertVersion(`Workspace ${workspaceId}`, toWorkspaceView(row, role), expected);
    const [updated] = await tx
      .update(workspaces)
      .set({ name: changes.name ?? row.name, updatedAt: sql`now()`, version: row.version + 1 })
      .where(eq(workspaces.id, workspaceId))
      .returning();
    await appendAudit(tx, {
      workspaceId,
      actorId: userId,
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'update',
      before: auditedWorkspace(row),
      after: auditedWorkspace(updated!),
    });
    await publishChange(tx, {
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'update',
      workspaceId,
      version: updated!.version,
    });
    return toWorkspaceView(updated!, role);
  });
}

/** Deletes a workspace (owners only): it and everything in it disappears for everyone; the rows stay. */
export async function deleteWorkspace(
  db: Database,
  userId: string,
  workspaceId: string,
  expected: number,
): Promise<void> {
  await transaction(db, async (tx) => {
    const row = await lockWorkspace(tx, workspaceId);
    const role = await policy.assertWorkspace(tx, userId, workspaceId, 'delete');
    assertVersion(`Workspace ${workspaceId}`, toWorkspaceView(row, role), expected);
    await tx
      .update(workspaces)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: row.version + 1 })
      .where(eq(workspaces.id, workspaceId));
    await appendAudit(tx, {
      workspaceId,
      actorId: userId,
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'delete',
      before: auditedWorkspace(row),
      after: null,
    });
    await publishChange(tx, {
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'delete',
      workspaceId,
      version: row.version + 1,
    });
  });
}
