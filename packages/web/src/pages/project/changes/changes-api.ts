import type { ChangeEdit, ChangeImpact, ScopeComparison } from '@tandem/core';
import { request } from '../../../api/client';

export type { ChangeEdit, ChangeImpact } from '@tandem/core';

/** Where a change request stands. */
export type ChangeStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'applied';

/** Who approves a change. */
export type ApproverRole = 'project_manager' | 'sponsor';

/** One recorded decision. */
export interface Approval {
  role: ApproverRole;
  userId: string | null;
  userName: string | null;
  decision: 'approved' | 'rejected';
  comment: string;
  at: string;
}

/** A change request as the API returns it. */
export interface ChangeRequest {
  id: string;
  projectId: string;
  number: number;
  code: string;
  title: string;
  description: string;
  reason: string;
  requestedBy: string | null;
  requestedByName: string | null;
  status: ChangeStatus;
  origin: 'manual' | 'scope_change';
  proposal: ChangeEdit[];
  impact: ChangeImpact | null;
  impactRevision: number | null;
  approvals: Approval[];
  decidedAt: string | null;
  appliedAt: string | null;
  createdAt: string;
  version: number;
  /** On the single read: the roles the caller may decide as. */
  canDecideAs?: ApproverRole[];
}

/** The scope baseline against the current scope. */
export interface ProjectScope {
  baseline: { id: string; name: string; createdAt: string; taskCount: number } | null;
  comparison: ScopeComparison | null;
  resets: {
    id: string;
    baselineId: string;
    changeRequestId: string | null;
    reason: string;
    byName: string | null;
    at: string;
  }[];
}

/** Fields of a new or edited change request. */
export interface ChangeDraft {
  title: string;
  description: string;
  reason: string;
  proposal: ChangeEdit[];
}

/** The change request calls of the Changes tab. */
export const changesApi = {
  list: (projectId: string) =>
    request<{ items: ChangeRequest[] }>('GET', `/api/projects/${projectId}/change-requests`),
  get: (id: string) => request<ChangeRequest>('GET', `/api/change-requests/${id}`),
  create: (projectId: string, body: ChangeDraft & { submit: boolean }) =>
    request<ChangeRequest>('POST', `/api/projects/${projectId}/change-requests`, { body }),
  update: (change: ChangeRequest, body: ChangeDraft) =>
    request<ChangeRequest>('PATCH', `/api/change-requests/${change.id}`, { body, ifMatch: change.version }),
  remove: (change: ChangeRequest) =>
    request<void>('DELETE', `/api/change-requests/${change.id}`, { ifMatch: change.version }),
  submit: (change: ChangeRequest) =>
    request<ChangeRequest>('POST', `/api/change-requests/${change.id}/submit`, { ifMatch: change.version }),
  decide: (
    change: ChangeRequest,
    body: { role: ApproverRole; decision: 'approved' | 'rejected'; comment: string },
  ) =>
    request<ChangeRequest>('POST', `/api/change-requests/${change.id}/decisions`, {
      body,
      ifMatch: change.version,
    }),
  apply: (change: ChangeRequest, body: { resetBaseline: boolean; reason?: string }) =>
    request<ChangeRequest & { baselineId: string | null }>(
      'POST',
      `/api/change-requests/${change.id}/apply`,
      {
        body,
        ifMatch: change.version,
      },
    ),
  impact: (id: string) =>
    request<{ impact: ChangeImpact; revision: number; live: boolean }>(
      'GET',
      `/api/change-requests/${id}/impact`,
    ),
  preview: (projectId: string, proposal: ChangeEdit[]) =>
    request<{ impact: ChangeImpact; revision: number }>('POST', `/api/projects/${projectId}/change-impact`, {
      body: { proposal },
    }),
  scope: (projectId: string) => request<ProjectScope>('GET', `/api/projects/${projectId}/scope`),
};

/** Query keys of the tab. */
export const changeKeys = {
  list: (projectId: string) => ['change-requests', projectId] as const,
  one: (id: string) => ['change-request', id] as const,
  impact: (id: string) => ['change-request', id, 'impact'] as const,
  scope: (projectId: string) => ['scope', projectId] as const,
};

/** Human labels of the statuses. */
export const statusLabels: Record<ChangeStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
  applied: 'Applied',
};

/** Human labels of the approver roles. */
export const roleLabels: Record<ApproverRole, string> = {
  project_manager: 'Project manager',
  sponsor: 'Sponsor',
};
