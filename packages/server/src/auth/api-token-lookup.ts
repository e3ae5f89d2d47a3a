import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { apiTokens } from '../db/schema/api-tokens';
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

/** Finds the unrevoked API token a bearer secret belongs to, noting its use. */
export async function findActiveToken(
  db: Queryable,
  secret: string,
): Promise<{ id: string; userId: string } | undefined> {
  if (!secret.startsWith(apiTokenPrefix)) return undefined;
  const [row] = await tokenStatement(db).execute({ tokenHash: hashSecret(secret) });
  if (!row) return undefined;
  if (row.lastUsedAt === null || Date.now() - row.lastUsedAt.getTime() > touchAfterMs) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return { id: row.id, userId: row.userId };
}
