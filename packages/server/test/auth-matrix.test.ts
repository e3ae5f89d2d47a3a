import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routeTable } from '../src/http/route-rule';
import {
  addToWorkspace,
  createWorkspace,
  grantEntityRole,
  type SignedInUser,
  signIn,
  signUp,
  withApiToken,
} from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

// Every route of the full app, for every kind of caller. A route missing from `matrix` fails the first test, so a new
// route cannot ship without its expected answers written down here.

const callers = [
  'anonymous',
  'stranger',
  'guest',
  'viewer',
  'member',
  'contributor',
  'admin',
  'owner',
] as const;
type CallerName = (typeof callers)[number];
type Expected = Record<CallerName, number>;
type Kind = 'product' | 'program' | 'project';

/** A request to send, prepared afresh for each caller so that deletes and one-time links do not interfere. */
interface Prepared {
  path: string;
  body?: unknown;
  /** Replaces the caller's own authentication headers (a throwaway session for sign-out). */
  headers?: Record<string, string>;
}

interface Check {
  prepare(caller: CallerName): Promise<Prepared>;
  expected: Expected;
}

let t: TestServer;
let users: Record<Exclude<CallerName, 'anonymous'>, SignedInUser>;
let host: SignedInUser;
let workspaceId: string;
const fixture: Record<Kind | 'task', string> = { product: '', program: '', project: '', task: '' };
let counter = 0;

const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now()}`;
const everyone = (status: number): Expected =>
  Object.fromEntries(callers.map((caller) => [caller, status])) as Expected;
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
const members = (status: number): Expected => ({ ...signedIn(status), stranger: 404 });
/** Workspace owner and admin pass; other members see the workspace but may not (403). */
const workspaceAdmins = (status: number): Expected => ({
  ...members(403),
  admin: status,
  owner: status,
});
/** Visibility of one entity: guests without a role and strangers get 404. */
const entitySee = (status: number): Expected => ({ ...members(status), guest: 404 });
const entityEdit = (status: number): Expected => ({ ...entitySee(status), viewer: 403, member: 403 });
const entityManage = (status: number): Expected => ({ ...entityEdit(status), contributor: 403 });
const creates = (status: number): Expected => ({ ...members(status), guest: 403, viewer: 403 });

function owner(): SignedInUser {
  return users.owner;
}

async function json<T>(response: Response, expected: number): Promise<T> {
  if (response.status !== expected)
    throw new Error(`Set-up failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A product, program or project created by the owner, with the viewer and contributor roles given on it. */
async function freshEntity(kind: Kind): Promise<string> {
  const body: Record<string, unknown> = { name: unique(kind) };
  if (kind === 'project') body.startDate = '2026-01-05';
  const created = await json<{ id: string }>(
    await owner().request('POST', `/api/workspaces/${workspaceId}/${kind}s`, { body }),
    201,
  );
  const ref = { kind, id: created.id, workspaceId };
  await grantEntityRole(t, ref, users.viewer, 'viewer');
  await grantEntityRole(t, ref, users.contributor, 'contributor');
  return created.id;
}

async function freshTask(): Promise<string> {
  const created = await json<{ id: string }>(
    await owner().request('POST', `/api/projects/${fixture.project}/tasks`, {
      body: { name: unique('task') },
    }),
    201,
  );
  return created.id;
}

async function freshMember(workspace = workspaceId): Promise<SignedInUser> {
  const user = await signUp(t);
  await addToWorkspace(t, workspace, user, 'member');
  return user;
}

async function invite(
  email: string,
  workspace = workspaceId,
  by: SignedInUser = owner(),
): Promise<{ id: string; token: string }> {
  const reply = await json<{ invitation: { id: string }; acceptUrl: string }>(
    await by.request('POST', `/api/workspaces/${workspace}/invitations`, {
      body: { email, role: 'member' },
    }),
    201,
  );
  return { id: reply.invitation.id, token: reply.acceptUrl.split('/invite/')[1] ?? '' };
}

async function versionOfWorkspace(id: string): Promise<number> {
  const { rows } = await t.server.deps.pool.query('select version from workspaces where id = $1', [id]);
  return rows[0].version;
}

