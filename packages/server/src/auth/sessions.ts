import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { newId } from '../db/ids';
import { sessions } from '../db/schema/sessions';
import { type WorkspaceRole, workspaceMembers, workspaces } from '../db/schema/workspaces';
import { rememberWorkspaceRole, roleJoins } from './access-queries';
import { sessionLifetimeMs } from './cookies';
import { prepared } from './prepared';
import { hashSecret, randomSecret } from './secrets';

/** A session just created: the secret goes into the cookie and is never stored. */
export interface NewSession {
  id: string;
  secret: string;
  csrfToken: string;
}

/** A live session found by its cookie secret. */
export interface LiveSession {
  id: string;
  userId: string;
  csrfToken: string;
  /** True when the session's expiry was pushed back by this lookup, so the cookie should be re-sent. */
  renewed: boolean;
}

// Extending the expiry on every request would be a write per request; once an hour keeps sessions alive just as well.
const renewAfterMs = 60 * 60 * 1000;

/** Opens a session for `userId`. */
export async function createSession(
  db: Queryable,
  userId: string,
  client: { userAgent: string | undefined; ip: string },
): Promise<NewSession> {
  // Expired sessions are of no use to anyone; dropping the user's own here keeps the table from growing forever.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  const id = newId('ses');
  const secret = randomSecret();
  const csrfToken = randomSecret();
  await db.insert(sessions).values({
    id,
    userId,
    tokenHash: hashSecret(secret),
    csrfToken,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    ip: client.ip,
    expiresAt: new Date(Date.now() + sessionLifetimeMs),
  });
  return { id, secret, csrfToken };
}

const sessionStatement = (db: Queryable) =>
  prepared(db, 'tandem_live_session', (db) =>
    db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
      })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`)))
      .limit(1)
      .prepare('tandem_live_session'),
  );

// The session and its user's role in the route's workspace in one round trip (see `roleJoins`).
const sessionWithRoleStatement = (db: Queryable) =>
  prepared(db, 'tandem_live_session_role', (db) =>
    db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        role: workspaceMembers.role,
      })
      .from(sessions)
      .leftJoin(workspaces, roleJoins(sessions.userId).workspace)
      .leftJoin(workspaceMembers, roleJoins(sessions.userId).membership)
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`)))
      .limit(1)
      .prepare('tandem_live_session_role'),
  );

async function lookUp(
  db: Queryable,
  tokenHash: string,
  workspaceId: string | undefined,
): Promise<{ id: string; userId: string; csrfToken: string; lastSeenAt: Date } | undefined> {
  if (workspaceId === undefined) {
    const [row] = await sessionStatement(db).execute({ tokenHash });
    return row;
  }
  const [row] = await sessionWithRoleStatement(db).execute({ tokenHash, workspaceId });
  if (row) rememberWorkspaceRole(db, row.userId, workspaceId, (row.role as WorkspaceRole | null) ?? null);
  return row;
}

/**
 * Finds the unexpired session a cookie secret belongs to, extending its life when it was last renewed long ago. Given
 * the route's `workspaceId`, the same query reads the user's role there and leaves it in the request's role memo.
 */
export async function findLiveSession(
  db: Queryable,
  secret: string,
  workspaceId?: string,
): Promise<LiveSession | undefined> {
  const row = await lookUp(db, hashSecret(secret), workspaceId);
  if (!row) return undefined;
  let renewed = false;
  if (Date.now() - row.lastSeenAt.getTime() > renewAfterMs) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + sessionLifetimeMs) })
      .where(eq(sessions.id, row.id));
    renewed = true;
  }
  return { id: row.id, userId: row.userId, csrfToken: row.csrfToken, renewed };
}

/** Ends one session (sign-out). */
export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user except `keepSessionId` (after a password change), or all of them when it is null. */
export async function deleteUserSessions(
  db: Queryable,
  userId: string,
  keepSessionId: string | null,
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(
      keepSessionId === null
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)),
    )
    .returning({ id: sessions.id });
  return deleted.length;
}
