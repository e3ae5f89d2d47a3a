import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import {
  addToWorkspace,
  createWorkspace,
  grantEntityRole,
  type SignedInUser,
  signUp,
  type TestCaller,
  withApiToken,
} from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';
import { statementsDuring } from './helpers/statements';

let t: TestServer;
let owner: SignedInUser;
let script: TestCaller;
let workspaceId: string;
let projectId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, { name: 'Creator' });
  script = await withApiToken(t, owner);
  workspaceId = (await createWorkspace(owner, 'Create tasks')).id;
  const project = await owner.request('POST', `/api/workspaces/${workspaceId}/projects`, {
    body: { name: 'Create here', startDate: '2026-01-05' },
  });
  projectId = ((await project.json()) as { id: string }).id;
});

afterAll(async () => {
  await t?.close();
});

const create = (caller: TestCaller, body: Record<string, unknown>, id = projectId) =>
  caller.request('POST', `/api/projects/${id}/tasks`, { body });

describe('creating a task', () => {
  it('authenticates, checks, inserts, audits, bumps the plan and commits in five statements', async () => {
    // The first use of a token records it; count the requests after that.
    expect((await create(script, { name: 'Warm up' })).status).toBe(201);
    const before = Number(
      (await sql(t, 'select plan_revision from projects where id = $1', [projectId]))[0]?.plan_revision,
    );
    let task: { id: string; version: number } | undefined;
    const statements = await statementsDuring(t, async () => {
      const response = await create(script, { name: 'Counted', durationMinutes: 480 });
      expect(response.status).toBe(201);
      task = (await response.json()) as { id: string; version: number };
    });
    // The token, begin, the project with the caller's roles, the insert, and audit + revision + commit: no commit after.
    expect(statements).toHaveLength(5);
    const audit = await sql(
      t,
      `select action, actor_id, after->>'name' as name from audit_entries where entity_id = $1`,
      [task?.id],
    );
    expect(audit).toEqual([{ action: 'create', actor_id: owner.user.id, name: 'Counted' }]);
    const after = Number(
      (await sql(t, 'select plan_revision from projects where id = $1', [projectId]))[0]?.plan_revision,
    );
    expect(after).toBe(before + 1);
  });

  it('lets a contributor create, refuses a viewer with 403 and hides the project from a guest without a role', async () => {
    const contributor = await signUp(t, { name: 'Contributor' });
    const viewer = await signUp(t, { name: 'Viewer' });
    const guest = await signUp(t, { name: 'Guest' });
    await addToWorkspace(t, workspaceId, contributor, 'member');
    await addToWorkspace(t, workspaceId, viewer, 'member');
    await addToWorkspace(t, workspaceId, guest, 'guest');
    const project = { kind: 'project' as const, id: projectId, workspaceId };
    await grantEntityRole(t, project, contributor, 'contributor');
    await grantEntityRole(t, project, viewer, 'viewer');
    expect((await create(contributor, { name: 'By a contributor' })).status).toBe(201);
    const refused = await create(viewer, { name: 'By a viewer' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await create(guest, { name: 'By a guest' })).status).toBe(404);
  });

  it('answers 404 to an outsider holding a role on the project of a workspace they left, and for a missing project', async () => {
    const outsider = await signUp(t, { name: 'Outsider' });
    // A role left behind on the project must not count without a membership of its workspace.
    await grantEntityRole(t, { kind: 'project', id: projectId, workspaceId }, outsider, 'project_manager');
    const hidden = await create(outsider, { name: 'From outside' });
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { error: { message: string } }).error.message).toContain(projectId);
    expect((await create(owner, { name: 'Nowhere' }, 'prj_missing')).status).toBe(404);
  });

  it('answers 404 once the workspace is deleted, and writes nothing', async () => {
    const other = (await createWorkspace(owner, 'Soon gone')).id;
    const response = await owner.request('POST', `/api/workspaces/${other}/projects`, {
      body: { name: 'Doomed', startDate: '2026-01-05' },
    });
    const doomed = ((await response.json()) as { id: string }).id;
    await sql(t, 'update workspaces set deleted_at = now() where id = $1', [other]);
    expect((await create(owner, { name: 'Too late' }, doomed)).status).toBe(404);
    expect(await sql(t, 'select id from tasks where project_id = $1', [doomed])).toEqual([]);
  });

  it('takes the first to-do state of the project workflow and refuses a status outside it with 400', async () => {
    const made = await create(owner, { name: 'Default status' });
    expect(((await made.json()) as { status: string }).status).toBe('todo');
    const refused = await create(owner, { name: 'Odd status', status: 'nowhere' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('status');
  });
});
