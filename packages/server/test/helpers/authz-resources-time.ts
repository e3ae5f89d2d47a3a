import { editEntity, inWorkspace, same, seeEntity, signedIn } from './authz-statuses';
import type { AuthzWorld, Role } from './authz-world';
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

// Those who log time on the world's task: anyone who may edit its project.
const logTime = (ok: number) => ({ ...editEntity(ok) });
// A write to one's own entry: those who could log one write it; the others reach only someone else's, unseen.
const ownEntry = (ok: number) => ({
  ...same(404),
  owner: ok,
  admin: ok,
  contributor: ok,
  manager: ok,
  anonymous: 401,
});
// Deciding on the contributor's week: owners, admins and the project's manager; its owner is refused, others never see it.
const decide = (ok: number) => ({
  ...same(404),
  owner: ok,
  admin: ok,
  manager: ok,
  contributor: 403,
  anonymous: 401,
});
const canLog = (role: Role) => ['owner', 'admin', 'contributor', 'manager'].includes(role);

let weeks = 0;
/** A Monday no other row of the matrix uses, so submitting it never locks another row's entries. */
function freshMonday(): string {
  return new Date(Date.UTC(2030, 0, 7) + 7 * 86_400_000 * weeks++).toISOString().slice(0, 10);
}

async function entryOf(w: AuthzWorld, caller: Caller, day = '2026-02-03'): Promise<string> {
  const body = { taskId: w.taskId, day, minutes: 30 };
  return (await caller.json<{ id: string }>('POST', '/api/time-entries', body, 201)).id;
}

/** A week the contributor logged time in and submitted. */
async function submittedSheet(w: AuthzWorld): Promise<string> {
  const monday = freshMonday();
  await entryOf(w, w.callers.contributor, monday);
  const path = `/api/workspaces/${w.workspaceId}/timesheets/${monday}/submit`;
  return (await w.callers.contributor.json<{ id: string }>('POST', path, undefined, 200)).id;
}

/** The matrix rows of the time entry, timer, timesheet and workload routes. */
export function timeExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/workspaces/:workspaceId/workload': {
      status: inWorkspace(200),
      call: async (w) => ({
        path: `/api/workspaces/${w.workspaceId}/workload?from=2026-01-05&to=2026-01-16`,
      }),
    },
    'GET /api/projects/:projectId/actuals': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/actuals` }),
    },
    'GET /api/time-entries': {
      status: signedIn(200),
      call: async () => ({ path: '/api/time-entries?from=2026-02-02&to=2026-02-08' }),
    },
    'POST /api/time-entries': {
      status: logTime(201),
      call: async (w) => ({
        path: '/api/time-entries',
        body: { taskId: w.taskId, day: '2026-02-04', minutes: 15 },
      }),
    },
    'PATCH /api/time-entries/:entryId': {
      status: ownEntry(200),
      call: async (w, role, caller) => ({
        path: `/api/time-entries/${await entryOf(w, canLog(role) ? caller : w.callers.contributor)}`,
        body: { minutes: 45 },
        headers: ifMatch,
      }),
    },
    'DELETE /api/time-entries/:entryId': {
      status: ownEntry(204),
      call: async (w, role, caller) => ({
        path: `/api/time-entries/${await entryOf(w, canLog(role) ? caller : w.callers.contributor)}`,
        headers: ifMatch,
      }),
    },
    'GET /api/time-entries/timer': {
      status: signedIn(200),
      call: async () => ({ path: '/api/time-entries/timer' }),
    },
    'POST /api/time-entries/timer/start': {
      status: logTime(200),
      call: async (w, _role, caller) => {
        await caller.request('POST', '/api/time-entries/timer/stop');
        return { path: '/api/time-entries/timer/start', body: { taskId: w.taskId, day: '2026-02-05' } };
      },
    },
    // Stopping with no timer running is a 409: those who cannot log time never have one.
    'POST /api/time-entries/timer/stop': {
      status: { ...ownEntry(200), member: 409, guest: 409, viewer: 409, outsider: 409 },
      call: async (w, role, caller) => {
        if (canLog(role)) {
          await caller.request('POST', '/api/time-entries/timer/stop');
          const body = { taskId: w.taskId, day: '2026-02-05' };
          await caller.json('POST', '/api/time-entries/timer/start', body, 200);
        }
        return { path: '/api/time-entries/timer/stop' };
      },
    },
    'GET /api/workspaces/:workspaceId/timesheets': {
      status: inWorkspace(200),
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/timesheets` }),
    },
    'GET /api/workspaces/:workspaceId/timesheets/:weekStart': {
      status: inWorkspace(200),
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/timesheets/2026-02-02` }),
    },
    // A week with nothing logged cannot be submitted (422): only those who could log time had any.
    'POST /api/workspaces/:workspaceId/timesheets/:weekStart/submit': {
      status: { ...inWorkspace(422), owner: 200, admin: 200, contributor: 200, manager: 200 },
      call: async (w, role, caller) => {
        const monday = freshMonday();
        if (canLog(role)) await entryOf(w, caller, monday);
        return { path: `/api/workspaces/${w.workspaceId}/timesheets/${monday}/submit` };
      },
    },
    'GET /api/timesheets/:timesheetId': {
      status: { ...decide(200), contributor: 200 },
      call: async (w) => ({ path: `/api/timesheets/${await submittedSheet(w)}` }),
    },
    'POST /api/timesheets/:timesheetId/approve': {
      status: decide(200),
      call: async (w) => ({ path: `/api/timesheets/${await submittedSheet(w)}/approve`, body: {} }),
    },
    'POST /api/timesheets/:timesheetId/reject': {
      status: decide(200),
      call: async (w) => ({
        path: `/api/timesheets/${await submittedSheet(w)}/reject`,
        body: { comment: 'Split it by task' },
      }),
    },
  };
}
