import { type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { auditEntries } from '../../db/schema/audit';
import { type Change, changesChannel } from '../../realtime/change';

/** Every kind of thing whose writes are audited and streamed. */
export type ChangeEntityType =
  | 'product'
  | 'program'
  | 'project'
  | 'task'
  | 'link'
  | 'assignment'
  | 'resource'
  | 'sprint'
  | 'timeEntry'
  | 'timesheet'
  | 'baseline'
  | 'budgetLine'
  | 'expense'
  | 'comment'
  | 'savedView'
  | 'featureScore'
  | 'scorecardCriterion'
  | 'initiative'
  | 'changeRequest'
  | 'deliverable'
  | 'objective'
  | 'keyResult'
  | 'kpi'
  | 'customer'
  | 'feedback'
  | 'feature'
  | 'release'
  | 'launchPlan'
  | 'launchItem'
  | 'launchTemplate'
  | 'productBudgetLine'
  | 'webhook'
  | 'statusReport'
  | 'shareLink'
  | 'risk'
  | 'raidItem';

/** Which entity changed and where it lives, for the audit log and the live change stream. */
export interface ChangeSubject {
  entityType: ChangeEntityType;
  entityId: string;
  workspaceId: string;
  projectId?: string | undefined;
  productId?: string | undefined;
}

/** The subject of a write to a product, program or project itself (or to who holds a role on it). */
export function entitySubject(
  kind: 'product' | 'program' | 'project',
  entityId: string,
  workspaceId: string,
): ChangeSubject {
  return {
    entityType: kind,
    entityId,
    workspaceId,
    ...(kind === 'project' ? { projectId: entityId } : {}),
    ...(kind === 'product' ? { productId: entityId } : {}),
  };
}

/** The kinds of write: the three every entity has, and setting or removing someone's role on it. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'member.set' | 'member.remove';

/**
 * Records one write inside its transaction: the audit entry (who, what, before, after) and the change notification,
 * both committed or rolled back with the write itself. One statement does both, saving a round trip on every write.
 */
export async function recordChange(
  tx: Transaction,
  actorId: string,
  subject: ChangeSubject,
  action: ChangeAction,
  before: { version?: number } | object | null,
  after: { version?: number } | object | null,
): Promise<void> {
  const { entry, notify } = changeRecord(actorId, subject, action, before, after);
  // The notification is queued by the same transaction, so PostgreSQL delivers it only if the entry commits.
  await tx.execute(sql`with entry as (${entry}) select ${notify}`);
}

/**
 * The two parts of `recordChange`'s statement, the audit entry's insert and the notification, for a write that puts
 * them into a statement of its own (the plan's revision bump, see `touchPlanWithChange`).
 */
export function changeRecord(
  actorId: string,
  subject: ChangeSubject,
  action: ChangeAction,
  before: { version?: number } | object | null,
  after: { version?: number } | object | null,
): { entry: SQL; notify: SQL } {
  // A member change carries the membership's version, not the entity's: subscribers get no version for it.
  const version = action.startsWith('member.') ? undefined : (versionOf(after) ?? versionOf(before));
  const change: Change = {
    entityType: subject.entityType,
    entityId: subject.entityId,
    action,
    workspaceId: subject.workspaceId,
    ...(subject.projectId ? { projectId: subject.projectId } : {}),
    ...(subject.productId ? { productId: subject.productId } : {}),
    ...(version === undefined ? {} : { version }),
  };
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return {
    entry: sql`insert into ${auditEntries} (id, workspace_id, actor_id, entity_type, entity_id, action, before, after)
      values (${newId('aud')}, ${subject.workspaceId}, ${actorId}, ${subject.entityType}, ${subject.entityId},
              ${action}, ${json(before)}::jsonb, ${json(after)}::jsonb)`,
    notify: sql`pg_notify(${changesChannel}, ${JSON.stringify(change)})`,
  };
}

function versionOf(value: object | null): number | undefined {
  return value !== null && 'version' in value && typeof value.version === 'number'
    ? value.version
    : undefined;
}