function entityRoutes(kind: Kind): Record<string, Check> {
  const plural = `${kind}s`;
  const param = `{${kind}Id}`;
  const createBody = kind === 'project' ? { name: 'New', startDate: '2026-02-02' } : { name: 'New' };
  return {
    [`GET /api/workspaces/{workspaceId}/${plural}`]: {
      prepare: async () => ({ path: `/api/workspaces/${workspaceId}/${plural}` }),
      expected: members(200),
    },
    [`POST /api/workspaces/{workspaceId}/${plural}`]: {
      prepare: async () => ({ path: `/api/workspaces/${workspaceId}/${plural}`, body: createBody }),
      expected: creates(201),
    },
    [`GET /api/${plural}/${param}`]: {
      prepare: async () => ({ path: `/api/${plural}/${fixture[kind]}` }),
      expected: entitySee(200),
    },
    [`PATCH /api/${plural}/${param}`]: {
      prepare: async () => ({
        path: `/api/${plural}/${await freshEntity(kind)}`,
        body: { name: 'Renamed', version: 1 },
      }),
      expected: entityEdit(200),
    },
    [`DELETE /api/${plural}/${param}`]: {
      prepare: async () => ({ path: `/api/${plural}/${await freshEntity(kind)}`, body: { version: 1 } }),
      expected: entityManage(204),
    },
    [`GET /api/${plural}/${param}/members`]: {
      prepare: async () => ({ path: `/api/${plural}/${fixture[kind]}/members` }),
      expected: entitySee(200),
    },
    [`PUT /api/${plural}/${param}/members/{userId}`]: {
      prepare: async () => ({
        path: `/api/${plural}/${await freshEntity(kind)}/members/${users.member.user.id}`,
        body: { role: 'viewer' },
      }),
      expected: entityManage(201),
    },
    [`DELETE /api/${plural}/${param}/members/{userId}`]: {
      prepare: async () => ({
        path: `/api/${plural}/${await freshEntity(kind)}/members/${users.viewer.user.id}`,
        body: { version: 1 },
      }),
      expected: entityManage(204),
    },
  };
}

