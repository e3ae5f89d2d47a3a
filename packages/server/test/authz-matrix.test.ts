import { createRoute } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../src/auth/policy';
import { createApp } from '../src/http/app';
import { features } from '../src/http/features';
import { defineRoute, type RegisteredRoute, routeTable } from '../src/http/route-rule';
import { changeExpectations } from './helpers/authz-changes';
import { costExpectations } from './helpers/authz-costs';
import { fileExpectations } from './helpers/authz-files';
import { permissionExpectations } from './helpers/authz-permissions';
import { planExpectations } from './helpers/authz-plan';
import { prioritisationExpectations } from './helpers/authz-prioritisation';
import { productDiscoveryExpectations } from './helpers/authz-product-discovery';
import { releaseExpectations } from './helpers/authz-releases';
import { reportExpectations } from './helpers/authz-reports';
import { resourceExpectations, timeExpectations } from './helpers/authz-resources-time';
import { riskExpectations } from './helpers/authz-risks';
import {
  adminsOnly,
  createEntity,
  editEntity,
  inWorkspace,
  manageEntity,
  same,
  seeEntity,
  signedIn,
} from './helpers/authz-statuses';
import { type AuthzWorld, buildAuthzWorld, type Role, roles } from './helpers/authz-world';
import { type Caller, signIn, testPassword } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

/** What one caller sends: the concrete path, and optionally a body, headers, or another session of the same person. */
interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  as?: Caller;
}

