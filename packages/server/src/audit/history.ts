import { and, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditEntries } from '../db/schema/audit';
import { keyset, type Page, type Sort, toPage } from '../http/pagination';

/** One audit entry as the API shows it. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Looks up display names of users by id; users that no longer exist are left out. */
export type ActorNames = (db: Database, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

const newestFirst: Sort<'at'> = { field: 'at', direction: 'desc' };

/** Lists audit entries matching `filter`, newest first, one page after `cursor`. */
export async function listAudit(
  db: Database,
  filter: SQL | undefined,
  page: { limit: number; cursor?: string | undefined },
  actorNames: ActorNames,
): Promise<Page<AuditEntryView>> {
  const { where, orderBy } = keyset(auditEntries.at, auditEntries.id, newestFirst, page.cursor);
  const rows = await db
    .select()
    .from(auditEntries)
    .where(and(filter, where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const names = actorIds.length > 0 ? await actorNames(db, actorIds) : new Map<string, string>();
  return toPage(
    rows,
    page.limit,
    newestFirst,
    (row) => row.at,
    (row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor:
        row.actorId === null ? null : { id: row.actorId, name: names.get(row.actorId) ?? 'Deleted user' },
      entityType: row.entityType,
      entityId: row.entityId,
      action: row.action,
      before: row.before,
      after: row.after,
    }),
  );
}

/** Entries about one entity. */
export function entityFilter(entityType: string, entityId: string): SQL | undefined {
  return and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId));
}

/** Entries of one workspace. */
export function workspaceFilter(workspaceId: string): SQL {
  return eq(auditEntries.workspaceId, workspaceId);
}
