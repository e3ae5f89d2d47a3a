import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit';
import { createSession, deleteSession, deleteUserSessions, type NewSession } from '../auth/sessions';
import { type Database, type Queryable, transaction } from '../db/client';
import { newId } from '../db/ids';
import { users } from '../db/schema/users';
import { workspaceMembers, workspaces } from '../db/schema/workspaces';
import { ApiError } from '../http/errors';
import { assertVersion } from '../http/version';
import { publishChange } from '../realtime/notify';
import { clearFailures, reserveAttempt } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { toUserView, type UserView } from './user-view';

/** Where a request comes from, recorded on the session it opens and used to key the login throttle. */
export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** A user together with the session just opened for them. */
export interface SignedIn {
  user: UserView;
  session: NewSession;
}

// Any constant of Tandem's own: serialises sign-ups so exactly one account becomes the instance owner.
const signupLockKey = 7_412_003_119;

/** True until the first account exists; the web app then offers to create the owner. */
export async function needsOwner(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row === undefined;
}

/** The user with this email, compared without regard to case. */
export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

/** Creates an account and signs it in; the first account of the server becomes the instance owner. */
export async function signUp(
  db: Database,
  input: { email: string; name: string; password: string },
  client: ClientInfo,
): Promise<SignedIn & { instanceOwner: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${signupLockKey})`);
    if (await findUserByEmail(tx, input.email)) {
      throw new ApiError(409, 'CONFLICT', `An account with the email ${input.email} already exists`, 'email');
    }
    const [first] = await tx.select({ id: users.id }).from(users).limit(1);
    const instanceOwner = first === undefined;
    const [row] = await tx
      .insert(users)
      .values({ id: newId('usr'), email: input.email, name: input.name, passwordHash, instanceOwner })
      .returning();
    const user = toUserView(row!);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: user.id,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      before: null,
      after: { ...user, instanceOwner },
    });
    const session = await createSession(tx, user.id, client);
    return { user, session, instanceOwner };
  });
}

/**
 * Signs in with email and password. Ten failures within fifteen minutes for one email and client address answer 429
 * until the oldest of them leaves the window; the count lives in PostgreSQL, so it holds across servers.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string },
  client: ClientInfo,
): Promise<SignedIn> {
  const key = { email: input.email, ip: client.ip };
  await reserveAttempt(db, key);
  const row = await findUserByEmail(db, input.email);
  if (!(await verifyPassword(row?.passwordHash, input.password)) || !row) {
    throw new ApiError(401, 'INVALID_CREDENTIALS', 'The email or password is not right');
  }
  return transaction(db, async (tx) => {
    await clearFailures(tx, key);
    const session = await createSession(tx, row.id, client);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: row.id,
      entityType: 'user',
      entityId: row.id,
      action: 'sign_in',
      before: null,
      after: { sessionId: session.id, ip: client.ip },
    });
    return { user: toUserView(row), session };
  });
}

/** The signed-in user and the workspaces they belong to. */
export async function describeMe(db: Database, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new ApiError(401, 'UNAUTHENTICATED', 'The account no longer exists');
  const memberships = await db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(sql`${workspaceMembers.userId} = ${userId} and ${workspaces.deletedAt} is null`)
    .orderBy(workspaces.name, workspaces.id);
  return { user: toUserView(row), workspaces: memberships };
}

/** Renames the user if the row is still at the `expected` version, else 409 with the current user. */
export async function updateProfile(
  db: Database,
  userId: string,
  expected: number,
  changes: { name: string },
): Promise<UserView> {
  return transaction(db, async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!row) throw new ApiError(401, 'UNAUTHENTICATED', 'The account no longer exists');
    const before = toUserView(row);
    assertVersion(`User ${userId}`, before, expected);
    const [updated] = await tx
      .update(users)
      .set({ name: changes.name, updatedAt: sql`now()`, version: row.version + 1 })
      .where(eq(users.id, userId))
      .returning();
    const after = toUserView(updated!);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: userId,
      entityType: 'user',
      entityId: userId,
      action: 'update',
      before,
      after,
    });
    // Member lists show the name, so every workspace the user is in hears of the change.
    const memberships = await tx
      .select({ workspaceId: workspaceMembers.workspaceId })
      .from(workspaceMembers)
      .where(eq(workspaceMembers.userId, userId));
    for (const { workspaceId } of memberships) {
      await publishChange(tx, {
        entityType: 'user',
        entityId: userId,
        action: 'update',
        workspaceId,
        version: after.version,
      });
    }
    return after;
  });
}

/**
 * Changes the password after checking the current one, and ends every other session of the user. Wrong current
 * passwords count toward the sign-in throttle, so this route cannot be used to guess one.
 */
export async function changePassword(
  db: Database,
  userId: string,
  keepSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new ApiError(401, 'UNAUTHENTICATED', 'The account no longer exists');
  const key = { email: row.email, ip: client.ip };
  await reserveAttempt(db, key);
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'The current password is not right', 'currentPassword');
  }
  const newHash = await hashPassword(input.newPassword);
  await transaction(db, async (tx) => {
    await clearFailures(tx, key);
    await tx.update(users).set({ passwordHash: newHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
    const ended = await deleteUserSessions(tx, userId, keepSessionId);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: userId,
      entityType: 'user',
      entityId: userId,
      action: 'password_change',
      before: null,
      after: { otherSessionsEnded: ended },
    });
  });
}

/** Ends a session (sign-out), recording it. */
export async function signOut(db: Database, userId: string, sessionId: string): Promise<void> {
  await transaction(db, async (tx) => {
    await deleteSession(tx, sessionId);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: userId,
      entityType: 'user',
      entityId: userId,
      action: 'sign_out',
      before: { sessionId },
      after: null,
    });
  });
}
