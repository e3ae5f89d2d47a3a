import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit';
import { mayAssignRole } from '../auth/permissions';
import { policy } from '../auth/policy';
import { hashSecret, randomSecret } from '../auth/secrets';
import { type Database, type Queryable, transaction } from '../db/client';
import { newId } from '../db/ids';
import { invitations } from '../db/schema/invitations';
import { users } from '../db/schema/users';
import { type WorkspaceRole, workspaceMembers, workspaces } from '../db/schema/workspaces';
import { containsText } from '../domain/shared/text-search';
import { ApiError } from '../http/errors';
import { keyset, type ListQuery, type Page, parseSort, type Sort, toPage } from '../http/pagination';
import type { Mailer } from '../mail/mailer';
import { invitationMail } from '../mail/messages';
import { publishChange } from '../realtime/notify';
import { addMember, lockWorkspace } from './workspace-service';
import { toWorkspaceView, type WorkspaceView } from './workspace-view';

/** How long an invitation link works. */
const invitationValidDays = 7;

/** An invitation as listed to the workspace's admins. */
export interface InvitationView {
  id: string;
  email: string;
  role: WorkspaceRole;
  expiresAt: string;
  createdAt: string;
  invitedBy: string | null;
}

type InvitationRow = typeof invitations.$inferSelect;

function toView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    invitedBy: row.invitedBy,
  };
}

const invalidLink = () =>
  new ApiError(
    404,
    'NOT_FOUND',
    'This invitation does not exist, has expired, was revoked or was used already',
  );

