import type { MatrixRow } from './authz-resources-time';
import { editEntity, manageEntity, same, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

// Drafts are hidden from those who may not edit the project: a member without a role and the viewer get 404.
const editDraft = (ok: number) => ({ ...editEntity(ok), member: 404, viewer: 404 });

const period = { periodStart: '2026-03-02', periodFinish: '2026-03-06' };
const reports = (w: AuthzWorld) => `/api/projects/${w.projectId}/status-reports`;

async function draft(w: AuthzWorld): Promise<string> {
  return (
    await w.callers.owner.json<{ id: string }>('POST', reports(w), { title: 'By role', ...period }, 201)
  ).id;
}

let publishedId: string | undefined;
async function published(w: AuthzWorld): Promise<string> {
  if (publishedId) return publishedId;
  const id = await draft(w);
  await w.callers.owner.json('POST', `${reports(w)}/${id}/publish`, { version: 1 });
  publishedId = id;
  return id;
}

async function link(w: AuthzWorld): Promise<{ id: string; token: string }> {
  const body = { entityType: 'status_report', entityId: await published(w) };
  const created = await w.callers.owner.json<{ link: { id: string }; token: string }>(
    'POST',
    '/api/share-links',
    body,
    201,
  );
  return { id: created.link.id, token: created.token };
}

/** The matrix rows of the status report and share link routes. */
export function reportExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/projects/:projectId/status-reports': {
      status: seeEntity,
      call: async (w) => ({ path: reports(w) }),
    },
    'POST /api/projects/:projectId/status-reports': {
      status: editEntity(201),
      call: async (w) => ({ path: reports(w), body: { title: 'By role', ...period } }),
    },
    'GET /api/projects/:projectId/status-reports/:reportId': {
      status: seeEntity,
      call: async (w) => ({ path: `${reports(w)}/${await published(w)}` }),
    },
    'GET /api/projects/:projectId/status-reports/:file{[^/]+\\.pdf}': {
      status: seeEntity,
      call: async (w) => ({ path: `${reports(w)}/${await published(w)}.pdf` }),
    },
    'PATCH /api/projects/:projectId/status-reports/:reportId': {
      status: editDraft(200),
      call: async (w) => ({
        path: `${reports(w)}/${await draft(w)}`,
        body: { title: 'Renamed', version: 1 },
      }),
    },
    'POST /api/projects/:projectId/status-reports/:reportId/publish': {
      status: { ...editDraft(200), contributor: 403 },
      call: async (w) => ({ path: `${reports(w)}/${await draft(w)}/publish`, body: { version: 1 } }),
    },
    'DELETE /api/projects/:projectId/status-reports/:reportId': {
      status: editDraft(204),
      call: async (w) => ({ path: `${reports(w)}/${await draft(w)}`, body: { version: 1 } }),
    },
    'GET /api/share-links': {
      status: manageEntity(200),
      call: async (w) => ({
        path: `/api/share-links?entityType=status_report&entityId=${await published(w)}`,
      }),
    },
    'POST /api/share-links': {
      status: manageEntity(201),
      call: async (w) => ({
        path: '/api/share-links',
        body: { entityType: 'status_report', entityId: await published(w) },
      }),
    },
    'DELETE /api/share-links/:linkId': {
      status: manageEntity(200),
      call: async (w) => ({ path: `/api/share-links/${(await link(w)).id}` }),
    },
    'GET /api/shared/:token': {
      status: same(200),
      call: async (w) => ({ path: `/api/shared/${(await link(w)).token}` }),
    },
    'GET /api/shared/:token/pdf': {
      status: same(200),
      call: async (w) => ({ path: `/api/shared/${(await link(w)).token}/pdf` }),
    },
  };
}