/** The expected status per role and how to build the request (fresh targets for writes that use them up). */
interface Expectation {
  status: Record<Role, number>;
  call(world: AuthzWorld, role: Role, caller: Caller): Promise<Call>;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

const kinds = [
  ['product', 'products', 'productId'],
  ['program', 'programs', 'programId'],
  ['project', 'projects', 'projectId'],
] as const;

function entityExpectations(): Record<string, Expectation> {
  const cases: Record<string, Expectation> = {};
  for (const [kind, plural, param] of kinds) {
    const existing = (w: AuthzWorld) => w[param];
    const body = kind === 'project' ? { name: 'By role', startDate: '2026-02-02' } : { name: 'By role' };
    cases[`GET /api/workspaces/:workspaceId/${plural}`] = {
      status: inWorkspace(200),
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/${plural}` }),
    };
    cases[`POST /api/workspaces/:workspaceId/${plural}`] = {
      status: createEntity,
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/${plural}`, body }),
    };
    cases[`GET /api/${plural}/:${param}`] = {
      status: seeEntity,
      call: async (w) => ({ path: `/api/${plural}/${existing(w)}` }),
    };
    cases[`PATCH /api/${plural}/:${param}`] = {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/${plural}/${await w.fresh(kind)}`,
        body: { name: 'Renamed' },
        headers: ifMatch(1),
      }),
    };
    cases[`DELETE /api/${plural}/:${param}`] = {
      status: manageEntity(204),
      call: async (w) => ({ path: `/api/${plural}/${await w.fresh(kind)}`, headers: ifMatch(1) }),
    };
    cases[`GET /api/${plural}/:${param}/members`] = {
      status: seeEntity,
      call: async (w) => ({ path: `/api/${plural}/${existing(w)}/members` }),
    };
    cases[`PUT /api/${plural}/:${param}/members/:userId`] = {
      status: manageEntity(201),
      call: async (w) => ({
        path: `/api/${plural}/${await w.fresh(kind)}/members/${w.callers.member.id}`,
        body: { role: 'contributor' },
      }),
    };
    cases[`DELETE /api/${plural}/:${param}/members/:userId`] = {
      status: manageEntity(204),
      call: async (w) => {
        const id = await w.fresh(kind);
        const who = w.callers.member.id;
        await w.callers.owner.json(
          'PUT',
          `/api/${plural}/${id}/members/${who}`,
          { role: 'contributor' },
          201,
        );
        return { path: `/api/${plural}/${id}/members/${who}`, headers: ifMatch(1) };
      },
    };
  }
  return cases;
}

const expectations: Record<string, Expectation> = {
  'GET /api/health': { status: same(200), call: async () => ({ path: '/api/health' }) },
  'GET /api/openapi.json': { status: same(200), call: async () => ({ path: '/api/openapi.json' }) },
  'GET /api/setup': { status: same(200), call: async () => ({ path: '/api/setup' }) },
  'POST /api/auth/signup': {
    status: same(201),
    call: async (_w, role) => ({
      path: '/api/auth/signup',
      body: { email: `new.${role}.${Date.now()}@example.com`, name: 'New', password: testPassword },
    }),
  },
  'POST /api/auth/signin': {
    status: same(200),
    call: async (w) => ({ path: '/api/auth/signin', body: { email: w.host.email, password: testPassword } }),
  },
  'POST /api/auth/signout': {
    status: signedIn(204),
    // A session of its own, so signing out leaves the caller's main session for the other rows.
    call: async (w, role, caller) => ({
      path: '/api/auth/signout',
      as: role === 'anonymous' ? caller : await signIn(w.t, caller),
    }),
  },
  'GET /api/auth/me': { status: signedIn(200), call: async () => ({ path: '/api/auth/me' }) },
  'PATCH /api/auth/me': {
    status: signedIn(200),
    call: async (_w, role, caller) => {
      const version =
        role === 'anonymous'
          ? 1
          : (await caller.json<{ user: { version: number } }>('GET', '/api/auth/me')).user.version;
      return { path: '/api/auth/me', body: { name: caller.name, version } };
    },
  },
  'POST /api/auth/password': {
    status: signedIn(204),
    call: async () => ({
      path: '/api/auth/password',
      body: { currentPassword: testPassword, newPassword: testPassword },
    }),
  },
  'POST /api/auth/password-reset': {
    status: same(202),
    call: async (w) => ({ path: '/api/auth/password-reset', body: { email: w.host.email } }),
  },
  'POST /api/auth/password-reset/confirm': {
    status: same(400),
    call: async () => ({
      path: '/api/auth/password-reset/confirm',
      body: { token: 'not-a-real-token', newPassword: 'another long password' },
    }),
  },
  'GET /api/tokens': { status: signedIn(200), call: async () => ({ path: '/api/tokens' }) },
  'POST /api/tokens': {
    status: signedIn(201),
    call: async () => ({ path: '/api/tokens', body: { name: 'Script' } }),
  },
  'DELETE /api/tokens/:tokenId': {
    status: signedIn(204),
    call: async (w, role, caller) => {
      const owner = role === 'anonymous' ? w.callers.owner : caller;
      const { token } = await owner.json<{ token: { id: string } }>(
        'POST',
        '/api/tokens',
        { name: 'Doomed' },
        201,
      );
      return { path: `/api/tokens/${token.id}` };
    },
  },
  'GET /api/workspaces': { status: signedIn(200), call: async () => ({ path: '/api/workspaces' }) },
  'POST /api/workspaces': {
    status: signedIn(201),
    call: async () => ({ path: '/api/workspaces', body: { name: 'Mine' } }),
  },
  'GET /api/workspaces/:workspaceId': {
    status: inWorkspace(200),
    call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}` }),
  },
  'PATCH /api/workspaces/:workspaceId': {
    status: adminsOnly(200),
    call: async (w) => {
      const current = await w.callers.owner.json<{ version: number }>(
        'GET',
        `/api/workspaces/${w.workspaceId}`,
      );
      return {
        path: `/api/workspaces/${w.workspaceId}`,
        body: { name: 'Matrix' },
        headers: ifMatch(current.version),
      };
    },
  },
  'DELETE /api/workspaces/:workspaceId': {
    status: { ...adminsOnly(204), admin: 403 },
    call: async (w) => ({ path: `/api/workspaces/${await w.freshWorkspace()}`, headers: ifMatch(1) }),
  },
  'GET /api/workspaces/:workspaceId/members': {
    status: inWorkspace(200),
    call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/members` }),
  },
  'PATCH /api/workspaces/:workspaceId/members/:userId': {
    status: adminsOnly(200),
    call: async (w) => ({
      path: `/api/workspaces/${w.workspaceId}/members/${(await w.freshMember()).id}`,
      body: { role: 'guest' },
      headers: ifMatch(1),
    }),
  },
  'DELETE /api/workspaces/:workspaceId/members/:userId': {
    status: adminsOnly(204),
    call: async (w) => ({
      path: `/api/workspaces/${w.workspaceId}/members/${(await w.freshMember()).id}`,
      headers: ifMatch(1),
    }),
  },
  'GET /api/workspaces/:workspaceId/invitations': {
    status: adminsOnly(200),
    call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/invitations` }),
  },
  'POST /api/workspaces/:workspaceId/invitations': {
    status: adminsOnly(201),
    call: async (w, role) => ({
      path: `/api/workspaces/${w.workspaceId}/invitations`,
      body: { email: `invited.${role}.${Date.now()}@example.com`, role: 'member' },
    }),
  },
  'DELETE /api/workspaces/:workspaceId/invitations/:invitationId': {
    status: adminsOnly(204),
    call: async (w, role) => {
      const { invitation } = await w.callers.owner.json<{ invitation: { id: string } }>(
        'POST',
        `/api/workspaces/${w.workspaceId}/invitations`,
        { email: `revoked.${role}.${Date.now()}@example.com`, role: 'member' },
        201,
      );
      return { path: `/api/workspaces/${w.workspaceId}/invitations/${invitation.id}` };
    },
  },
  'GET /api/invitations/:token': {
    status: same(200),
    call: async (w, role) => ({
      path: `/api/invitations/${await hostInvitation(w, `preview.${role}@example.com`)}`,
    }),
  },
  'POST /api/invitations/:token/accept': {
    status: signedIn(200),
    call: async (w, role, caller) => {
      const email = role === 'anonymous' ? 'nobody@example.com' : caller.email;
      return { path: `/api/invitations/${await hostInvitation(w, email)}/accept` };
    },
  },
  ...entityExpectations(),
  'GET /api/projects/:projectId/tasks': {
    status: seeEntity,
    call: async (w) => ({ path: `/api/projects/${w.projectId}/tasks` }),
  },
  'POST /api/projects/:projectId/tasks': {
    status: editEntity(201),
    call: async (w) => ({ path: `/api/projects/${w.projectId}/tasks`, body: { name: 'By role' } }),
  },
  'GET /api/tasks/:taskId': { status: seeEntity, call: async (w) => ({ path: `/api/tasks/${w.taskId}` }) },
  'PATCH /api/tasks/:taskId': {
    status: editEntity(200),
    call: async (w) => ({
      path: `/api/tasks/${await w.freshTask()}`,
      body: { durationMinutes: 480 },
      headers: ifMatch(1),
    }),
  },
  'DELETE /api/tasks/:taskId': {
    status: editEntity(204),
    call: async (w) => ({ path: `/api/tasks/${await w.freshTask()}`, headers: ifMatch(1) }),
  },
  ...resourceExpectations(),
  ...timeExpectations(),
  ...planExpectations(),
  ...agileExpectations(),
  ...fileExpectations(),
  ...riskExpectations(),
  ...costExpectations(),
  ...reportExpectations(),
  ...releaseExpectations(),
  ...productDiscoveryExpectations(),
  ...changeExpectations(),
  ...prioritisationExpectations(),
  ...permissionExpectations(),
  'GET /api/history/:entityType/:entityId': {
    status: seeEntity,
    call: async (w) => ({ path: `/api/history/project/${w.projectId}` }),
  },
  'GET /api/workspaces/:workspaceId/audit': {
    status: adminsOnly(200),
    call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/audit` }),
  },
  'GET /api/events': {
    status: inWorkspace(200),
    call: async (w) => ({ path: `/api/events?workspaceId=${w.workspaceId}` }),
  },
};

/** The rows of the workflow, custom field, sprint, chart and saved view routes. */
function agileExpectations(): Record<string, Expectation> {
  const project = (w: AuthzWorld) => `/api/projects/${w.projectId}`;
  const sprintBody = { name: 'By role', startDate: '2026-03-02', finishDate: '2026-03-13' };
  const sprintIn = async (w: AuthzWorld, projectId: string) =>
    (
      await w.callers.owner.json<{ id: string }>(
        'POST',
        `/api/projects/${projectId}/sprints`,
        sprintBody,
        201,
      )
    ).id;
  const view = async (w: AuthzWorld) =>
    (
      await w.callers.owner.json<{ id: string }>(
        'POST',
        `${project(w)}/views`,
        { kind: 'board', name: 'By role', config: {} },
        201,
      )
    ).id;
  const versionOf = async (w: AuthzWorld, path: string) =>
    (await w.callers.owner.json<{ version: number }>('GET', path)).version;
  const rows: Record<string, Expectation> = {
    'GET /api/projects/:projectId/workflow': {
      status: seeEntity,
      call: async (w) => ({ path: `${project(w)}/workflow` }),
    },
    'PUT /api/projects/:projectId/workflow': {
      status: editEntity(200),
      call: async (w) => {
        const path = `/api/projects/${await w.fresh('project')}/workflow`;
        const { columns, version } = await w.callers.owner.json<{ columns: unknown[]; version: number }>(
          'GET',
          path,
        );
        return { path, body: { columns, version } };
      },
    },
    'GET /api/projects/:projectId/custom-fields': {
      status: seeEntity,
      call: async (w) => ({ path: `${project(w)}/custom-fields` }),
    },
    'PUT /api/projects/:projectId/custom-fields': {
      status: editEntity(200),
      call: async (w) => {
        const path = `/api/projects/${await w.fresh('project')}/custom-fields`;
        return { path, body: { fields: [], version: await versionOf(w, path) } };
      },
    },
    'GET /api/projects/:projectId/sprints': {
      status: seeEntity,
      call: async (w) => ({ path: `${project(w)}/sprints` }),
    },
    'POST /api/projects/:projectId/sprints': {
      status: editEntity(201),
      call: async (w) => ({ path: `${project(w)}/sprints`, body: sprintBody }),
    },
    'PATCH /api/sprints/:sprintId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/sprints/${await sprintIn(w, w.projectId)}`,
        body: { name: 'Renamed' },
        headers: ifMatch(1),
      }),
    },
    'DELETE /api/sprints/:sprintId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/sprints/${await sprintIn(w, w.projectId)}`, headers: ifMatch(1) }),
    },
    'POST /api/sprints/:sprintId/start': {
      status: editEntity(200),
      // A project of its own each time: a project runs one sprint at a time.
      call: async (w) => ({
        path: `/api/sprints/${await sprintIn(w, await w.fresh('project'))}/start`,
        headers: ifMatch(1),
      }),
    },
    'POST /api/sprints/:sprintId/complete': {
      status: editEntity(200),
      call: async (w) => {
        const id = await sprintIn(w, await w.fresh('project'));
        await w.callers.owner.json('POST', `/api/sprints/${id}/start`, { version: 1 }, 200);
        return { path: `/api/sprints/${id}/complete`, body: { carryOverTo: 'backlog', version: 2 } };
      },
    },
    'GET /api/sprints/:sprintId/burndown': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/sprints/${await sprintIn(w, w.projectId)}/burndown` }),
    },
    'GET /api/projects/:projectId/velocity': {
      status: seeEntity,
      call: async (w) => ({ path: `${project(w)}/velocity` }),
    },
    'GET /api/projects/:projectId/views': {
      status: seeEntity,
      call: async (w) => ({ path: `${project(w)}/views` }),
    },
    'POST /api/projects/:projectId/views': {
      status: editEntity(201),
      call: async (w) => ({
        path: `${project(w)}/views`,
        body: { kind: 'list', name: 'By role', config: {} },
      }),
    },
    'PATCH /api/views/:viewId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/views/${await view(w)}`,
        body: { name: 'Renamed' },
        headers: ifMatch(1),
      }),
    },
    'DELETE /api/views/:viewId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/views/${await view(w)}`, headers: ifMatch(1) }),
    },
  };
  return rows;
}

