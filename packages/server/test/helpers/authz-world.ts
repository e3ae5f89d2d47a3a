import { anonymous, type Caller, signUp, sql } from './domain-world';
import type { TestServer } from './server';

/** The callers the authorisation matrix asks as. */
export const roles = [
  'owner',
  'admin',
  'member',
  'contributor',
  'manager',
  'guest',
  'viewer',
  'outsider',
  'anonymous',
] as const;

/**
 * One of `roles`: the four workspace roles, a member holding the contributor role and one holding the kind's manager
 * role on every entity, a guest holding the viewer role on them, someone outside, nobody.
 */
export type Role = (typeof roles)[number];

/** A workspace with one caller per role, a product, a program, a project and a task, and ways to make fresh ones. */
export interface AuthzWorld {
  t: TestServer;
  callers: Record<Role, Caller>;
  /** Owns workspaces the matrix's callers are invited into. */
  host: Caller;
  workspaceId: string;
  productId: string;
  programId: string;
  projectId: string;
  taskId: string;
  /** A new entity of the workspace, created by the owner, with the contributor, manager and viewer in their roles. */
  fresh(kind: 'product' | 'program' | 'project'): Promise<string>;
  /** A new task (version 1) in a fresh project. */
  freshTask(): Promise<string>;
  /** A new user who is a plain member of the workspace. */
  freshMember(): Promise<Caller>;
  /** A new workspace with the same people in the same roles. */
  freshWorkspace(): Promise<string>;
}

const segment = { product: 'products', program: 'programs', project: 'projects' } as const;
const managerRole = {
  product: 'product_manager',
  program: 'program_manager',
  project: 'project_manager',
} as const;

/** Builds the world through the API, as the people in it would. */
export async function buildAuthzWorld(t: TestServer): Promise<AuthzWorld> {
  const owner = await signUp(t, 'Owner');
  const admin = await signUp(t, 'Admin');
  const member = await signUp(t, 'Member');
  const contributor = await signUp(t, 'Contributor');
  const manager = await signUp(t, 'Manager');
  const guest = await signUp(t, 'Guest');
  const viewer = await signUp(t, 'Viewer');
  const outsider = await signUp(t, 'Outsider');
  const host = await signUp(t, 'Host');
  const callers: Record<Role, Caller> = {
    owner,
    admin,
    member,
    contributor,
    manager,
    guest,
    viewer,
    outsider,
    anonymous: anonymous(t),
  };
  const workspaceRoles: [Caller, 'admin' | 'member' | 'guest'][] = [
    [admin, 'admin'],
    [member, 'member'],
    [contributor, 'member'],
    [manager, 'member'],
    [guest, 'guest'],
    [viewer, 'guest'],
  ];

  const createWorkspace = async () => {
    const workspace = await owner.json<{ id: string }>('POST', '/api/workspaces', { name: 'Matrix' }, 201);
    for (const [caller, role] of workspaceRoles) {
      const { acceptUrl } = await owner.json<{ acceptUrl: string }>(
        'POST',
        `/api/workspaces/${workspace.id}/invitations`,
        { email: caller.email, role },
        201,
      );
      const token = decodeURIComponent(acceptUrl.split('/invite/')[1] ?? '');
      await caller.json('POST', `/api/invitations/${encodeURIComponent(token)}/accept`);
    }
    return workspace.id;
  };
  const workspaceId = await createWorkspace();

  const fresh = async (kind: 'product' | 'program' | 'project') => {
    const body =
      kind === 'project' ? { name: `New ${kind}`, startDate: '2026-01-05' } : { name: `New ${kind}` };
    const created = await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/${segment[kind]}`,
      body,
    );
    const entityRoles: [Caller, string][] = [
      [contributor, 'contributor'],
      [manager, managerRole[kind]],
      [viewer, 'viewer'],
    ];
    for (const [caller, role] of entityRoles) {
      await owner.json('PUT', `/api/${segment[kind]}/${created.id}/members/${caller.id}`, { role }, 201);
    }
    return created.id;
  };
  const freshTask = async () => {
    const projectId = await fresh('project');
    return (
      await owner.json<{ id: string }>('POST', `/api/projects/${projectId}/tasks`, { name: 'New task' })
    ).id;
  };
  const productId = await fresh('product');
  const programId = await fresh('program');
  const projectId = await fresh('project');
  const taskId = (
    await owner.json<{ id: string }>('POST', `/api/projects/${projectId}/tasks`, { name: 'Task' })
  ).id;

  const freshMember = async () => {
    const person = await signUp(t, 'Extra');
    await sql(t, `insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'member')`, [
      workspaceId,
      person.id,
    ]);
    return person;
  };
  const freshWorkspace = async () => {
    const workspace = await owner.json<{ id: string }>('POST', '/api/workspaces', { name: 'Doomed' }, 201);
    for (const [caller, role] of workspaceRoles) {
      await sql(t, 'insert into workspace_members (workspace_id, user_id, role) values ($1, $2, $3)', [
        workspace.id,
        caller.id,
        role,
      ]);
    }
    return workspace.id;
  };
  return {
    t,
    callers,
    host,
    workspaceId,
    productId,
    programId,
    projectId,
    taskId,
    fresh,
    freshTask,
    freshMember,
    freshWorkspace,
  };
}