const matrix: Record<string, Check> = {
  'GET /api/health': { prepare: async () => ({ path: '/api/health' }), expected: everyone(200) },
  'GET /api/openapi.json': { prepare: async () => ({ path: '/api/openapi.json' }), expected: everyone(200) },
  'GET /api/setup': { prepare: async () => ({ path: '/api/setup' }), expected: everyone(200) },
  'POST /api/auth/signup': {
    prepare: async () => ({
      path: '/api/auth/signup',
      body: { email: `${unique('signup')}@example.test`, name: 'New', password: 'a long enough password' },
    }),
    expected: everyone(201),
  },
  'POST /api/auth/signin': {
    prepare: async () => ({
      path: '/api/auth/signin',
      body: { email: users.member.user.email, password: users.member.password },
    }),
    expected: everyone(200),
  },
  'POST /api/auth/signout': {
    prepare: async (caller) => {
      if (caller === 'anonymous') return { path: '/api/auth/signout' };
      const user = users[caller];
      // A second session of the same user, so the caller's own stays signed in for the other checks.
      return {
        path: '/api/auth/signout',
        headers: (await signIn(t, user.user.email, user.password)).headers,
      };
    },
    expected: signedIn(204),
  },
  'GET /api/auth/me': { prepare: async () => ({ path: '/api/auth/me' }), expected: signedIn(200) },
  'PATCH /api/auth/me': {
    prepare: async () => ({ path: '/api/auth/me', body: { name: 'Renamed' } }),
    expected: signedIn(200),
  },
  'POST /api/auth/password': {
    prepare: async (caller) => {
      const password = caller === 'anonymous' ? 'whatever password' : users[caller].password;
      return { path: '/api/auth/password', body: { currentPassword: password, newPassword: password } };
    },
    expected: signedIn(204),
  },
  'POST /api/auth/password-reset': {
    prepare: async () => ({ path: '/api/auth/password-reset', body: { email: 'nobody@example.test' } }),
    expected: everyone(202),
  },
  'POST /api/auth/password-reset/confirm': {
    // An unknown token: the route answers 400 for everyone, which shows it needs no sign-in.
    prepare: async () => ({
      path: '/api/auth/password-reset/confirm',
      body: { token: 'unknown', newPassword: 'a long enough password' },
    }),
    expected: everyone(400),
  },
  'GET /api/tokens': { prepare: async () => ({ path: '/api/tokens' }), expected: signedIn(200) },
  'POST /api/tokens': {
    prepare: async () => ({ path: '/api/tokens', body: { name: 'matrix' } }),
    expected: signedIn(201),
  },
  'DELETE /api/tokens/{tokenId}': {
    prepare: async (caller) => {
      const token = await withApiToken(t, caller === 'anonymous' ? owner() : users[caller]);
      return { path: `/api/tokens/${token.tokenId}` };
    },
    expected: signedIn(204),
  },
  'GET /api/workspaces': { prepare: async () => ({ path: '/api/workspaces' }), expected: signedIn(200) },
  'POST /api/workspaces': {
    prepare: async () => ({ path: '/api/workspaces', body: { name: 'Another' } }),
    expected: signedIn(201),
  },
  'GET /api/workspaces/{workspaceId}': {
    prepare: async () => ({ path: `/api/workspaces/${workspaceId}` }),
    expected: members(200),
  },
  'PATCH /api/workspaces/{workspaceId}': {
    prepare: async () => ({
      path: `/api/workspaces/${workspaceId}`,
      body: { name: 'Matrix', version: await versionOfWorkspace(workspaceId) },
    }),
    expected: workspaceAdmins(200),
  },
  'DELETE /api/workspaces/{workspaceId}': {
    prepare: async () => {
      const { id } = await createWorkspace(owner(), unique('doomed'));
      for (const role of ['guest', 'member', 'admin'] as const)
        await addToWorkspace(t, id, users[role], role);
      await addToWorkspace(t, id, users.viewer, 'guest');
      await addToWorkspace(t, id, users.contributor, 'member');
      return { path: `/api/workspaces/${id}`, body: { version: 1 } };
    },
    expected: { ...workspaceAdmins(403), owner: 204 },
  },
  'GET /api/workspaces/{workspaceId}/members': {
    prepare: async () => ({ path: `/api/workspaces/${workspaceId}/members` }),
    expected: members(200),
  },
  'PATCH /api/workspaces/{workspaceId}/members/{userId}': {
    prepare: async () => ({
      path: `/api/workspaces/${workspaceId}/members/${(await freshMember()).user.id}`,
      body: { role: 'guest', version: 1 },
    }),
    expected: workspaceAdmins(200),
  },
  'DELETE /api/workspaces/{workspaceId}/members/{userId}': {
    prepare: async () => ({
      path: `/api/workspaces/${workspaceId}/members/${(await freshMember()).user.id}`,
      body: { version: 1 },
    }),
    expected: workspaceAdmins(204),
  },
  'GET /api/workspaces/{workspaceId}/invitations': {
    prepare: async () => ({ path: `/api/workspaces/${workspaceId}/invitations` }),
    expected: workspaceAdmins(200),
  },
  'POST /api/workspaces/{workspaceId}/invitations': {
    prepare: async () => ({
      path: `/api/workspaces/${workspaceId}/invitations`,
      body: { email: `${unique('invitee')}@example.test`, role: 'member' },
    }),
    expected: workspaceAdmins(201),
  },
  'DELETE /api/workspaces/{workspaceId}/invitations/{invitationId}': {
    prepare: async () => {
      const { id } = await invite(`${unique('revoke')}@example.test`);
      return { path: `/api/workspaces/${workspaceId}/invitations/${id}` };
    },
    expected: workspaceAdmins(204),
  },
  'GET /api/invitations/{token}': {
    prepare: async () => ({
      path: `/api/invitations/${(await invite(`${unique('peek')}@example.test`)).token}`,
    }),
    expected: everyone(200),
  },
  'POST /api/invitations/{token}/accept': {
    prepare: async (caller) => {
      // Hosted by someone who is none of the callers, so that every caller (the owner too) is new to it.
      const { id } = await createWorkspace(host, unique('joinable'));
      const email = caller === 'anonymous' ? `${unique('anon')}@example.test` : users[caller].user.email;
      return { path: `/api/invitations/${(await invite(email, id, host)).token}/accept` };
    },
    expected: signedIn(200),
  },
  ...entityRoutes('product'),
  ...entityRoutes('program'),
  ...entityRoutes('project'),
  'GET /api/projects/{projectId}/tasks': {
    prepare: async () => ({ path: `/api/projects/${fixture.project}/tasks` }),
    expected: entitySee(200),
  },
  'POST /api/projects/{projectId}/tasks': {
    prepare: async () => ({ path: `/api/projects/${fixture.project}/tasks`, body: { name: 'Task' } }),
    expected: entityEdit(201),
  },
  'GET /api/tasks/{taskId}': {
    prepare: async () => ({ path: `/api/tasks/${fixture.task}` }),
    expected: entitySee(200),
  },
  'PATCH /api/tasks/{taskId}': {
    prepare: async () => ({ path: `/api/tasks/${await freshTask()}`, body: { name: 'Renamed', version: 1 } }),
    expected: entityEdit(200),
  },
  'DELETE /api/tasks/{taskId}': {
    prepare: async () => ({ path: `/api/tasks/${await freshTask()}`, body: { version: 1 } }),
    expected: entityEdit(204),
  },
  'GET /api/history/{entityType}/{entityId}': {
    prepare: async () => ({ path: `/api/history/product/${fixture.product}` }),
    expected: entitySee(200),
  },
  'GET /api/workspaces/{workspaceId}/audit': {
    prepare: async () => ({ path: `/api/workspaces/${workspaceId}/audit` }),
    expected: workspaceAdmins(200),
  },
  'GET /api/events': {
    prepare: async () => ({ path: `/api/events?workspaceId=${workspaceId}` }),
    expected: members(200),
  },
};

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

