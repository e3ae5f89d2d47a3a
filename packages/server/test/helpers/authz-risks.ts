import type { MatrixRow } from './authz-resources-time';
import { editEntity, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

const first = { 'if-match': '"1"' };

/** A new risk (version 1) of the world's project, registered by its owner. */
async function freshRisk(w: AuthzWorld): Promise<string> {
  const path = `/api/projects/${w.projectId}/risks`;
  const body = { title: 'By role', probability: 3, impact: 3 };
  return (await w.callers.owner.json<{ id: string }>('POST', path, body, 201)).id;
}

/** A new RAID issue (version 1) of the world's project. */
async function freshItem(w: AuthzWorld): Promise<string> {
  const path = `/api/projects/${w.projectId}/raid`;
  return (await w.callers.owner.json<{ id: string }>('POST', path, { kind: 'issue', title: 'By role' }, 201))
    .id;
}

/** The matrix rows of the risk register and RAID log routes. */
export function riskExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/projects/:projectId/risks': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/risks` }),
    },
    'POST /api/projects/:projectId/risks': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/risks`,
        body: { title: 'By role', probability: 2, impact: 4 },
      }),
    },
    'GET /api/projects/:projectId/risk-register': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/risk-register` }),
    },
    'GET /api/projects/:projectId/risk-scale': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/risk-scale` }),
    },
    'PUT /api/projects/:projectId/risk-scale': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/risk-scale`,
        body: { probability: { min: 1, max: 5, labels: [] }, impact: { min: 1, max: 5, labels: [] } },
      }),
    },
    'GET /api/risks/:riskId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/risks/${await freshRisk(w)}` }),
    },
    'PATCH /api/risks/:riskId': {
      status: editEntity(200),
      call: async (w) => ({ path: `/api/risks/${await freshRisk(w)}`, body: { impact: 4 }, headers: first }),
    },
    'DELETE /api/risks/:riskId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/risks/${await freshRisk(w)}`, headers: first }),
    },
    'POST /api/risks/:riskId/occurrence': {
      status: editEntity(201),
      call: async (w) => ({ path: `/api/risks/${await freshRisk(w)}/occurrence`, headers: first }),
    },
    'GET /api/risks/:riskId/links': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/risks/${await freshRisk(w)}/links` }),
    },
    'POST /api/risks/:riskId/actions': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/risks/${await freshRisk(w)}/actions`,
        body: { task: { name: 'Mitigate by role' } },
      }),
    },
    'DELETE /api/risks/:riskId/actions/:taskId': {
      status: editEntity(200),
      call: async (w) => {
        const riskId = await freshRisk(w);
        await w.callers.owner.json('POST', `/api/risks/${riskId}/actions`, { taskId: w.taskId }, 201);
        return { path: `/api/risks/${riskId}/actions/${w.taskId}` };
      },
    },
    'GET /api/projects/:projectId/raid': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/raid` }),
    },
    'POST /api/projects/:projectId/raid': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/raid`,
        body: { kind: 'assumption', title: 'By role' },
      }),
    },
    'GET /api/raid/:itemId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/raid/${await freshItem(w)}` }),
    },
    'PATCH /api/raid/:itemId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/raid/${await freshItem(w)}`,
        body: { status: 'resolved' },
        headers: first,
      }),
    },
    'DELETE /api/raid/:itemId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/raid/${await freshItem(w)}`, headers: first }),
    },
    'GET /api/raid/:itemId/links': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/raid/${await freshItem(w)}/links` }),
    },
    'POST /api/raid/:itemId/links': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/raid/${await freshItem(w)}/links`,
        body: { toType: 'task', toId: w.taskId },
      }),
    },
    'DELETE /api/raid/:itemId/links/:linkId': {
      status: editEntity(204),
      call: async (w) => {
        const itemId = await freshItem(w);
        const link = await w.callers.owner.json<{ id: string }>(
          'POST',
          `/api/raid/${itemId}/links`,
          { toType: 'task', toId: w.taskId },
          201,
        );
        return { path: `/api/raid/${itemId}/links/${link.id}` };
      },
    },
  };
}
