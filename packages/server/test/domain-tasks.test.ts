import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Task {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  durationMinutes: number;
  position: number;
  version: number;
}

let t: TestServer;
let owner: Caller;
let projectId: string;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Task Owner');
  workspaceId = await createWorkspace(t, owner);
  projectId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Plan',
      startDate: '2026-01-05',
    })
  ).id;
});
afterAll(async () => {
  await t?.close();
});

const addTask = (body: Record<string, unknown>, project = projectId) =>
  owner.json<Task>('POST', `/api/projects/${project}/tasks`, body, 201);

async function allTasks(query = ''): Promise<Task[]> {
  const page = await owner.json<{ items: Task[] }>(
    'GET',
    `/api/projects/${projectId}/tasks?limit=200${query}`,
  );
  return page.items;
}

describe('tasks', () => {
  it('appends tasks after their siblings and nests them under a parent', async () => {
    const phase = await addTask({ name: 'Phase 1' });
    const first = await addTask({ name: 'Design', parentId: phase.id, durationMinutes: 960 });
    const second = await addTask({ name: 'Build', parentId: phase.id });
    expect(first).toMatchObject({ parentId: phase.id, durationMinutes: 960, position: 1 });
    expect(second.position).toBe(2);
    const children = await allTasks(`&parentId=${phase.id}`);
    expect(children.map((task) => task.name)).toEqual(['Design', 'Build']);
    const top = await allTasks('&parentId=none');
    expect(top.map((task) => task.id)).toContain(phase.id);
    expect(top.map((task) => task.id)).not.toContain(first.id);
  });

  it('places a task between two siblings with a fractional position', async () => {
    const parent = await addTask({ name: 'Ordering' });
    const a = await addTask({ name: 'a', parentId: parent.id });
    await addTask({ name: 'c', parentId: parent.id });
    await addTask({ name: 'b', parentId: parent.id, position: a.position + 0.5 });
    expect((await allTasks(`&parentId=${parent.id}`)).map((task) => task.name)).toEqual(['a', 'b', 'c']);
  });

  it('moves a task under a new parent, last among its new siblings', async () => {
    const from = await addTask({ name: 'From' });
    const to = await addTask({ name: 'To' });
    await addTask({ name: 'Existing', parentId: to.id });
    const moving = await addTask({ name: 'Moving', parentId: from.id });
    const moved = await owner.json<Task>('PATCH', `/api/tasks/${moving.id}`, { parentId: to.id, version: 1 });
    expect(moved).toMatchObject({ parentId: to.id, position: 2, version: 2 });
    const root = await owner.json<Task>('PATCH', `/api/tasks/${moving.id}`, { parentId: null, version: 2 });
    expect(root.parentId).toBeNull();
  });

  it('refuses to move a task under itself or one of its descendants', async () => {
    const top = await addTask({ name: 'Top' });
    const middle = await addTask({ name: 'Middle', parentId: top.id });
    const bottom = await addTask({ name: 'Bottom', parentId: middle.id });
    for (const parentId of [top.id, bottom.id]) {
      const response = await owner.request('PATCH', `/api/tasks/${top.id}`, {
        body: { parentId, version: 1 },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', field: 'parentId' },
      });
    }
    expect((await owner.json<Task>('GET', `/api/tasks/${top.id}`)).version).toBe(1);
  });

  it('moves two tasks under each other at the same moment without a 5xx: one wins, the other is a cycle', async () => {
    for (let round = 0; round < 10; round++) {
      const a = await addTask({ name: `a${round}` });
      const b = await addTask({ name: `b${round}` });
      const [first, second] = await Promise.all([
        owner.request('PATCH', `/api/tasks/${a.id}`, { body: { parentId: b.id, version: 1 } }),
        owner.request('PATCH', `/api/tasks/${b.id}`, { body: { parentId: a.id, version: 1 } }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([200, 400]);
    }
  });

  it('never lets two moves at the same moment close a cycle through other tasks', async () => {
    for (let round = 0; round < 10; round++) {
      const p1 = await addTask({ name: `p1-${round}` });
      const a = await addTask({ name: `a-${round}`, parentId: p1.id });
      const p2 = await addTask({ name: `p2-${round}` });
      const b = await addTask({ name: `b-${round}`, parentId: p2.id });
      const [first, second] = await Promise.all([
        owner.request('PATCH', `/api/tasks/${p1.id}`, { body: { parentId: b.id, version: 1 } }),
        owner.request('PATCH', `/api/tasks/${p2.id}`, { body: { parentId: a.id, version: 1 } }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 400]);
    }
  });

  it('refuses a parent from another project', async () => {
    const other = await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${(await owner.json<{ workspaceId: string }>('GET', `/api/projects/${projectId}`)).workspaceId}/projects`,
      { name: 'Other', startDate: '2026-01-05' },
    );
    const foreign = await addTask({ name: 'Foreign' }, other.id);
    const response = await owner.request('POST', `/api/projects/${projectId}/tasks`, {
      body: { name: 'x', parentId: foreign.id },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field: 'parentId' } });
  });

  it('rejects a negative or fractional duration and a non-finite position', async () => {
    for (const body of [
      { name: 'x', durationMinutes: -1 },
      { name: 'x', durationMinutes: 1.5 },
      { name: 'x', position: '1e999' },
    ]) {
      const response = await owner.request('POST', `/api/projects/${projectId}/tasks`, { body });
      expect(response.status).toBe(400);
    }
    const infinite = await owner.request('POST', `/api/projects/${projectId}/tasks`, {
      body: '{"name":"x","position":1e999}',
    });
    expect(infinite.status).toBe(400);
  });

  it('deletes a task with everything below it, auditing each removed task', async () => {
    const root = await addTask({ name: 'Root' });
    const child = await addTask({ name: 'Child', parentId: root.id });
    const grandchild = await addTask({ name: 'Grandchild', parentId: child.id });
    await owner.json('DELETE', `/api/tasks/${root.id}`, { version: 1 }, 204);
    for (const id of [root.id, child.id, grandchild.id]) {
      expect((await owner.request('GET', `/api/tasks/${id}`)).status).toBe(404);
      const history = await owner.json<{ items: { action: string }[] }>('GET', `/api/history/task/${id}`);
      expect(history.items[0]?.action).toBe('delete');
    }
  });

  it('pages through many tasks without repeating or skipping one', async () => {
    const parent = await addTask({ name: 'Many' });
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await addTask({ name: `n${i}`, parentId: parent.id })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { items: Task[]; nextCursor: string | null } = await owner.json(
        'GET',
        `/api/projects/${projectId}/tasks?parentId=${parent.id}&limit=5${query}`,
      );
      seen.push(...page.items.map((task) => task.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created);
  });

  it('reads a plan of more than 200 tasks in one page, and names the limit when a page asks for more than 10,000', async () => {
    const { id } = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Big plan',
      startDate: '2026-01-05',
    });
    await sql(
      t,
      `insert into tasks (id, name, position, workspace_id, project_id)
       select 'tsk_big' || n, 'Task ' || n, n, $1, $2 from generate_series(1, 450) as n`,
      [workspaceId, id],
    );
    const page = await owner.json<{ items: Task[]; nextCursor: string | null }>(
      'GET',
      `/api/projects/${id}/tasks?limit=10000`,
    );
    expect(page.items).toHaveLength(450);
    expect(page.nextCursor).toBeNull();
    const tooMany = await owner.request('GET', `/api/projects/${id}/tasks?limit=10001`);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('limit');
  });
});
