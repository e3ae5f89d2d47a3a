import type { MatrixRow } from './authz-resources-time';
import { editEntity, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

const ifMatch = { 'if-match': '"1"' };

let counter = 0;

async function freshTasks(w: AuthzWorld): Promise<[string, string]> {
  const path = `/api/projects/${w.projectId}/tasks`;
  const make = async () =>
    (await w.callers.owner.json<{ id: string }>('POST', path, { name: `Linked ${++counter}` }, 201)).id;
  return [await make(), await make()];
}

async function freshComment(w: AuthzWorld): Promise<string> {
  const path = `/api/tasks/${w.taskId}/comments`;
  return (await w.callers.owner.json<{ id: string }>('POST', path, { body: 'A comment' }, 201)).id;
}

async function freshLink(w: AuthzWorld): Promise<string> {
  const [predecessorId, successorId] = await freshTasks(w);
  const path = `/api/projects/${w.projectId}/links`;
  return (await w.callers.owner.json<{ id: string }>('POST', path, { predecessorId, successorId }, 201)).id;
}

/** The matrix rows of the link, schedule, plan, bulk task and comment routes. */
export function planExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/projects/:projectId/schedule': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/schedule` }),
    },
    'GET /api/projects/:projectId/plan': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/plan` }),
    },
    'GET /api/projects/:projectId/links': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/links` }),
    },
    'POST /api/projects/:projectId/links': {
      status: editEntity(201),
      call: async (w) => {
        const [predecessorId, successorId] = await freshTasks(w);
        return { path: `/api/projects/${w.projectId}/links`, body: { predecessorId, successorId } };
      },
    },
    'PATCH /api/links/:linkId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/links/${await freshLink(w)}`,
        body: { lagMinutes: 60 },
        headers: ifMatch,
      }),
    },
    'DELETE /api/links/:linkId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/links/${await freshLink(w)}`, headers: ifMatch }),
    },
    'POST /api/projects/:projectId/tasks/bulk': {
      status: editEntity(200),
      call: async (w) => {
        const [a, b] = await freshTasks(w);
        return {
          path: `/api/projects/${w.projectId}/tasks/bulk`,
          body: { taskIds: [a, b], changes: { priority: 'high' } },
        };
      },
    },
    'POST /api/projects/:projectId/tasks/bulk-delete': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/tasks/bulk-delete`,
        body: { taskIds: await freshTasks(w) },
      }),
    },
    'GET /api/tasks/:taskId/comments': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/tasks/${w.taskId}/comments` }),
    },
    'POST /api/tasks/:taskId/comments': {
      status: editEntity(201),
      call: async (w) => ({ path: `/api/tasks/${w.taskId}/comments`, body: { body: 'By role' } }),
    },
    // The owner wrote the comment: admins and the manager may also change it, other editors may not.
    'PATCH /api/comments/:commentId': {
      status: { ...editEntity(200), contributor: 403 },
      call: async (w) => ({
        path: `/api/comments/${await freshComment(w)}`,
        body: { body: 'Edited' },
        headers: ifMatch,
      }),
    },
    'DELETE /api/comments/:commentId': {
      status: { ...editEntity(204), contributor: 403 },
      call: async (w) => ({ path: `/api/comments/${await freshComment(w)}`, headers: ifMatch }),
    },
  };
}
