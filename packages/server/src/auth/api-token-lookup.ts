import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client';
import { apiTokens } from '../db/schema/api-tokens';
import { type WorkspaceRole, workspaceMembers, workspaces } from '../db/schema/workspaces';
import { rememberWorkspaceRole, roleJoins } from './access-queries';
import { type CallerLookup, type CompanionRead, lookUpWith } from './companion-read';
import { prepared } from './prepared';
import { hashSecret } from './secrets';

/** The prefix every API token secret starts with, so scanners and people recognise a leaked one. */
export const apiTokenPrefix = 'tdm_';

// Recording every use would be a write per request; a minute's precision is enough to tell stale tokens apart.
const touchAfterMs = 60 * 1000;

const tokenStatement = (db: Queryable) =>
  prepared(db, 'tandem_active_token', (db) =>
    db
      .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
      .limit(1)
      .prepare('tandem_active_token'),
  );

// The token and its owner's role in the route's workspace in one round trip (see `roleJoins`).
const tokenWithRoleQuery = (db: Queryable) =>
  db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      lastUsedAt: apiTokens.lastUsedAt,
      role: workspaceMembers.role,
    })
    .from(apiTokens)
    .leftJoin(workspaces, roleJoins(apiTokens.userId).workspace)
    .leftJoin(workspaceMembers, roleJoins(apiTokens.userId).membership)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
    .limit(1);

const tokenWithRoleStatement = (db: Queryable) =>
  prepared(db, 'tandem_active_token_role', (db) =>
    tokenWithRoleQuery(db).prepare('tandem_active_token_role'),
  );

// The same lookup as SQL text, for a statement that also runs a route's companion read.
const tokenLookup = (db: Database): CallerLookup =>
  prepared(db, 'tandem_active_token_lookup', (db) => ({
    name: 'tok',
    query: tokenWithRoleQuery(db).toSQL(),
    columns: ['caller_id', 'caller_user_id', 'caller_used_at', 'caller_role'],
  }));

type TokenRow = { id: string; userId: string; lastUsedAt: Date | null; role?: WorkspaceRole | null };

async function lookUpWithRead(
  db: Database,
  tokenHash: string,
  workspaceId: string,
  read: CompanionRead,
): Promise<TokenRow | undefined> {
  const row = await lookUpWith(db, tokenLookup(db), { tokenHash, workspaceId }, read);
  if (!row) return undefined;
  const used = row.caller_used_at as string | Date | null;
  return {
    id: row.caller_id as string,
    userId: row.caller_user_id as string,
    lastUsedAt: used === null ? null : new Date(used),
    role: row.caller_role as WorkspaceRole | null,
  };
}

async function lookUp(
  db: Database,
  tokenHash: string,
  workspaceId: string | undefined,
  read: CompanionRead | undefined,
): Promise<TokenRow | undefined> {
  if (workspaceId === undefined) {
    const [row] = await tokenStatement(db).execute({ tokenHash });
    return row;
  }
  const row =
    read === undefined
      ? (await tokenWithRoleStatement(db).execute({ tokenHash, workspaceId }))[0]
      : await lookUpWithRead(db, tokenHash, workspaceId, read);
  if (row) rememberWorkspaceRole(db, row.userId, workspaceId, (row.role as WorkspaceRole | null) ?? null);
  return row;
}

/**
 * Finds the unrevoked API token a bearer secret belongs to, noting its use. Given the route's `workspaceId`, the same
 * query reads the owner's role there and leaves it in the request's role memo, and runs the route's companion `read`.
 */
export async function findActiveToken(
  db: Database,
  secret: string,
  workspaceId?: string,
  read?: CompanionRead,
): Promise<{ id: string; userId: string } | undefined> {
  if (!secret.startsWith(apiTokenPrefix)) return undefined;
  const row = await lookUp(db, hashSecret(secret), workspaceId, read);
  if (!row) return undefined;
  if (row.lastUsedAt === null || Date.now() - row.lastUsedAt.getTime() > touchAfterMs) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return { id: row.id, userId: row.userId };
}
