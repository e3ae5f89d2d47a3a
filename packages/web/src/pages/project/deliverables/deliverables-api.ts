import { request } from '../../../api/client';

/** Where a deliverable stands with its receiver. */
export type DeliverableState = 'pending' | 'submitted' | 'accepted' | 'rejected';

/** A deliverable as the API returns it. */
export interface Deliverable {
  id: string;
  projectId: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
  criteria: { done: number; total: number };
  milestoneTaskId: string | null;
  milestoneName: string | null;
  milestoneDate: string | null;
  late: boolean;
  state: DeliverableState;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionComment: string;
  submittedAt: string | null;
  version: number;
}

/** Fields a client sets. */
export interface DeliverableFields {
  title: string;
  description: string;
  acceptanceCriteria: string;
  milestoneTaskId: string | null;
}

/** The deliverable calls of the Deliverables tab. */
export const deliverablesApi = {
  list: (projectId: string) =>
    request<{ items: Deliverable[] }>('GET', `/api/projects/${projectId}/deliverables`),
  create: (projectId: string, body: DeliverableFields) =>
    request<Deliverable>('POST', `/api/projects/${projectId}/deliverables`, { body }),
  update: (item: Deliverable, body: Partial<DeliverableFields>) =>
    request<Deliverable>('PATCH', `/api/deliverables/${item.id}`, { body, ifMatch: item.version }),
  remove: (item: Deliverable) =>
    request<void>('DELETE', `/api/deliverables/${item.id}`, { ifMatch: item.version }),
  move: (item: Deliverable, action: 'submit' | 'accept' | 'reject', comment = '') =>
    request<Deliverable>('POST', `/api/deliverables/${item.id}/${action}`, {
      body: { comment },
      ifMatch: item.version,
    }),
};

/** Query keys of the tab. */
export const deliverableKeys = { list: (projectId: string) => ['deliverables', projectId] as const };

/** Human labels of the states. */
export const stateLabels: Record<DeliverableState, string> = {
  pending: 'Pending',
  submitted: 'Submitted',
  accepted: 'Accepted',
  rejected: 'Rejected',
};
