import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { apiTokens } from '../db/schema/api-tokens';
import { type WorkspaceRole, workspaceMembers, workspaces } from '../db/schema/workspaces';
import { roleJoins } from './access-queries';
import type { CompanionRead } from './companion-read';
import { type CredentialQueries, findCredential } from './credential-lookup';
import { hashSecret } from './secrets';

/** The prefix every API token secret starts with, so scanners and people recognise a leaked one. */
export const apiTokenPrefix = 'tdm_';

// Recording every use would be a write per request; a minute's precision is enough to tell stale tokens apart.
const touchAfterMs = 60 * 1000;

type TokenRow = { id: string; userId: string; lastUsedAt: Date | null };

const tokenColumns = { id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt };
const activeToken = and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt));

// The token alone, or with its owner's role in the route's workspace in one round trip (see `roleJoins`).
const tokenQueries: CredentialQueries<TokenRow> = {
  name: 'tandem_active_token',
  short: 'tok',
  alone: (db) => db.select(tokenColumns).from(apiTokens).where(activeToken).limit(1),
  withRole: (db) =>
    db
      .select({ ...tokenColumns, role: workspaceMembers.role })
      .from(apiTokens)
      .leftJoin(workspaces, roleJoins(apiTokens.userId).workspace)
      .leftJoin(workspaceMembers, roleJoins(apiTokens.userId).membership)
      .where(activeToken)
      .limit(1),
  columns: ['caller_id', 'caller_user_id', 'caller_used_at', 'caller_role'],
  fromJoint: (row) => {
    const used = row.caller_used_at as string | Date | null;
    return {
      id: row.caller_id as string,
      userId: row.caller_user_id as string,
      lastUsedAt: used === null ? null : new Date(used),
      role: row.caller_role as WorkspaceRole | null,
    };
  },
};

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
  const row = await findCredential(db, tokenQueries, hashSecret(secret), workspaceId, read);
  if (!row) return undefined;
  if (row.lastUsedAt === null || Date.now() - row.lastUsedAt.getTime() > touchAfterMs) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return { id: row.id, userId: row.userId };
}
