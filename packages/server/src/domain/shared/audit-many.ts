import type { Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { auditEntries } from '../../db/schema/audit';

/** One entity removed along with its parent (a task under a deleted task or project). */
export interface CascadedDeletion {
  entityType: string;
  entityId: string;
  before: unknown;
}

/**
 * Audits, in one statement, the rows a delete removed by cascade, so each keeps a history that ends in its deletion.
 */
export async function auditCascadedDeletions(
  tx: Transaction,
  actorId: string,
  workspaceId: string,
  deletions: readonly CascadedDeletion[],
): Promise<void> {
  // A few hundred rows per statement keeps each insert well under PostgreSQL's 65,535 parameter limit.
  for (let start = 0; start < deletions.length; start += 500) {
    await tx.insert(auditEntries).values(
      deletions.slice(start, start + 500).map((deletion) => ({
        id: newId('aud'),
        workspaceId,
        actorId,
        entityType: deletion.entityType,
        entityId: deletion.entityId,
        action: 'delete',
        before: deletion.before ?? null,
        after: null,
      })),
    );
  }
}
