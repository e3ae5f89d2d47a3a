import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import { hashSecret, randomSecret } from '../../auth/secrets';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { shareLinks } from '../../db/schema/share-links';
import { ApiError } from '../../http/errors';
import { recordChange } from '../shared/change-log';
import { invalid, notFound } from '../shared/errors';
import { type SharedRef, sharedEntityTypes, sharedRegistration } from './shared-renderers';

type ShareLinkRow = typeof shareLinks.$inferSelect;

/** Prefix of every share token, so that a reader (and a secret scanner) knows what it is. */
export const shareTokenPrefix = 'tds_';

/** A share link as its managers see it (never the token, which is shown once at creation). */
export interface ShareLinkView {
  id: string;
  entityType: string;
  entityId: string;
  label: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  active: boolean;
}

/** Who asks: a user id, or a caller carrying one. */
export type ShareCaller = string | { userId: string };

/** What a new link points at. */
export interface ShareLinkInput {
  entityType: string;
  entityId: string;
  label?: string | undefined;
}

const userOf = (caller: ShareCaller) => (typeof caller === 'string' ? caller : caller.userId);

/** A link's public view. */
export function toShareLinkView(row: ShareLinkRow): ShareLinkView {
  return {
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    label: row.label,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    active: row.revokedAt === null,
  };
}

function subject(row: Pick<ShareLinkRow, 'id' | 'workspaceId'>, projectId?: string, productId?: string) {
  return {
    entityType: 'shareLink' as const,
    entityId: row.id,
    workspaceId: row.workspaceId,
    ...(projectId ? { projectId } : {}),
    ...(productId ? { productId } : {}),
  };
}

/**
 * The owner (product, program or project) of a shareable entity once the caller may manage it: 400 for a type nothing
 * registered, 404 for an entity that does not exist or that the caller may not see, 403 when they see it but may not
 * manage it.
 */
async function assertMayShare(db: Queryable, userId: string, entityType: string, entityId: string) {
  const registration = sharedRegistration(entityType);
  if (!registration) {
    throw invalid(
      'entityType',
      `Entity type ${entityType} cannot be shared; use one of ${sharedEntityTypes().join(', ')}`,
    );
  }
  const owner = await registration.owner(db, entityId);
  if (!owner || !(await policy.canSee(db, userId, owner))) throw notFound(entityType, entityId);
  await policy.assertCanManage(db, userId, owner);
  return owner;
}

const ownerIds = (owner: { kind: string; id: string }) =>
  [owner.kind === 'project' ? owner.id : undefined, owner.kind === 'product' ? owner.id : undefined] as const;

/**
 * Creates a revocable read-only link to an entity the caller may manage; the token is returned once, only its hash is
 * kept.
 * @example const { link, token } = await createShareLink(tx, userId, { entityType: 'status_report', entityId });
 */
export async function createShareLink(
  tx: Transaction,
  caller: ShareCaller,
  input: ShareLinkInput,
): Promise<{ link: ShareLinkView; token: string }> {
  const userId = userOf(caller);
  const owner = await assertMayShare(tx, userId, input.entityType, input.entityId);
  await sharedRegistration(input.entityType)?.assertShareable?.(tx, input.entityId);
  const token = randomSecret(shareTokenPrefix);
  const [row] = await tx
    .insert(shareLinks)
    .values({
      id: newId('shl'),
      workspaceId: owner.workspaceId,
      entityType: input.entityType,
      entityId: input.entityId,
      tokenHash: hashSecret(token),
      label: input.label?.trim() ?? '',
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error('insert into share_links returned no row');
  const link = toShareLinkView(row);
  await recordChange(tx, userId, subject(row, ...ownerIds(owner)), 'create', null, link);
  return { link, token };
}

/** Revokes a link (its token then answers 404); revoking a revoked link changes nothing. */
export async function revokeShareLink(
  tx: Transaction,
  caller: ShareCaller,
  linkId: string,
): Promise<ShareLinkView> {
  const userId = userOf(caller);
  const [row] = await tx.select().from(shareLinks).where(eq(shareLinks.id, linkId)).for('update');
  if (!row) throw notFound('Share link', linkId);
  const owner = await sharedRegistration(row.entityType)
    ?.owner(tx, row.entityId)
    .catch(() => null);
  if (!owner || !(await policy.canSee(tx, userId, owner))) throw notFound('Share link', linkId);
  await policy.assertCanManage(tx, userId, owner);
  if (row.revokedAt) return toShareLinkView(row);
  const [revoked] = await tx
    .update(shareLinks)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(shareLinks.id, linkId))
    .returning();
  if (!revoked) throw new Error(`update of share link ${linkId} returned no row`);
  const after = toShareLinkView(revoked);
  await recordChange(tx, userId, subject(row, ...ownerIds(owner)), 'update', toShareLinkView(row), after);
  return after;
}

/** The links of an entity the caller may manage, newest first, revoked ones included. */
export async function listShareLinks(
  db: Database,
  userId: string,
  entityType: string,
  entityId: string,
): Promise<ShareLinkView[]> {
  await assertMayShare(db, userId, entityType, entityId);
  const rows = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.entityType, entityType), eq(shareLinks.entityId, entityId)))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
  return rows.map(toShareLinkView);
}

/** What an unrevoked token points at, or null for an unknown or revoked token; marks the link as used. */
export async function resolveShareLink(db: Queryable, token: string): Promise<SharedRef | null> {
  if (!token.startsWith(shareTokenPrefix) || token.length > 200) return null;
  const [row] = await db
    .update(shareLinks)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(shareLinks.tokenHash, hashSecret(token)), isNull(shareLinks.revokedAt)))
    .returning({
      entityType: shareLinks.entityType,
      entityId: shareLinks.entityId,
      workspaceId: shareLinks.workspaceId,
    });
  return row ?? null;
}

/** The 404 of every token that does not open anything: unknown, revoked, or pointing at something gone. */
export function sharedNotFound(): ApiError {
  return new ApiError(404, 'NOT_FOUND', 'This link does not exist or was revoked');
}
