import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthzWorld, buildAuthzWorld, type Role, roles } from './helpers/authz-world';
import { startTestServer, type TestServer } from './helpers/server';

interface EntityPermissions {
  workspaceRole: string;
  role: string | null;
  edit: boolean;
  manage: boolean;
}

let t: TestServer;
let world: AuthzWorld;
beforeAll(async () => {
  t = await startTestServer();
  world = await buildAuthzWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const kinds = [
  ['product', 'products', 'productId', 'product_manager'],
  ['program', 'programs', 'programId', 'program_manager'],
  ['project', 'projects', 'projectId', 'project_manager'],
] as const;

/** What each role of the world should be told, per kind (a status when it is told nothing). */
function expectedFor(role: Role, manager: string): EntityPermissions | number {
  switch (role) {
    case 'owner':
      // The owner made every entity of the world, and so manages it.
      return { workspaceRole: 'owner', role: manager, edit: true, manage: true };
    case 'admin':
      return { workspaceRole: 'admin', role: null, edit: true, manage: true };
    case 'member':
      return { workspaceRole: 'member', role: null, edit: false, manage: false };
    case 'contributor':
      return { workspaceRole: 'member', role: 'contributor', edit: true, manage: false };
    case 'manager':
      return { workspaceRole: 'member', role: manager, edit: true, manage: true };
    case 'viewer':
      return { workspaceRole: 'guest', role: 'viewer', edit: false, manage: false };
    case 'guest':
    case 'outsider':
      return 404;
    case 'anonymous':
      return 401;
  }
}

async function permissionsOf(role: Role, path: string): Promise<EntityPermissions | number> {
  const response = await world.callers[role].request('GET', path);
  if (response.status !== 200) return response.status;
  // Who decides as which approver is a test of its own below.
  const { decideAs: _decideAs, ...permissions } = (await response.json()) as EntityPermissions & {
    decideAs?: unknown;
  };
  return permissions;
}

describe('what a caller may do, as the API tells it', () => {
  for (const [kind, plural, param, manager] of kinds) {
    it(`tells each role what it may do with a ${kind}`, async () => {
      const path = `/api/${plural}/${world[param]}/permissions`;
      for (const role of roles) {
        expect({ role, reply: await permissionsOf(role, path) }).toEqual({
          role,
          reply: expectedFor(role, manager),
        });
      }
    });
  }

  it('tells who decides a project’s change requests: its managers as project manager, an owner as sponsor', async () => {
    const path = `/api/projects/${world.projectId}/permissions`;
    const decideAs = async (role: Role) =>
      ((await (await world.callers[role].request('GET', path)).json()) as { decideAs: string[] }).decideAs;
    // With no product, the workspace's owners and admins sponsor the project.
    expect(await decideAs('owner')).toEqual(['project_manager', 'sponsor']);
    expect(await decideAs('manager')).toEqual(['project_manager']);
    expect(await decideAs('contributor')).toEqual([]);
    expect(await decideAs('viewer')).toEqual([]);
  });

  it('answers 404 naming the project when it does not exist', async () => {
    const response = await world.callers.owner.request('GET', '/api/projects/no-such-project/permissions');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Project no-such-project was not found' },
    });
  });

  it('agrees, for every role, with what the server then lets them edit and delete', async () => {
    for (const role of roles.filter((r) => typeof expectedFor(r, 'project_manager') !== 'number')) {
      const projectId = await world.fresh('project');
      const told = (await permissionsOf(role, `/api/projects/${projectId}/permissions`)) as EntityPermissions;
      const caller = world.callers[role];
      const edit = await caller.request('PATCH', `/api/projects/${projectId}`, {
        body: { name: `Renamed by ${role}` },
        headers: { 'if-match': '"1"' },
      });
      expect({ role, edited: edit.status === 200 }).toEqual({ role, edited: told.edit });
      const remove = await caller.request('DELETE', `/api/projects/${projectId}`, {
        headers: { 'if-match': `"${told.edit ? 2 : 1}"` },
      });
      expect({ role, deleted: remove.status === 204 }).toEqual({ role, deleted: told.manage });
    }
  });

  it('tells each workspace role what it may do in the workspace', async () => {
    const path = `/api/workspaces/${world.workspaceId}/permissions`;
    const replies: Record<string, unknown> = {};
    for (const role of roles) {
      const response = await world.callers[role].request('GET', path);
      replies[role] = response.status === 200 ? await response.json() : response.status;
    }
    const all = ['owner', 'admin', 'member', 'guest'];
    const notOwner = ['admin', 'member', 'guest'];
    const noRoles = {
      assignableRoles: { owner: [], admin: [], member: [], guest: [] },
      removableRoles: [],
      invitableRoles: [],
    };
    const none = {
      manageMembers: false,
      rename: false,
      delete: false,
      seeAudit: false,
      customers: true,
      ...noRoles,
    };
    const guestNone = { ...none, customers: false };
    expect(replies).toEqual({
      owner: {
        role: 'owner',
        create: true,
        manageMembers: true,
        rename: true,
        delete: true,
        seeAudit: true,
        customers: true,
        manageResources: true,
        approveTimesheets: true,
        assignableRoles: { owner: all, admin: all, member: all, guest: all },
        removableRoles: all,
        invitableRoles: all,
      },
      admin: {
        role: 'admin',
        create: true,
        manageMembers: true,
        rename: true,
        delete: false,
        seeAudit: true,
        customers: true,
        manageResources: true,
        approveTimesheets: true,
        // An admin manages everyone but owners, and makes no owner.
        assignableRoles: { owner: [], admin: notOwner, member: notOwner, guest: notOwner },
        removableRoles: notOwner,
        invitableRoles: notOwner,
      },
      member: { role: 'member', create: true, ...none, manageResources: false, approveTimesheets: false },
      contributor: {
        role: 'member',
        create: true,
        ...none,
        manageResources: false,
        approveTimesheets: false,
      },
      // The manager leads the world's projects, so staffs them and decides on their timesheets.
      manager: { role: 'member', create: true, ...none, manageResources: true, approveTimesheets: true },
      guest: { role: 'guest', create: false, ...guestNone, manageResources: false, approveTimesheets: false },
      viewer: {
        role: 'guest',
        create: false,
        ...guestNone,
        manageResources: false,
        approveTimesheets: false,
      },
      outsider: 404,
      anonymous: 401,
    });
  });

  it('agrees, for every workspace role, with what the server then lets them create', async () => {
    const path = `/api/workspaces/${world.workspaceId}`;
    for (const role of roles.filter((r) => r !== 'outsider' && r !== 'anonymous')) {
      const caller = world.callers[role];
      const told = (await caller.json('GET', `${path}/permissions`)) as {
        create: boolean;
        manageResources: boolean;
      };
      // Staffing first: whoever creates a project becomes its manager, and managers staff plans.
      const resource = await caller.request('POST', `${path}/resources`, { body: { name: `By ${role}` } });
      expect({ role, staffed: resource.status === 201 }).toEqual({ role, staffed: told.manageResources });
      const project = await caller.request('POST', `${path}/projects`, {
        body: { name: `By ${role}`, startDate: '2026-02-02' },
      });
      expect({ role, created: project.status === 201 }).toEqual({ role, created: told.create });
    }
  });

  it('offers each workspace role exactly the invitations the server then accepts from them', async () => {
    const path = `/api/workspaces/${world.workspaceId}`;
    for (const role of roles.filter((r) => r !== 'outsider' && r !== 'anonymous')) {
      const caller = world.callers[role];
      const told = (await caller.json('GET', `${path}/permissions`)) as { invitableRoles: string[] };
      for (const invited of ['owner', 'admin', 'member', 'guest']) {
        const response = await caller.request('POST', `${path}/invitations`, {
          body: { email: `${role}-invites-${invited}@example.com`, role: invited },
        });
        expect({ role, invited, accepted: response.status === 201 }).toEqual({
          role,
          invited,
          accepted: told.invitableRoles.includes(invited),
        });
      }
    }
  });

  it('documents both replies in the OpenAPI document', async () => {
    const document = (await (await t.request('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/projects/{projectId}/permissions',
        '/api/products/{productId}/permissions',
        '/api/programs/{programId}/permissions',
        '/api/workspaces/{workspaceId}/permissions',
      ]),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['EntityPermissions', 'WorkspacePermissions']),
    );
  });
});
