import type { ChangeEdit } from '@tandem/core/changes/proposal';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { type ChangeRequestOrigin, changeRequests } from '../../db/schema/changes';
import { recordChange } from '../shared/change-log';
import { assertOpenForChange, changeProject } from './change-access';
import { changeRequestSubject } from './change-view';

type ChangeRow = typeof changeRequests.$inferSelect;

/** What a new change request says. */
export interface RaiseChangeInput {
  workspaceId: string;
  projectId: string;
  title: string;
  description: string;
  reason: string;
  /** Who asks for it; the audit entry names them as the actor. */
  requestedBy: string;
  origin: ChangeRequestOrigin;
  proposal: ChangeEdit[];
  /** `submitted` to put it to the approvers at once; a draft otherwise. */
  status?: 'draft' | 'submitted';
}

/**
 * Raises a change request inside the caller's transaction, numbered after the project's last one (CR-1, CR-2…), and
 * records it in the audit log. Refuses closed projects and templates (409). It does not check the caller's rights nor
 * the proposal against the plan: the service and other modules (a product scope change) do that first.
 * @example await raiseChangeRequest(tx, { workspaceId, projectId, title: 'Add SSO', description: '', reason: 'Customer ask', requestedBy: userId, origin: 'scope_change', proposal: [] });
 */
export async function raiseChangeRequest(tx: Transaction, input: RaiseChangeInput): Promise<ChangeRow> {
  assertOpenForChange(await changeProject(tx, input.projectId));
  // Numbers are per project: one lock per project keeps two requests raised at once from taking the same one.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`tandem.change-number:${input.projectId}`}, 0))`,
  );
  const [row] = await tx
    .insert(changeRequests)
    .values({
      id: newId('chg'),
      workspaceId: input.workspaceId,
      projectId: input.projectId,
      number: sql`(select coalesce(max(number), 0) + 1 from ${changeRequests} where project_id = ${input.projectId})`,
      title: input.title,
      description: input.description,
      reason: input.reason,
      requestedBy: input.requestedBy,
      status: input.status ?? 'draft',
      origin: input.origin,
      proposal: input.proposal,
      createdBy: input.requestedBy,
    })
    .returning();
  if (!row) throw new Error('insert into change_requests returned no row');
  await recordChange(tx, input.requestedBy, changeRequestSubject(row), 'create', null, {
    number: row.number,
    title: row.title,
    status: row.status,
    origin: row.origin,
    proposal: row.proposal,
    version: row.version,
  });
  return row;
}
