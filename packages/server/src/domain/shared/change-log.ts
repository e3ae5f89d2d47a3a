import { appendAudit } from '../../audit/audit';
import type { Transaction } from '../../db/client';
import { publishChange } from '../../realtime/notify';

/** Which entity changed and where it lives, for the audit log and the live change stream. */
export interface ChangeSubject {
  entityType: 'product' | 'program' | 'project' | 'task';
  entityId: string;
  workspaceId: string;
  projectId?: string | undefined;
  productId?: string | undefined;
}

/** The kinds of write: the three every entity has, and setting or removing someone's role on it. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'member.set' | 'member.remove';

/**
 * Records one write inside its transaction: the audit entry (who, what, before, after) and the change notification,
 * both committed or rolled back with the write itself.
 */
export async function recordChange(
  tx: Transaction,
  actorId: string,
  subject: ChangeSubject,
  action: ChangeAction,
  before: { version?: number } | object | null,
  after: { version?: number } | object | null,
): Promise<void> {
  await appendAudit(tx, {
    workspaceId: subject.workspaceId,
    actorId,
    entityType: subject.entityType,
    entityId: subject.entityId,
    action,
    before,
    after,
  });
  // A member change carries the membership's version, not the entity's: subscribers get no version for it.
  const version = action.startsWith('member.') ? undefined : (versionOf(after) ?? versionOf(before));
  await publishChange(tx, {
    entityType: subject.entityType,
    entityId: subject.entityId,
    action,
    workspaceId: subject.workspaceId,
    ...(subject.projectId ? { projectId: subject.projectId } : {}),
    ...(subject.productId ? { productId: subject.productId } : {}),
    ...(version === undefined ? {} : { version }),
  });
}

function versionOf(value: object | null): number | undefined {
  return value !== null && 'version' in value && typeof value.version === 'number'
    ? value.version
    : undefined;
}
