import { readFileSync } from 'node:fs';
import { mspdiFixture } from '@tandem/interop/mspdi/fixture-path';
import type { MatrixRow } from './authz-resources-time';
import { editEntity, inWorkspace, same, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

// Creating a project (an import, a copy) is for every member but guests; a copy also needs to see its source.
const createProject = (ok: number) => ({ ...inWorkspace(ok), guest: 403, viewer: 403 });
const copyProject = { ...createProject(201), guest: 404 };

const mspdi = readFileSync(mspdiFixture('chain.xml'), 'utf8');
const xml = { 'content-type': 'application/xml' };

async function baseline(w: AuthzWorld): Promise<string> {
  const path = `/api/projects/${w.projectId}/baselines`;
  return (await w.callers.owner.json<{ id: string }>('POST', path, { name: 'By role' }, 201)).id;
}

/** The matrix rows of the import, export, baseline and copy routes. */
export function fileExpectations(): Record<string, MatrixRow> {
  return {
    'POST /api/workspaces/:workspaceId/imports/mspdi': {
      status: createProject(202),
      call: async (w) => ({
        path: `/api/workspaces/${w.workspaceId}/imports/mspdi`,
        body: mspdi,
        headers: xml,
      }),
    },
    'GET /api/imports/:importId': {
      // An import is seen by the person who started it only.
      status: { ...same(404), owner: 200, anonymous: 401 },
      call: async (w) => {
        const response = await w.callers.owner.request(
          'POST',
          `/api/workspaces/${w.workspaceId}/imports/mspdi`,
          {
            body: mspdi,
            headers: xml,
          },
        );
        const { id } = (await response.json()) as { id: string };
        return { path: `/api/imports/${id}` };
      },
    },
    'POST /api/projects/:projectId/imports/csv': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/imports/csv`,
        body: 'Name,Duration\r\nFrom a spreadsheet,1d\r\n',
        headers: { 'content-type': 'text/csv' },
      }),
    },
    'GET /api/projects/:projectId/export.xml': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/export.xml` }),
    },
    'GET /api/projects/:projectId/export.csv': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/export.csv` }),
    },
    'GET /api/projects/:projectId/baselines': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/baselines` }),
    },
    'POST /api/projects/:projectId/baselines': {
      status: editEntity(201),
      call: async (w) => ({ path: `/api/projects/${w.projectId}/baselines`, body: { name: 'By role' } }),
    },
    'GET /api/baselines/compare': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/baselines/compare?a=${await baseline(w)}&b=${await baseline(w)}` }),
    },
    'GET /api/baselines/:baselineId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/baselines/${await baseline(w)}` }),
    },
    'DELETE /api/baselines/:baselineId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/baselines/${await baseline(w)}`, headers: { 'if-match': '"1"' } }),
    },
    'GET /api/baselines/:baselineId/variances': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/baselines/${await baseline(w)}/variances` }),
    },
    'POST /api/projects/:projectId/copy': {
      status: copyProject,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/copy`, body: { name: 'By role' } }),
    },
  };
}
