import type { Queryable } from '../db/client';
import { newId } from '../db/ids';
import { auditEntries } from '../db/schema/audit';

/** What changed, by whom: one audit entry. `before` is null on create, `after` null on delete. */
export interface AuditInput {
  workspaceId: string | null;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends an audit entry inside the caller's transaction, so the entry exists exactly when the change does.
 * @example await appendAudit(tx, { workspaceId, actorId: user.id, entityType: 'task', entityId, action: 'update', before, after });
 */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<string> {
  const id = newId('aud');
  await tx.insert(auditEntries).values({
    id,
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    before: input.before ?? null,
    after: input.after ?? null,
  });
  return id;
}
