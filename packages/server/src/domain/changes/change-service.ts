import type { ChangeEdit, ChangeImpact } from '@tandem/core';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { type ChangeApprovalRole, changeRequestApprovals, changeRequests } from '../../db/schema/changes';
import { users } from '../../db/schema/users';
import { workspaceMembers } from '../../db/schema/workspaces';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { planCache } from '../schedule/plan-cache';
import { recordChange } from '../shared/change-log';
import { definedOnly } from '../shared/defined-only';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import {
  assertOpenForChange,
  type ChangeProject,
  changeProject,
  decidableRoles,
  mayDecideAs,
  visibleChangeProject,
  visibleRow,
} from './change-access';
import { applyProposalToPlan, resetBaseline } from './change-apply';
import { projectImpact } from './change-impact';
import {
  type ApprovalView,
  type ChangeRequestView,
  changeRequestSubject,
  toChangeRequestView,
} from './change-view';
import { raiseChangeRequest } from './raise-change';

type ChangeRow = typeof changeRequests.$inferSelect;

/** A change request with what the caller may do about it. */
export interface ChangeRequestDetail extends ChangeRequestView {
  /** The approver roles the caller may decide as. */
  canDecideAs: ChangeApprovalRole[];
}

async function views(db: Queryable, rows: readonly ChangeRow[]): Promise<ChangeRequestView[]> {
  if (rows.length === 0) return [];
  const approvals = await db
    .select({
      changeRequestId: changeRequestApprovals.changeRequestId,
      role: changeRequestApprovals.role,
      userId: changeRequestApprovals.userId,
      userName: users.name,
      decision: changeRequestApprovals.decision,
      comment: changeRequestApprovals.comment,
      at: changeRequestApprovals.at,
    })
    .from(changeRequestApprovals)
    .leftJoin(users, eq(users.id, changeRequestApprovals.userId))
    .where(
      inArray(
        changeRequestApprovals.changeRequestId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(changeRequestApprovals.at));
  const requesters = [
    ...new Set(rows.map((row) => row.requestedBy).filter((id): id is string => id !== null)),
  ];
  const names = new Map(
    requesters.length === 0
      ? []
      : (
          await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, requesters))
        ).map((user) => [user.id, user.name] as const),
  );
  return rows.map((row) =>
    toChangeRequestView(
      row,
      approvals
        .filter((approval) => approval.changeRequestId === row.id)
        .map(
          (approval): ApprovalView => ({
            role: approval.role,
            userId: approval.userId,
            userName: approval.userName,
            decision: approval.decision,
            comment: approval.comment,
            at: approval.at.toISOString(),
          }),
        ),
      names,
    ),
  );
}

async function viewOf(db: Queryable, row: ChangeRow): Promise<ChangeRequestView> {
  const [view] = await views(db, [row]);
  if (!view) throw new Error(`change request ${row.id} has no view`);
  return view;
}

/** The change requests of a project the caller may see, newest first. */
export async function listChangeRequests(
  db: Database,
  userId: string,
  projectId: string,
): Promise<ChangeRequestView[]> {
  await visibleChangeProject(db, userId, projectId);
  const rows = await db
    .select()
    .from(changeRequests)
    .where(eq(changeRequests.projectId, projectId))
    .orderBy(desc(changeRequests.number));
  return views(db, rows);
}

/** A change request the caller may see (404 otherwise), with its project. */
async function visibleChange(
  db: Queryable,
  userId: string,
  id: string,
  lock = false,
): Promise<{ row: ChangeRow; project: ChangeProject }> {
  const query = db.select().from(changeRequests).where(eq(changeRequests.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return visibleRow(db, userId, row, 'Change request', id);
}

/** One change request, with the roles the caller may decide as. */
export async function getChangeRequest(
  db: Database,
  userId: string,
  id: string,
): Promise<ChangeRequestDetail> {
  const { row, project } = await visibleChange(db, userId, id);
  return { ...(await viewOf(db, row)), canDecideAs: await decidableRoles(db, userId, project) };
}

/** Checks that a requester named by id is a member of the project's workspace (422 naming the field). */
async function checkRequester(db: Queryable, workspaceId: string, requestedBy: string): Promise<void> {
  const [member] = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, requestedBy)));
  if (!member) {
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `User ${requestedBy} is not a member of this workspace`,
      'requestedBy',
    );
  }
}

/** Fields of a new change request. */
export interface ChangeRequestInput {
  title: string;
  description?: string | undefined;
  reason?: string | undefined;
  requestedBy?: string | undefined;
  proposal: ChangeEdit[];
  submit?: boolean | undefined;
}

/**
 * Raises a change request on a project the caller may edit: its proposal is checked against the plan (422 naming the
 * edit); submitted at once, it keeps the impact computed now.
 */