/** A pending invitation from the host to `email` into a workspace of the host's own. */
async function hostInvitation(w: AuthzWorld, email: string): Promise<string> {
  const workspace = await w.host.json<{ id: string }>('POST', '/api/workspaces', { name: 'Host' }, 201);
  const { acceptUrl } = await w.host.json<{ acceptUrl: string }>(
    'POST',
    `/api/workspaces/${workspace.id}/invitations`,
    { email, role: 'member' },
    201,
  );
  return acceptUrl.split('/invite/')[1] ?? '';
}

const keyOf = (route: RegisteredRoute) => `${route.method} ${route.path}`;

/** Routes of the table that the matrix has no expectation for. */
function missingExpectations(table: readonly RegisteredRoute[]): string[] {
  return table.map(keyOf).filter((key) => !(key in expectations));
}

// Changing the password ends every other session of its user, so it runs after everything else.
const runsLast = new Set(['POST /api/auth/password']);

let t: TestServer;
let world: AuthzWorld;
beforeAll(async () => {
  t = await startTestServer();
  world = await buildAuthzWorld(t);
});
afterAll(async () => {
  await t?.close();
});

describe('the authorisation matrix', () => {
  it('has an expectation for every route, and none for a route that does not exist', () => {
    const table = routeTable(t.server.app);
    expect(missingExpectations(table)).toEqual([]);
    const keys = new Set(table.map(keyOf));
    expect(Object.keys(expectations).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('names a status for every role in every expectation', () => {
    const gaps = Object.entries(expectations).flatMap(([key, expectation]) =>
      roles.filter((role) => typeof expectation.status[role] !== 'number').map((role) => `${key} as ${role}`),
    );
    expect(gaps).toEqual([]);
  });

  it('fails for a route added without an expectation', () => {
    const extra = (app: Parameters<typeof defineRoute>[0]) =>
      defineRoute(
        app,
        policy.signedIn,
        createRoute({ method: 'get', path: '/api/brand-new', responses: { 200: { description: 'ok' } } }),
        (c) => c.json({}, 200),
      );
    const app = createApp(t.server.deps, [...features, extra]);
    expect(missingExpectations(routeTable(app))).toEqual(['GET /api/brand-new']);
  });

  it('answers every route for every role as expected', async () => {
    const table = [...routeTable(t.server.app)].sort(
      (a, b) => Number(runsLast.has(keyOf(a))) - Number(runsLast.has(keyOf(b))),
    );
    const mismatches: string[] = [];
    for (const route of table) {
      const expectation = expectations[keyOf(route)];
      if (!expectation) continue;
      for (const role of roles) {
        const caller = world.callers[role];
        const call = await expectation.call(world, role, caller);
        const init: { body?: unknown; headers?: Record<string, string> } = {};
        if (call.body !== undefined) init.body = call.body;
        if (call.headers) init.headers = call.headers;
        const response = await (call.as ?? caller).request(route.method, call.path, init);
        const status = response.status;
        // Event streams never end: the status is the answer.
        if (route.path === '/api/events') await response.body?.cancel();
        else await response.text();
        if (status !== expectation.status[role]) {
          mismatches.push(`${keyOf(route)} as ${role}: expected ${expectation.status[role]}, got ${status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every role calls every route, many of them on fresh targets: minutes on a busy machine, and growing with the API.
  }, 600_000);
});