/** The link that opens the invitation in the web app. */
export function acceptUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/invite/${encodeURIComponent(token)}`;
}

function pending() {
  return and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, sql`now()`),
  );
}

async function publishInvitation(tx: Queryable, row: InvitationRow, action: string): Promise<void> {
  await publishChange(tx, {
    entityType: 'invitation',
    entityId: row.id,
    action,
    workspaceId: row.workspaceId,
  });
}

/**
 * Invites someone by email with a role (owners and admins; only owners invite owners). An earlier pending invitation
 * of the same email is replaced. Mails the link and also returns it, so an admin can pass it on by hand.
 */
export async function createInvitation(
  db: Database,
  mailer: Mailer,
  publicUrl: string,
  callerId: string,
  workspaceId: string,
  input: { email: string; role: WorkspaceRole },
): Promise<{ invitation: InvitationView; acceptUrl: string; mail: Promise<void> }> {
  const token = randomSecret();
  const email = input.email.trim();
  const created = await transaction(db, async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    const callerRole = await policy.assertWorkspace(tx, callerId, workspaceId, 'manageMembers');
    if (!mayAssignRole(callerRole, null, input.role)) {
      throw new ApiError(403, 'FORBIDDEN', 'Only an owner can invite an owner', 'role');
    }
    const [member] = await tx
      .select({ id: users.id })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(
        and(
          eq(workspaceMembers.workspaceId, workspaceId),
          sql`lower(${users.email}) = ${email.toLowerCase()}`,
        ),
      )
      .limit(1);
    if (member) {
      throw new ApiError(
        409,
        'CONFLICT',
        `${email} is already a member of workspace ${workspaceId}`,
        'email',
      );
    }
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
          pending(),
        ),
      )
      .returning();
    for (const old of replaced) await publishInvitation(tx, old, 'delete');
    const [row] = await tx
      .insert(invitations)
      .values({
        id: newId('inv'),
        workspaceId,
        email,
        role: input.role,
        tokenHash: hashSecret(token),
        invitedBy: callerId,
        expiresAt: new Date(Date.now() + invitationValidDays * 24 * 60 * 60 * 1000),
      })
      .returning();
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, callerId));
    await appendAudit(tx, {
      workspaceId,
      actorId: callerId,
      entityType: 'invitation',
      entityId: row!.id,
      action: 'create',
      before: null,
      after: toView(row!),
    });
    await publishInvitation(tx, row!, 'create');
    return { row: row!, workspaceName: workspace.name, inviterName: inviter?.name ?? 'Someone' };
  });
  const link = acceptUrl(publicUrl, token);
  const mail = mailer.send(
    invitationMail(email, {
      workspaceName: created.workspaceName,
      inviterName: created.inviterName,
      role: input.role,
      link,
      validDays: invitationValidDays,
    }),
  );
  return { invitation: toView(created.row), acceptUrl: link, mail };
}

const sortable = ['createdAt', 'email', 'expiresAt'] as const;
const newestFirst: Sort<(typeof sortable)[number]> = { field: 'createdAt', direction: 'desc' };

/**
 * The workspace's pending invitations, one page at a time (owners and admins): newest first unless `sort` names
 * `createdAt`, `email` or `expiresAt`; `q` matches the email.
 */
export async function listInvitations(
  db: Database,
  callerId: string,
  workspaceId: string,
  query: ListQuery,
): Promise<Page<InvitationView>> {
  const sort = parseSort(query.sort, sortable, newestFirst);
  await policy.assertWorkspace(db, callerId, workspaceId, 'manageMembers');
  const column = {
    createdAt: invitations.createdAt,
    email: invitations.email,
    expiresAt: invitations.expiresAt,
  }[sort.field];
  const { where, orderBy } = keyset(column, invitations.id, sort, query.cursor);
  const rows = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        pending(),
        containsText(invitations.email, query.q),
        where,
      ),
    )
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, sort, (row) => row[sort.field], toView);
}

/** Revokes a pending invitation so its link stops working (owners and admins). */
export async function revokeInvitation(
  db: Database,
  callerId: string,
  workspaceId: string,
  invitationId: string,
): Promise<void> {
  // Checked through `db` so the role the route rule read is reused: the transaction below locks nothing the role
  // depends on, so reading it again there would be no fresher.
  await policy.assertWorkspace(db, callerId, workspaceId, 'manageMembers');
  await transaction(db, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId), pending()))
      .returning();
    if (!row) throw new ApiError(404, 'NOT_FOUND', `Invitation ${invitationId} was not found`);
    await appendAudit(tx, {
      workspaceId,
      actorId: callerId,
      entityType: 'invitation',
      entityId: row.id,
      action: 'delete',
      before: toView(row),
      after: null,
    });
    await publishInvitation(tx, row, 'delete');
  });
}

/** What the invitation link shows before anyone signs in; 404 for a link that no longer works. */
export async function previewInvitation(
  db: Database,
  token: string,
): Promise<{ workspaceName: string; email: string; role: WorkspaceRole }> {
  const [row] = await db
    .select({ workspaceName: workspaces.name, email: invitations.email, role: invitations.role })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(and(eq(invitations.tokenHash, hashSecret(token)), pending(), isNull(workspaces.deletedAt)))
    .limit(1);
  if (!row) throw invalidLink();
  return row;
}

/**
 * Accepts an invitation as the signed-in user, whose email must be the invited one. The link then stops working.
 * Someone already in the workspace keeps their role.
 */
export async function acceptInvitation(db: Database, userId: string, token: string): Promise<WorkspaceView> {
  return transaction(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, hashSecret(token)), pending()))
      .for('update')
      .limit(1);
    if (!row) throw invalidLink();
    const workspace = await lockWorkspace(tx, row.workspaceId).catch(() => {
      throw invalidLink();
    });
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user || user.email.toLowerCase() !== row.email.toLowerCase()) {
      throw new ApiError(
        403,
        'FORBIDDEN',
        `This invitation is for ${row.email}; you are signed in as ${user?.email ?? 'someone else'}`,
      );
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: userId })
      .where(eq(invitations.id, row.id));
    let role = await policy.workspaceRole(tx, userId, row.workspaceId);
    if (role === null) {
      await addMember(tx, { workspaceId: row.workspaceId, userId, role: row.role, actorId: userId });
      role = row.role;
    }
    await appendAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: userId,
      entityType: 'invitation',
      entityId: row.id,
      action: 'accept',
      before: toView(row),
      after: { ...toView(row), acceptedBy: userId },
    });
    await publishInvitation(tx, row, 'accept');
    return toWorkspaceView(workspace, role);
  });
}
