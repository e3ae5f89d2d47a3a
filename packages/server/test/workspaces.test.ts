import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFeatures } from '../src/auth/identity-feature';
import { memoryMailer } from '../src/mail/memory-mailer';
import { addToWorkspace, createWorkspace, type SignedInUser, signUp } from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ features: identityFeatures({ mailer: memoryMailer() }) });
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

interface Workspace {
  id: string;
  name: string;
  slug: string;
  version: number;
  role: string;
}

describe('workspaces', () => {
  it('makes the creator the owner and gives the workspace a unique slug', async () => {
    const user = await signUp(t);
    const response = await user.request('POST', '/api/workspaces', { body: { name: 'Acme Mobile' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    const first = (await response.json()) as Workspace;
    expect(first).toMatchObject({ name: 'Acme Mobile', slug: 'acme-mobile', role: 'owner', version: 1 });
    const second = await createWorkspace(user, 'Acme Mobile');
    expect(second.slug).toBe('acme-mobile-2');
    const { rows } = await t.server.deps.pool.query(
      // One transaction, one now(): order by type to compare.
      `select action, entity_type from audit_entries where workspace_id = $1 order by entity_type`,
      [first.id],
    );
    expect(rows).toEqual([
      { action: 'create', entity_type: 'workspace' },
      { action: 'create', entity_type: 'workspace_member' },
    ]);
  });

  it("lists only the caller's workspaces, paginated and searchable", async () => {
    const user = await signUp(t);
    const other = await signUp(t);
    for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo']) await createWorkspace(user, name);
    await createWorkspace(other, 'Not mine');
    const first = (await (await user.request('GET', '/api/workspaces?limit=3')).json()) as {
      items: Workspace[];
      nextCursor: string;
    };
    expect(first.items.map((w) => w.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const rest = (await (
      await user.request('GET', `/api/workspaces?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json()) as { items: Workspace[]; nextCursor: string | null };
    expect(rest.items.map((w) => w.name)).toEqual(['Delta']);
    expect(rest.nextCursor).toBeNull();
    const found = (await (await user.request('GET', '/api/workspaces?q=arl')).json()) as {
      items: Workspace[];
    };
    expect(found.items.map((w) => w.name)).toEqual(['Charlie']);
    const bad = await user.request('GET', '/api/workspaces?sort=secret');
    expect(await errorOf(bad)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sort' });
  });

  it('searches workspace and member names with % and _ taken literally, emails only for members', async () => {
    const owner = await signUp(t, { name: 'Plain Owner', email: `plain.${Date.now()}@search.test` });
    const percent = await signUp(t, { name: '100% Done' });
    const underscore = await signUp(t, { name: 'Under_score' });
    for (const name of ['50% Off', 'Snake_case', 'Plain']) await createWorkspace(owner, name);
    const names = async (caller: SignedInUser, path: string) =>
      (
        (await (await caller.request('GET', path)).json()) as {
          items: { name?: string; user?: { name: string } }[];
        }
      ).items.map((item) => item.name ?? item.user?.name);
    expect(await names(owner, '/api/workspaces?q=%25')).toEqual(['50% Off']);
    expect(await names(owner, '/api/workspaces?q=_')).toEqual(['Snake_case']);
    const { id } = await createWorkspace(owner, 'Searchable');
    await addToWorkspace(t, id, percent, 'member');
    await addToWorkspace(t, id, underscore, 'guest');
    expect(await names(owner, `/api/workspaces/${id}/members?q=%25`)).toEqual(['100% Done']);
    expect(await names(owner, `/api/workspaces/${id}/members?q=_`)).toEqual(['Under_score']);
    expect(await names(percent, `/api/workspaces/${id}/members?q=search.test`)).toEqual(['Plain Owner']);
    expect(await names(underscore, `/api/workspaces/${id}/members?q=search.test`)).toEqual([]);
  });

  it('answers 404 to non-members for every workspace route', async () => {
    const owner = await signUp(t);
    const stranger = await signUp(t);
    const { id } = await createWorkspace(owner, 'Secret');
    const attempts: [string, string, unknown][] = [
      ['GET', `/api/workspaces/${id}`, undefined],
      ['PATCH', `/api/workspaces/${id}`, { name: 'Mine now', version: 1 }],
      ['DELETE', `/api/workspaces/${id}`, { version: 1 }],
      ['GET', `/api/workspaces/${id}/members`, undefined],
      ['PATCH', `/api/workspaces/${id}/members/${owner.user.id}`, { role: 'guest', version: 1 }],
      ['DELETE', `/api/workspaces/${id}/members/${owner.user.id}`, { version: 1 }],
      ['GET', `/api/workspaces/${id}/invitations`, undefined],
      ['POST', `/api/workspaces/${id}/invitations`, { email: 'x@example.test', role: 'member' }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await stranger.request(method, path, body === undefined ? {} : { body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await errorOf(response)).code).toBe('NOT_FOUND');
    }
    expect((await t.request('GET', `/api/workspaces/${id}`)).status).toBe(401);
  });

  it('renames with the version, answering 409 with the current workspace when stale and 428 without one', async () => {
    const owner = await signUp(t);
    const { id } = await createWorkspace(owner, 'Old name');
    const renamed = await owner.request('PATCH', `/api/workspaces/${id}`, {
      body: { name: 'New name' },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'New name', version: 2 });
    const stale = await owner.request('PATCH', `/api/workspaces/${id}`, {
      body: { name: 'Stale', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'VERSION_CONFLICT' },
      current: { name: 'New name' },
    });
    const missing = await owner.request('PATCH', `/api/workspaces/${id}`, { body: { name: 'No version' } });
    expect(missing.status).toBe(428);
    const empty = await owner.request('PATCH', `/api/workspaces/${id}`, { body: { name: ' ', version: 2 } });
    expect(await errorOf(empty)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
  });

  it('lets admins rename but not delete, and members neither (403, since they see it)', async () => {
    const owner = await signUp(t);
    const admin = await signUp(t);
    const member = await signUp(t);
    const { id } = await createWorkspace(owner, 'Roles');
    await addToWorkspace(t, id, admin, 'admin');
    await addToWorkspace(t, id, member, 'member');
    const byMember = await member.request('PATCH', `/api/workspaces/${id}`, {
      body: { name: 'M', version: 1 },
    });
    expect(byMember.status).toBe(403);
    expect((await errorOf(byMember)).code).toBe('FORBIDDEN');
    const byAdmin = await admin.request('PATCH', `/api/workspaces/${id}`, {
      body: { name: 'A', version: 1 },
    });
    expect(byAdmin.status).toBe(200);
    expect((await admin.request('DELETE', `/api/workspaces/${id}`, { body: { version: 2 } })).status).toBe(
      403,
    );
    expect((await member.request('GET', `/api/workspaces/${id}`)).status).toBe(200);
  });

  it('deletes a workspace for everyone when an owner asks with the right version', async () => {
    const owner = await signUp(t);
    const member = await signUp(t);
    const { id } = await createWorkspace(owner, 'Doomed');
    await addToWorkspace(t, id, member, 'member');
    expect((await owner.request('DELETE', `/api/workspaces/${id}`, { body: { version: 7 } })).status).toBe(
      409,
    );
    const deleted = await owner.request('DELETE', `/api/workspaces/${id}`, {
      headers: { 'if-match': '"1"' },
    });
    expect(deleted.status).toBe(204);
    expect((await owner.request('GET', `/api/workspaces/${id}`)).status).toBe(404);
    expect((await member.request('GET', `/api/workspaces/${id}`)).status).toBe(404);
    const me = (await (await member.request('GET', '/api/auth/me')).json()) as { workspaces: unknown[] };
    expect(me.workspaces).toEqual([]);
  });
});

describe('members and roles', () => {
  let owner: SignedInUser;
  let admin: SignedInUser;
  let member: SignedInUser;
  let guest: SignedInUser;
  let workspaceId: string;

  beforeAll(async () => {
    owner = await signUp(t, { name: 'Ada Owner' });
    admin = await signUp(t, { name: 'Ben Admin' });
    member = await signUp(t, { name: 'Cleo Member' });
    guest = await signUp(t, { name: 'Dan Guest' });
    workspaceId = (await createWorkspace(owner, 'Team')).id;
    await addToWorkspace(t, workspaceId, admin, 'admin');
    await addToWorkspace(t, workspaceId, member, 'member');
    await addToWorkspace(t, workspaceId, guest, 'guest');
  });

  async function memberVersion(userId: string): Promise<number> {
    const { rows } = await t.server.deps.pool.query(
      'select version from workspace_members where workspace_id = $1 and user_id = $2',
      [workspaceId, userId],
    );
    return rows[0].version;
  }

  it('lists members with emails for members and names only for guests', async () => {
    const forMember = (await (
      await member.request('GET', `/api/workspaces/${workspaceId}/members`)
    ).json()) as {
      items: { user: { name: string; email?: string }; role: string }[];
    };
    expect(forMember.items.map((m) => [m.user.name, m.role])).toEqual([
      ['Ada Owner', 'owner'],
      ['Ben Admin', 'admin'],
      ['Cleo Member', 'member'],
      ['Dan Guest', 'guest'],
    ]);
    expect(forMember.items.every((m) => typeof m.user.email === 'string')).toBe(true);
    const forGuest = (await (
      await guest.request('GET', `/api/workspaces/${workspaceId}/members`)
    ).json()) as {
      items: { user: Record<string, unknown> }[];
    };
    expect(forGuest.items).toHaveLength(4);
    expect(forGuest.items.every((m) => !('email' in m.user))).toBe(true);
    const admins = (await (
      await member.request('GET', `/api/workspaces/${workspaceId}/members?role=admin`)
    ).json()) as {
      items: { user: { name: string } }[];
    };
    expect(admins.items.map((m) => m.user.name)).toEqual(['Ben Admin']);
    const badRole = await member.request('GET', `/api/workspaces/${workspaceId}/members?role=king`);
    expect((await errorOf(badRole)).field).toBe('role');
    const byEmail = await guest.request('GET', `/api/workspaces/${workspaceId}/members?sort=email`);
    expect(byEmail.status).toBe(400);
  });

  it('lets an admin change a member role, audited with before and after', async () => {
    const response = await admin.request('PATCH', `/api/workspaces/${workspaceId}/members/${guest.user.id}`, {
      body: { role: 'member', version: await memberVersion(guest.user.id) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: 'member', user: { id: guest.user.id } });
    const { rows } = await t.server.deps.pool.query(
      `select before, after, actor_id from audit_entries where entity_id = $1 and action = 'update'`,
      [`${workspaceId}/${guest.user.id}`],
    );
    expect(rows.at(-1)).toMatchObject({
      before: { role: 'guest' },
      after: { role: 'member' },
      actor_id: admin.user.id,
    });
    await admin.request('PATCH', `/api/workspaces/${workspaceId}/members/${guest.user.id}`, {
      body: { role: 'guest', version: await memberVersion(guest.user.id) },
    });
  });

  it('does not let an admin demote an owner or make an owner', async () => {
    const demote = await admin.request('PATCH', `/api/workspaces/${workspaceId}/members/${owner.user.id}`, {
      body: { role: 'member', version: await memberVersion(owner.user.id) },
    });
    expect(demote.status).toBe(403);
    const promote = await admin.request('PATCH', `/api/workspaces/${workspaceId}/members/${member.user.id}`, {
      body: { role: 'owner', version: await memberVersion(member.user.id) },
    });
    expect(promote.status).toBe(403);
    const remove = await admin.request('DELETE', `/api/workspaces/${workspaceId}/members/${owner.user.id}`, {
      body: { version: await memberVersion(owner.user.id) },
    });
    expect(remove.status).toBe(403);
  });

  it('does not let a member or guest change roles', async () => {
    for (const caller of [member, guest]) {
      const response = await caller.request(
        'PATCH',
        `/api/workspaces/${workspaceId}/members/${admin.user.id}`,
        {
          body: { role: 'guest', version: await memberVersion(admin.user.id) },
        },
      );
      expect(response.status).toBe(403);
    }
  });

  it('keeps the last owner: they can neither leave nor be demoted', async () => {
    const leave = await owner.request('DELETE', `/api/workspaces/${workspaceId}/members/${owner.user.id}`, {
      body: { version: await memberVersion(owner.user.id) },
    });
    expect(leave.status).toBe(409);
    expect((await errorOf(leave)).code).toBe('CONFLICT');
    const demote = await owner.request('PATCH', `/api/workspaces/${workspaceId}/members/${owner.user.id}`, {
      body: { role: 'admin', version: await memberVersion(owner.user.id) },
    });
    expect(demote.status).toBe(409);
  });

  it('lets an owner hand over ownership and then step down', async () => {
    const { id } = await createWorkspace(owner, 'Handover');
    await addToWorkspace(t, id, member, 'member');
    const version = async (userId: string) =>
      (
        await t.server.deps.pool.query(
          'select version from workspace_members where workspace_id = $1 and user_id = $2',
          [id, userId],
        )
      ).rows[0].version as number;
    const promote = await owner.request('PATCH', `/api/workspaces/${id}/members/${member.user.id}`, {
      body: { role: 'owner', version: await version(member.user.id) },
    });
    expect(promote.status).toBe(200);
    const leave = await owner.request('DELETE', `/api/workspaces/${id}/members/${owner.user.id}`, {
      headers: { 'if-match': `"${await version(owner.user.id)}"` },
    });
    expect(leave.status).toBe(204);
    expect((await owner.request('GET', `/api/workspaces/${id}`)).status).toBe(404);
  });

  it('lets a member leave, and answers a stale version with 409', async () => {
    const { id } = await createWorkspace(owner, 'Leavers');
    const leaver = await signUp(t);
    await addToWorkspace(t, id, leaver, 'member');
    const stale = await leaver.request('DELETE', `/api/workspaces/${id}/members/${leaver.user.id}`, {
      body: { version: 5 },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ current: { role: 'member', version: 1 } });
    const left = await leaver.request('DELETE', `/api/workspaces/${id}/members/${leaver.user.id}`, {
      body: { version: 1 },
    });
    expect(left.status).toBe(204);
    expect((await leaver.request('GET', `/api/workspaces/${id}`)).status).toBe(404);
  });

  it('does not let a member remove someone else', async () => {
    const response = await member.request(
      'DELETE',
      `/api/workspaces/${workspaceId}/members/${guest.user.id}`,
      {
        body: { version: await memberVersion(guest.user.id) },
      },
    );
    expect(response.status).toBe(403);
  });

  it('names bad role inputs and answers 404 for someone who is not a member', async () => {
    const badRole = await owner.request('PATCH', `/api/workspaces/${workspaceId}/members/${member.user.id}`, {
      body: { role: 'emperor', version: 1 },
    });
    expect(await errorOf(badRole)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'role' });
    const outsider = await signUp(t);
    const missing = await owner.request(
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${outsider.user.id}`,
      {
        body: { role: 'member', version: 1 },
      },
    );
    expect(missing.status).toBe(404);
  });
});