export async function createChangeRequest(
  db: Database,
  userId: string,
  projectId: string,
  input: ChangeRequestInput,
): Promise<ChangeRequestView> {
  const project = await changeProject(db, projectId);
  await policy.assertCanEdit(db, userId, project.ref);
  assertOpenForChange(project);
  if (input.requestedBy !== undefined) await checkRequester(db, project.ref.workspaceId, input.requestedBy);
  const { impact, revision } = await projectImpact(db, projectId, input.proposal);
  return writeTransaction(db, async (tx) => {
    let row = await raiseChangeRequest(tx, {
      workspaceId: project.ref.workspaceId,
      projectId,
      title: input.title,
      description: input.description ?? '',
      reason: input.reason ?? '',
      requestedBy: input.requestedBy ?? userId,
      origin: 'manual',
      proposal: input.proposal,
      status: input.submit ? 'submitted' : 'draft',
    });
    const [withImpact] = await tx
      .update(changeRequests)
      .set({ impact: impact as unknown as Record<string, unknown>, impactRevision: revision })
      .where(eq(changeRequests.id, row.id))
      .returning();
    row = withImpact ?? row;
    return viewOf(tx, row);
  });
}

/** Changes of a draft. */
export interface ChangeRequestChanges {
  title?: string | undefined;
  description?: string | undefined;
  reason?: string | undefined;
  requestedBy?: string | undefined;
  proposal?: ChangeEdit[] | undefined;
}

function assertStatus(row: ChangeRow, allowed: readonly ChangeRow['status'][], doing: string): void {
  if (allowed.includes(row.status)) return;
  throw new ApiError(
    409,
    'CHANGE_REQUEST_STATE',
    `CR-${row.number} is ${row.status}; it can be ${doing} only when ${allowed.join(' or ')}`,
    'status',
  );
}

/** Runs a versioned write on a change request the caller may edit, recording before and after. */
async function writeChange(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  write: (tx: Transaction, row: ChangeRow, project: ChangeProject) => Promise<Partial<ChangeRow>>,
): Promise<ChangeRequestView> {
  return writeTransaction(db, async (tx) => {
    const { row, project } = await visibleChange(tx, userId, id, true);
    assertVersion(`Change request ${id}`, row, expectedVersion);
    const set = await write(tx, row, project);
    const [updated] = await tx
      .update(changeRequests)
      .set({ ...set, version: sql`${changeRequests.version} + 1`, updatedAt: sql`now()` })
      .where(eq(changeRequests.id, id))
      .returning();
    if (!updated) throw new Error(`change request ${id} vanished while locked`);
    const after = await viewOf(tx, updated);
    const before = { status: row.status, title: row.title, proposal: row.proposal, version: row.version };
    await recordChange(tx, userId, changeRequestSubject(updated), 'update', before, {
      status: after.status,
      title: after.title,
      proposal: after.proposal,
      version: after.version,
    });
    return after;
  });
}

/** Edits a draft change request (409 once it is submitted); a new proposal is checked against the plan. */
export async function updateChangeRequest(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  changes: ChangeRequestChanges,
): Promise<ChangeRequestView> {
  return writeChange(db, userId, id, expectedVersion, async (tx, row, project) => {
    await policy.assertCanEdit(tx, userId, project.ref);
    assertStatus(row, ['draft'], 'edited');
    if (changes.requestedBy !== undefined)
      await checkRequester(tx, project.ref.workspaceId, changes.requestedBy);
    const set: Partial<ChangeRow> = definedOnly(changes) as Partial<ChangeRow>;
    if (changes.proposal !== undefined) {
      const { impact, revision } = await projectImpact(db, row.projectId, changes.proposal);
      set.impact = impact as unknown as Record<string, unknown>;
      set.impactRevision = revision;
    }
    return set;
  });
}

