import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client';
import { newId } from '../db/ids';
import { sessions } from '../db/schema/sessions';
import { type WorkspaceRole, workspaceMembers, workspaces } from '../db/schema/workspaces';
import { roleJoins } from './access-queries';
import type { CompanionRead } from './companion-read';
import { sessionLifetimeMs } from './cookies';
import { type CredentialQueries, findCredential } from './credential-lookup';
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

type SessionRow = { id: string; userId: string; csrfToken: string; lastSeenAt: Date };

const sessionColumns = {
  id: sessions.id,
  userId: sessions.userId,
  csrfToken: sessions.csrfToken,
  lastSeenAt: sessions.lastSeenAt,
};
const liveSession = and(
  eq(sessions.tokenHash, sql.placeholder('tokenHash')),
  gt(sessions.expiresAt, sql`now()`),
);

// The session alone, or with its user's role in the route's workspace in one round trip (see `roleJoins`).
const sessionQueries: CredentialQueries<SessionRow> = {
  name: 'tandem_live_session',
  short: 'ses',
  alone: (db) => db.select(sessionColumns).from(sessions).where(liveSession).limit(1),
  withRole: (db) =>
    db
      .select({ ...sessionColumns, role: workspaceMembers.role })
      .from(sessions)
      .leftJoin(workspaces, roleJoins(sessions.userId).workspace)
      .leftJoin(workspaceMembers, roleJoins(sessions.userId).membership)
      .where(liveSession)
      .limit(1),
  columns: ['caller_id', 'caller_user_id', 'caller_csrf', 'caller_seen_at', 'caller_role'],
  fromJoint: (row) => ({
    id: row.caller_id as string,
    userId: row.caller_user_id as string,
    csrfToken: row.caller_csrf as string,
    lastSeenAt: new Date(row.caller_seen_at as string | Date),
    role: row.caller_role as WorkspaceRole | null,
  }),
};

/**
 * Finds the unexpired session a cookie secret belongs to, extending its life when it was last renewed long ago. Given
 * the route's `workspaceId`, the same query reads the user's role there and leaves it in the request's role memo, and
 * runs the route's companion `read`.
 */
export async function findLiveSession(
  db: Database,
  secret: string,
  workspaceId?: string,
  read?: CompanionRead,
): Promise<LiveSession | undefined> {
  const row = await findCredential(db, sessionQueries, hashSecret(secret), workspaceId, read);
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
