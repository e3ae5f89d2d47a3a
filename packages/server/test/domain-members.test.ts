import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';
import { openEventStream } from './helpers/sse';

interface Member {
  user: { id: string; name: string; email?: string };
  role: string;
  version: number;
}

let t: TestServer;
let owner: Caller;
let member: Caller;
let guest: Caller;
let outsider: Caller;
let workspaceId: string;
let projectId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Owner');
  member = await signUp(t, 'Member');
  guest = await signUp(t, 'Guest');
  outsider = await signUp(t, 'Outsider');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, member, 'member');
  await addMember(t, workspaceId, guest, 'guest');
  projectId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Members',
      startDate: '2026-01-05',
    })
  ).id;
});
afterAll(async () => {
  await t?.close();
});

const members = (caller: Caller) =>
  caller.json<{ items: Member[] }>('GET', `/api/projects/${projectId}/members`);

describe('per-project roles', () => {
  it('makes the creator the project manager', async () => {
    expect((await members(owner)).items).toEqual([
      { user: { id: owner.id, name: 'Owner', email: owner.email }, role: 'project_manager', version: 1 },
    ]);
  });

  it('lets a guest see a project only once given a role on it, and never the emails', async () => {
    expect((await guest.request('GET', `/api/projects/${projectId}`)).status).toBe(404);
    const given = await owner.request('PUT', `/api/projects/${projectId}/members/${guest.id}`, {
      body: { role: 'viewer' },
    });
    expect(given.status).toBe(201);
    expect((await guest.request('GET', `/api/projects/${projectId}`)).status).toBe(200);
    const seen = await members(guest);
    expect(seen.items.every((entry) => entry.user.email === undefined)).toBe(true);
    const listed = await guest.json<{ items: { id: string }[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/projects`,
    );
    expect(listed.items.map((project) => project.id)).toEqual([projectId]);
  });

  it('lets a member edit only as a contributor, and manage only as the project manager', async () => {
    const edit = () =>
      member.request('POST', `/api/projects/${projectId}/tasks`, { body: { name: 'Member task' } });
    expect((await edit()).status).toBe(403);
    await owner.json('PUT', `/api/projects/${projectId}/members/${member.id}`, { role: 'contributor' }, 201);
    expect((await edit()).status).toBe(201);
    const manage = await member.request('PUT', `/api/projects/${projectId}/members/${guest.id}`, {
      body: { role: 'contributor', version: 1 },
    });
    expect(manage.status).toBe(403);
  });

  it('changes a role only at the current version', async () => {
    const current = (await members(owner)).items.find((entry) => entry.user.id === member.id)!;
    const missing = await owner.request('PUT', `/api/projects/${projectId}/members/${member.id}`, {
      body: { role: 'viewer' },
    });
    expect(missing.status).toBe(428);
    const stale = await owner.request('PUT', `/api/projects/${projectId}/members/${member.id}`, {
      body: { role: 'viewer', version: current.version + 5 },
    });
    expect(stale.status).toBe(409);
    const changed = await owner.json<Member>('PUT', `/api/projects/${projectId}/members/${member.id}`, {
      role: 'viewer',
      version: current.version,
    });
    expect(changed).toMatchObject({ role: 'viewer', version: current.version + 1 });
  });

  it('refuses a product role on a project and a person outside the workspace', async () => {
    const wrongRole = await owner.request('PUT', `/api/projects/${projectId}/members/${member.id}`, {
      body: { role: 'product_manager', version: 1 },
    });
    expect(wrongRole.status).toBe(400);
    expect(await wrongRole.json()).toMatchObject({ error: { field: 'role' } });
    const stranger = await owner.request('PUT', `/api/projects/${projectId}/members/${outsider.id}`, {
      body: { role: 'viewer' },
    });
    expect(stranger.status).toBe(404);
    expect((await outsider.request('GET', `/api/projects/${projectId}/members`)).status).toBe(404);
  });

  it('removes a role at its version and records every change in the project history', async () => {
    const current = (await members(owner)).items.find((entry) => entry.user.id === guest.id)!;
    const removed = await owner.request('DELETE', `/api/projects/${projectId}/members/${guest.id}`, {
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(removed.status).toBe(204);
    expect((await guest.request('GET', `/api/projects/${projectId}`)).status).toBe(404);
    const history = await owner.json<{ items: { action: string; before: unknown; after: unknown }[] }>(
      'GET',
      `/api/history/project/${projectId}`,
    );
    expect(history.items[0]).toMatchObject({
      action: 'member.remove',
      before: { userId: guest.id, role: 'viewer' },
      after: null,
    });
    expect(history.items.filter((entry) => entry.action === 'member.set').length).toBeGreaterThanOrEqual(3);
  });

  it('streams a guest the task changes of the projects they hold a role on, and nothing of the others', async () => {
    const hidden = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Hidden',
      startDate: '2026-01-05',
    });
    const shared = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Shared',
      startDate: '2026-01-05',
    });
    await owner.json('PUT', `/api/projects/${shared.id}/members/${guest.id}`, { role: 'viewer' }, 201);
    const stream = await openEventStream(
      `${t.url}/api/events?workspaceId=${workspaceId}`,
      guest.readHeaders(),
    );
    try {
      await stream.waitFor((event) => event.event === 'ready');
      const secret = await owner.json<{ id: string }>('POST', `/api/projects/${hidden.id}/tasks`, {
        name: 'Secret',
      });
      const open = await owner.json<{ id: string }>('POST', `/api/projects/${shared.id}/tasks`, {
        name: 'Open',
      });
      const event = await stream.waitFor((e) => e.event === 'change' && e.data.includes(open.id));
      expect(JSON.parse(event.data)).toMatchObject({
        entityType: 'task',
        action: 'create',
        projectId: shared.id,
      });
      expect(stream.events.some((e) => e.data.includes(secret.id) || e.data.includes(hidden.id))).toBe(false);
    } finally {
      stream.close();
    }
  });

  it('works the same way on products and programs', async () => {
    const product = await member.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, {
      name: 'Member product',
    });
    expect(
      (await member.json<{ items: Member[] }>('GET', `/api/products/${product.id}/members`)).items,
    ).toMatchObject([{ user: { id: member.id }, role: 'product_manager' }]);
    const program = await member.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/programs`, {
      name: 'Member program',
    });
    await member.json('PUT', `/api/programs/${program.id}/members/${guest.id}`, { role: 'viewer' }, 201);
    expect((await guest.request('GET', `/api/programs/${program.id}`)).status).toBe(200);
  });
});

describe('the member list of an entity', () => {
  interface MemberPage {
    items: Member[];
    nextCursor: string | null;
  }
  let productId: string;
  let people: Caller[];
  const list = (caller: Caller, query: string) =>
    caller.json<MemberPage>('GET', `/api/products/${productId}/members?${query}`);
  const names = (page: MemberPage) => page.items.map((entry) => entry.user.name);

  beforeAll(async () => {
    productId = (
      await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, { name: 'Crowded' })
    ).id;
    people = [];
    const roles = ['viewer', 'contributor', 'viewer', 'contributor'];
    for (const [index, name] of ['Dora', 'Abel', 'Cleo', 'Bram'].entries()) {
      const person = await signUp(t, name);
      await addMember(t, workspaceId, person, 'member');
      await owner.json('PUT', `/api/products/${productId}/members/${person.id}`, { role: roles[index] }, 201);
      people.push(person);
    }
    await owner.json('PUT', `/api/products/${productId}/members/${guest.id}`, { role: 'viewer' }, 201);
  });

  it('pages through everyone by name, each page ending in a cursor to the next', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: MemberPage = await list(
        owner,
        `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(page));
      cursor = page.nextCursor;
      pages += 1;
    }
    expect(seen).toEqual(['Abel', 'Bram', 'Cleo', 'Dora', 'Guest', 'Owner']);
    expect(pages).toBe(3);
  });

  it('sorts by role or by name descending, and pages a sort with its own cursor', async () => {
    const byRole = await list(owner, 'sort=role&limit=3');
    expect(byRole.items.map((entry) => entry.role)).toEqual([
      'contributor',
      'contributor',
      'product_manager',
    ]);
    const rest = await list(owner, `sort=role&limit=3&cursor=${encodeURIComponent(byRole.nextCursor ?? '')}`);
    expect(rest.items.map((entry) => entry.role)).toEqual(['viewer', 'viewer', 'viewer']);
    expect(rest.nextCursor).toBeNull();
    expect(names(await list(owner, 'sort=-name'))).toEqual([
      'Owner',
      'Guest',
      'Dora',
      'Cleo',
      'Bram',
      'Abel',
    ]);
  });

  it('finds people by name, and by email only for callers who are shown emails', async () => {
    expect(names(await list(owner, 'q=RA'))).toEqual(['Bram', 'Dora']);
    const cleo = people[2]!;
    expect(names(await list(owner, `q=${encodeURIComponent(cleo.email)}`))).toEqual(['Cleo']);
    expect(names(await list(guest, 'q=ra'))).toEqual(['Bram', 'Dora']);
    expect((await list(guest, `q=${encodeURIComponent(cleo.email)}`)).items).toEqual([]);
  });

  it('refuses an unknown sort, a malformed limit and a cursor of another sort, naming the parameter', async () => {
    const fieldOf = async (query: string) => {
      const response = await owner.request('GET', `/api/products/${productId}/members?${query}`);
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { field?: string } }).error.field;
    };
    expect(await fieldOf('sort=bogus')).toBe('sort');
    expect(await fieldOf('sort=email')).toBe('sort');
    expect(await fieldOf('limit=0')).toBe('limit');
    const byName = await list(owner, 'limit=1');
    expect(await fieldOf(`sort=role&cursor=${encodeURIComponent(byName.nextCursor ?? '')}`)).toBe('cursor');
  });

  it('still answers 404 for a product the caller may not see, whatever the query', async () => {
    const hidden = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, {
      name: 'Hidden',
    });
    const response = await outsider.request('GET', `/api/products/${hidden.id}/members?sort=name&q=a`);
    expect(response.status).toBe(404);
  });
});