/** Puts a draft to the approvers, keeping its impact on the plan as it is now. */
export async function submitChangeRequest(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<ChangeRequestView> {
  return writeChange(db, userId, id, expectedVersion, async (tx, row, project) => {
    await policy.assertCanEdit(tx, userId, project.ref);
    assertOpenForChange(project);
    assertStatus(row, ['draft'], 'submitted');
    const { impact, revision } = await projectImpact(db, row.projectId, row.proposal);
    return {
      status: 'submitted',
      impact: impact as unknown as Record<string, unknown>,
      impactRevision: revision,
    };
  });
}

/** An approver's decision. */
export interface DecisionInput {
  role: ChangeApprovalRole;
  decision: 'approved' | 'rejected';
  comment: string;
}

/**
 * Records the project manager's or the sponsor's decision on a submitted change request (403 for someone who does not
 * hold the role, 409 when that role has decided already): one rejection rejects it, both approvals approve it.
 */
export async function decideChangeRequest(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  input: DecisionInput,
): Promise<ChangeRequestView> {
  return writeChange(db, userId, id, expectedVersion, async (tx, row, project) => {
    if (!(await mayDecideAs(tx, userId, project, input.role))) {
      const who =
        input.role === 'project_manager'
          ? 'a manager of the project (its project manager, or a workspace owner or admin)'
          : project.productId === null
            ? 'a workspace owner or admin (the sponsor of a project without a product)'
            : "a product manager of the project's product (its sponsor)";
      throw new ApiError(
        403,
        'FORBIDDEN',
        `Only ${who} may decide as ${input.role} on CR-${row.number}`,
        'role',
      );
    }
    assertStatus(row, ['submitted'], 'decided');
    const [already] = await tx
      .select({ userId: changeRequestApprovals.userId })
      .from(changeRequestApprovals)
      .where(
        and(eq(changeRequestApprovals.changeRequestId, id), eq(changeRequestApprovals.role, input.role)),
      );
    if (already) {
      throw new ApiError(
        409,
        'ALREADY_DECIDED',
        `The ${input.role} has already decided on CR-${row.number}`,
        'role',
      );
    }
    await tx.insert(changeRequestApprovals).values({
      id: newId('cra'),
      workspaceId: row.workspaceId,
      changeRequestId: id,
      role: input.role,
      userId,
      decision: input.decision,
      comment: input.comment,
    });
    if (input.decision === 'rejected') return { status: 'rejected', decidedAt: new Date() };
    const decided = await tx
      .select({ role: changeRequestApprovals.role, decision: changeRequestApprovals.decision })
      .from(changeRequestApprovals)
      .where(eq(changeRequestApprovals.changeRequestId, id));
    const approved = new Set(decided.filter((d) => d.decision === 'approved').map((d) => d.role));
    if (!(approved.has('project_manager') && approved.has('sponsor'))) return {};
    // The impact approved is the one on the plan as it stands at the decision.
    const { impact, revision } = await projectImpact(db, row.projectId, row.proposal);
    return {
      status: 'approved',
      decidedAt: new Date(),
      impact: impact as unknown as Record<string, unknown>,
      impactRevision: revision,
    };
  });
}

/** How an approved change is applied. */
export interface ApplyInput {
  resetBaseline: boolean;
  baselineName?: string | undefined;
  reason?: string | undefined;
}

/**
 * Applies an approved change request to the plan in one transaction (project managers only): the edits, a new plan
 * revision, audit entries and live events as for any edit, and optionally a new baseline with its reason recorded.
 */
export async function applyChangeRequest(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  input: ApplyInput,
): Promise<ChangeRequestView & { baselineId: string | null }> {
  let revision = 0;
  let baselineId: string | null = null;
  const view = await writeChange(db, userId, id, expectedVersion, async (tx, row, project) => {
    await policy.assertCanManage(tx, userId, project.ref);
    assertOpenForChange(project);
    assertStatus(row, ['approved'], 'applied');
    const applied = await applyProposalToPlan(tx, {
      userId,
      workspaceId: row.workspaceId,
      projectId: row.projectId,
      proposal: row.proposal,
    });
    revision = applied.revision;
    if (input.resetBaseline) {
      baselineId = await resetBaseline(tx, {
        userId,
        workspaceId: row.workspaceId,
        projectId: row.projectId,
        revision,
        name: input.baselineName ?? `After CR-${row.number}`,
        reason: input.reason ?? `CR-${row.number}: ${row.title}`,
        changeRequestId: row.id,
      });
    }
    return {
      status: 'applied',
      appliedAt: new Date(),
      appliedBy: userId,
      impact: applied.impact as unknown as Record<string, unknown>,
      impactRevision: revision - 1,
    };
  });
  await planCache.advance(db, view.projectId, revision);
  return { ...view, baselineId };
}

/** Deletes a draft or rejected change request. */
export async function deleteChangeRequest(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const { row, project } = await visibleChange(tx, userId, id, true);
    await policy.assertCanEdit(tx, userId, project.ref);
    assertVersion(`Change request ${id}`, row, expectedVersion);
    assertStatus(row, ['draft', 'rejected'], 'deleted');
    await tx.delete(changeRequests).where(eq(changeRequests.id, id));
    await recordChange(tx, userId, changeRequestSubject(row), 'delete', { version: row.version }, null);
  });
}

/** The impact of a change request: kept once applied, else computed now on the current plan. */
export async function changeRequestImpact(
  db: Database,
  userId: string,
  id: string,
): Promise<{ impact: ChangeImpact; revision: number; live: boolean }> {
  const { row } = await visibleChange(db, userId, id);
  if (row.status === 'applied' && row.impact) {
    return { impact: row.impact as unknown as ChangeImpact, revision: row.impactRevision ?? 0, live: false };
  }
  return { ...(await projectImpact(db, row.projectId, row.proposal)), live: true };
}

/** The impact a proposal would have on a project the caller may see, before it is saved (the proposal builder). */
export async function previewImpact(
  db: Database,
  userId: string,
  projectId: string,
  proposal: ChangeEdit[],
): Promise<{ impact: ChangeImpact; revision: number }> {
  const project = await changeProject(db, projectId);
  await policy.assertCanSee(db, userId, project.ref);
  if (proposal.length === 0) throw invalid('proposal', 'A proposal needs at least one plan edit');
  return projectImpact(db, projectId, proposal);
}
