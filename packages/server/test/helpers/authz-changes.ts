import type { MatrixRow } from './authz-resources-time';
import { editEntity, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

// Deciding, applying and accepting belong to the project manager (whoever may manage the project) and the sponsor (for
// the world's project, which has no product, a workspace owner or admin): others who see the project get 403.
const approverOnly = (ok: number) => ({ ...editEntity(ok), contributor: 403 });

interface Versioned {
  id: string;
  version: number;
}

const changeRequests = (w: AuthzWorld) => `/api/projects/${w.projectId}/change-requests`;
const deliverables = (w: AuthzWorld) => `/api/projects/${w.projectId}/deliverables`;

/** A new change request of the world's project raised by its owner: a draft, or submitted at once. */
async function freshChange(w: AuthzWorld, submit = false): Promise<Versioned> {
  const body = { title: 'By role', reason: 'The matrix asks', proposal: [], submit };
  return w.callers.owner.json<Versioned>('POST', changeRequests(w), body, 201);
}

/** A new change request approved by both approvers, the owner deciding as project manager and as sponsor. */
async function approvedChange(w: AuthzWorld): Promise<Versioned> {
  let change = await freshChange(w, true);
  for (const role of ['project_manager', 'sponsor'] as const) {
    change = await w.callers.owner.json<Versioned>(
      'POST',
      `/api/change-requests/${change.id}/decisions`,
      { role, decision: 'approved', version: change.version },
      200,
    );
  }
  return change;
}

/** A new deliverable of the world's project (version 1, pending), or one its owner has submitted for acceptance. */
async function freshDeliverable(w: AuthzWorld, submitted = false): Promise<Versioned> {
  const item = await w.callers.owner.json<Versioned>('POST', deliverables(w), { title: 'By role' }, 201);
  if (!submitted) return item;
  const body = { version: item.version };
  return w.callers.owner.json<Versioned>('POST', `/api/deliverables/${item.id}/submit`, body, 200);
}

/** The matrix rows of the change request, scope and deliverable routes. */
export function changeExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/projects/:projectId/change-requests': {
      status: seeEntity,
      call: async (w) => ({ path: changeRequests(w) }),
    },
    'POST /api/projects/:projectId/change-requests': {
      status: editEntity(201),
      call: async (w) => ({ path: changeRequests(w), body: { title: 'By role', proposal: [] } }),
    },
    'POST /api/projects/:projectId/change-impact': {
      status: seeEntity,
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/change-impact`,
        body: { proposal: [{ kind: 'setDuration', taskId: w.taskId, durationMinutes: 960 }] },
      }),
    },
    'GET /api/projects/:projectId/scope': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/scope` }),
    },
    'GET /api/change-requests/:changeRequestId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/change-requests/${(await freshChange(w)).id}` }),
    },
    'PATCH /api/change-requests/:changeRequestId': {
      status: editEntity(200),
      call: async (w) => {
        const change = await freshChange(w);
        return {
          path: `/api/change-requests/${change.id}`,
          body: { title: 'Renamed', version: change.version },
        };
      },
    },
    'DELETE /api/change-requests/:changeRequestId': {
      status: editEntity(204),
      call: async (w) => {
        const change = await freshChange(w);
        return { path: `/api/change-requests/${change.id}`, body: { version: change.version } };
      },
    },
    'POST /api/change-requests/:changeRequestId/submit': {
      status: editEntity(200),
      call: async (w) => {
        const change = await freshChange(w);
        return { path: `/api/change-requests/${change.id}/submit`, body: { version: change.version } };
      },
    },
    'POST /api/change-requests/:changeRequestId/decisions': {
      status: approverOnly(200),
      call: async (w) => {
        const change = await freshChange(w, true);
        return {
          path: `/api/change-requests/${change.id}/decisions`,
          body: { role: 'project_manager', decision: 'approved', version: change.version },
        };
      },
    },
    'POST /api/change-requests/:changeRequestId/apply': {
      status: approverOnly(200),
      call: async (w) => {
        const change = await approvedChange(w);
        return { path: `/api/change-requests/${change.id}/apply`, body: { version: change.version } };
      },
    },
    'GET /api/change-requests/:changeRequestId/impact': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/change-requests/${(await freshChange(w)).id}/impact` }),
    },
    'GET /api/projects/:projectId/deliverables': {
      status: seeEntity,
      call: async (w) => ({ path: deliverables(w) }),
    },
    'POST /api/projects/:projectId/deliverables': {
      status: editEntity(201),
      call: async (w) => ({ path: deliverables(w), body: { title: 'By role' } }),
    },
    'PATCH /api/deliverables/:deliverableId': {
      status: editEntity(200),
      call: async (w) => {
        const item = await freshDeliverable(w);
        return { path: `/api/deliverables/${item.id}`, body: { title: 'Renamed', version: item.version } };
      },
    },
    'DELETE /api/deliverables/:deliverableId': {
      status: editEntity(204),
      call: async (w) => {
        const item = await freshDeliverable(w);
        return { path: `/api/deliverables/${item.id}`, body: { version: item.version } };
      },
    },
    'POST /api/deliverables/:deliverableId/submit': {
      status: editEntity(200),
      call: async (w) => {
        const item = await freshDeliverable(w);
        return { path: `/api/deliverables/${item.id}/submit`, body: { version: item.version } };
      },
    },
    'POST /api/deliverables/:deliverableId/accept': {
      status: approverOnly(200),
      call: async (w) => {
        const item = await freshDeliverable(w, true);
        return {
          path: `/api/deliverables/${item.id}/accept`,
          body: { comment: 'Meets the criteria', version: item.version },
        };
      },
    },
    'POST /api/deliverables/:deliverableId/reject': {
      status: approverOnly(200),
      call: async (w) => {
        const item = await freshDeliverable(w, true);
        return {
          path: `/api/deliverables/${item.id}/reject`,
          body: { comment: 'Slides missing', version: item.version },
        };
      },
    },
  };
}
