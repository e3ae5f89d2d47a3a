import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit';
import { type Database, transaction } from '../db/client';
import { newId } from '../db/ids';
import { apiTokens } from '../db/schema/api-tokens';
import { ApiError } from '../http/errors';
import { keyset, type Page, type Sort, toPage } from '../http/pagination';
import { apiTokenPrefix } from './api-token-lookup';
import { hashSecret, randomSecret } from './secrets';

/** An API token as listed: never its secret. */
export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const newestFirst: Sort<'createdAt'> = { field: 'createdAt', direction: 'desc' };

function toView(row: typeof apiTokens.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Creates an API token; the secret is returned this once and only its hash is kept. */
export async function createApiToken(
  db: Database,
  userId: string,
  name: string,
): Promise<{ token: ApiTokenView; secret: string }> {
  const secret = randomSecret(apiTokenPrefix);
  return transaction(db, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ id: newId('tok'), userId, name, tokenHash: hashSecret(secret) })
      .returning();
    const token = toView(row!);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: userId,
      entityType: 'api_token',
      entityId: token.id,
      action: 'create',
      before: null,
      after: token,
    });
    return { token, secret };
  });
}

/** The user's unrevoked tokens, newest first. */
export async function listApiTokens(
  db: Database,
  userId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<ApiTokenView>> {
  const { where, orderBy } = keyset(apiTokens.createdAt, apiTokens.id, newestFirst, page.cursor);
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return toPage(rows, page.limit, newestFirst, (row) => row.createdAt, toView);
}

/** Revokes one of the user's tokens at once; another user's token is a 404. */
export async function revokeApiToken(db: Database, userId: string, tokenId: string): Promise<void> {
  await transaction(db, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new ApiError(404, 'NOT_FOUND', `API token ${tokenId} was not found`);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: userId,
      entityType: 'api_token',
      entityId: tokenId,
      action: 'revoke',
      before: toView(row),
      after: null,
    });
  });
}
