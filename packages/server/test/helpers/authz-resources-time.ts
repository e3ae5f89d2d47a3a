import type { AuthzWorld, Role } from './authz-world';
import { roles } from './authz-world';
import type { Caller } from './domain-world';

/** One row of the authorisation matrix: the status per role and the request to send. */
export interface MatrixRow {
  status: Record<Role, number>;
  call(
    world: AuthzWorld,
    role: Role,
    caller: Caller,
  ): Promise<{ path: string; body?: unknown; headers?: Record<string, string>; as?: Caller }>;
}

const same = (status: number): Record<Role, number> =>
  Object.fromEntries(roles.map((role) => [role, status])) as Record<Role, number>;
const inWorkspace = (ok: number) => ({ ...same(ok), outsider: 404, anonymous: 401 });
const seeEntity = { ...inWorkspace(200), guest: 404 };
const editEntity = (ok: number) => ({
  ...seeEntity,
  owner: ok,
  admin: ok,
  contributor: ok,
  manager: ok,
  member: 403,
  viewer: 403,
});
// Owners, admins and project managers change the workspace's resources; other members see them. Members and
// contributors create a project first (see `asProjectManager`), so only guests are refused.
const manageResources = (ok: number) => ({ ...inWorkspace(ok), guest: 403, viewer: 403 });
const ifMatch = { 'if-match': '"1"' };

let counter = 0;

/** Makes the matrix's plain members project managers, as any member becomes by creating a project. */
async function asProjectManager(w: AuthzWorld, role: Role, caller: Caller): Promise<Record<string, never>> {
  if (role === 'member' || role === 'contributor') {
    const body = { name: `Managed by ${role}`, startDate: '2026-01-05' };
    await caller.json('POST', `/api/workspaces/${w.workspaceId}/projects`, body, 201);
  }
  return {};
}

async function freshResource(w: AuthzWorld): Promise<string> {
  const path = `/api/workspaces/${w.workspaceId}/resources`;
  return (await w.callers.owner.json<{ id: string }>('POST', path, { name: `Resource ${++counter}` }, 201))
    .id;
}

async function freshAssignment(w: AuthzWorld): Promise<string> {
  const path = `/api/projects/${w.projectId}/assignments`;
  const body = { taskId: w.taskId, resourceId: await freshResource(w) };
  return (await w.callers.owner.json<{ id: string }>('POST', path, body, 201)).id;
}

/** The matrix rows of the resource, assignment and workload routes. */
export function resourceExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/workspaces/:workspaceId/resources': {
      status: inWorkspace(200),
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/resources` }),
    },
    'POST /api/workspaces/:workspaceId/resources': {
      status: manageResources(201),
      call: async (w, role, caller) => ({
        ...(await asProjectManager(w, role, caller)),
        path: `/api/workspaces/${w.workspaceId}/resources`,
        body: { name: 'By role' },
      }),
    },
    'GET /api/resources/:resourceId': {
      status: inWorkspace(200),
      call: async (w) => ({ path: `/api/resources/${await freshResource(w)}` }),
    },
    'PATCH /api/resources/:resourceId': {
      status: manageResources(200),
      call: async (w, role, caller) => ({
        ...(await asProjectManager(w, role, caller)),
        path: `/api/resources/${await freshResource(w)}`,
        body: { maxUnits: 0.5 },
        headers: ifMatch,
      }),
    },
    'DELETE /api/resources/:resourceId': {
      status: manageResources(204),
      call: async (w, role, caller) => ({
        ...(await asProjectManager(w, role, caller)),
        path: `/api/resources/${await freshResource(w)}`,
        headers: ifMatch,
      }),
    },
    'GET /api/projects/:projectId/assignments': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/assignments` }),
    },
    'POST /api/projects/:projectId/assignments': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/assignments`,
        body: { taskId: w.taskId, resourceId: await freshResource(w), units: 0.5 },
      }),
    },
    'PATCH /api/assignments/:assignmentId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/assignments/${await freshAssignment(w)}`,
        body: { units: 2 },
        headers: ifMatch,
      }),
    },
    'DELETE /api/assignments/:assignmentId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/assignments/${await freshAssignment(w)}`, headers: ifMatch }),
    },
  };
}
