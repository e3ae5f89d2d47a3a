import type { ChangeImpact } from '@tandem/core/changes/impact';
import type { ChangeEdit } from '@tandem/core/changes/proposal';
import type { changeRequestApprovals, changeRequests } from '../../db/schema/changes';
import type { ChangeSubject } from '../shared/change-log';

type ChangeRow = typeof changeRequests.$inferSelect;
type ApprovalRow = typeof changeRequestApprovals.$inferSelect;

/** One approver's recorded decision. */
export interface ApprovalView {
  role: ApprovalRow['role'];
  userId: string | null;
  userName: string | null;
  decision: ApprovalRow['decision'];
  comment: string;
  at: string;
}

/** A change request as the API shows it, with its decisions so far. */
export interface ChangeRequestView {
  id: string;
  projectId: string;
  number: number;
  /** `CR-<number>`, unique in the project. */
  code: string;
  title: string;
  description: string;
  reason: string;
  requestedBy: string | null;
  requestedByName: string | null;
  status: ChangeRow['status'];
  origin: ChangeRow['origin'];
  proposal: ChangeEdit[];
  /** The impact as computed when it was submitted, decided or applied; null for a draft. */
  impact: ChangeImpact | null;
  impactRevision: number | null;
  approvals: ApprovalView[];
  decidedAt: string | null;
  appliedAt: string | null;
  appliedBy: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row and its approvals to the API view. */
export function toChangeRequestView(
  row: ChangeRow,
  approvals: readonly ApprovalView[],
  names: ReadonlyMap<string, string>,
): ChangeRequestView {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    code: `CR-${row.number}`,
    title: row.title,
    description: row.description,
    reason: row.reason,
    requestedBy: row.requestedBy,
    requestedByName: row.requestedBy === null ? null : (names.get(row.requestedBy) ?? null),
    status: row.status,
    origin: row.origin,
    proposal: row.proposal,
    impact: (row.impact as ChangeImpact | null) ?? null,
    impactRevision: row.impactRevision,
    approvals: [...approvals],
    decidedAt: row.decidedAt?.toISOString() ?? null,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    appliedBy: row.appliedBy,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of a write to a change request, heard by the project's listeners. */
export function changeRequestSubject(
  row: Pick<ChangeRow, 'id' | 'workspaceId' | 'projectId'>,
): ChangeSubject {
  return {
    entityType: 'changeRequest',
    entityId: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
  };
}