beforeAll(async () => {
  // The default features mail through the console adapter; its printout is noise here.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  t = await startTestServer();
  host = await signUp(t, { name: 'Host' });
  const names = ['stranger', 'guest', 'viewer', 'member', 'contributor', 'admin', 'owner'] as const;
  const list = await Promise.all(names.map((name) => signUp(t, { name })));
  users = Object.fromEntries(names.map((name, i) => [name, list[i]!])) as typeof users;
  workspaceId = (await createWorkspace(users.owner, 'Matrix')).id;
  await addToWorkspace(t, workspaceId, users.guest, 'guest');
  await addToWorkspace(t, workspaceId, users.viewer, 'guest');
  await addToWorkspace(t, workspaceId, users.member, 'member');
  await addToWorkspace(t, workspaceId, users.contributor, 'member');
  await addToWorkspace(t, workspaceId, users.admin, 'admin');
  for (const kind of ['product', 'program', 'project'] as const) fixture[kind] = await freshEntity(kind);
  fixture.task = await freshTask();
});
afterAll(async () => {
  await t?.close();
  vi.restoreAllMocks();
});

describe('the authorisation matrix', () => {
  it('has expected answers for exactly the routes the app serves', () => {
    const served = routeTable(t.server.app)
      .filter((route) => route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${toOpenApiPath(route.path)}`)
      .sort();
    expect(served).toEqual(Object.keys(matrix).sort());
    const ruled = new Set(routeTable(t.server.app).map((route) => `${route.method} ${route.path}`));
    const unruled = t.server.app.routes
      .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
      .filter((route) => !ruled.has(`${route.method} ${route.path}`));
    expect(unruled).toEqual([]);
  });

  it('answers every route as expected for every caller', async () => {
    const mismatches: string[] = [];
    for (const [key, check] of Object.entries(matrix)) {
      const method = key.split(' ')[0]!;
      for (const caller of callers) {
        const prepared = await check.prepare(caller);
        const headers = prepared.headers ?? (caller === 'anonymous' ? {} : users[caller].headers);
        const controller = new AbortController();
        const response = await fetch(`${t.url}${prepared.path}`, {
          method,
          headers: {
            ...headers,
            ...(prepared.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(prepared.body === undefined ? {} : { body: JSON.stringify(prepared.body) }),
          signal: controller.signal,
        });
        // Streams (live events) never end by themselves.
        controller.abort();
        if (response.status !== check.expected[caller]) {
          mismatches.push(`${key} as ${caller}: expected ${check.expected[caller]}, got ${response.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
