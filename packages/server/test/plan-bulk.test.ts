import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { type PlanTask, type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let w: PlanWorld;
let projectId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t);
  projectId = await w.newProject();
});
afterAll(async () => {
  await t?.close();
});

const get = (task: PlanTask) => w.owner.json<PlanTask>('GET', `/api/tasks/${task.id}`);
const bulk = (body: Record<string, unknown>) =>
  send(w.owner, 'POST', `/api/projects/${projectId}/tasks/bulk`, body);

describe('bulk edit', () => {
  it('applies the same changes to every listed task in one write', async () => {
    const a = await w.addTask(projectId, { name: 'A' });
    const b = await w.addTask(projectId, { name: 'B', status: 'done' });
    const response = await bulk({
      taskIds: [a.id, b.id],
      changes: { priority: 'high', status: 'review', durationMinutes: 960 },
    });
    expect(response.status).toBe(200);
    const items = response.body.items as PlanTask[];
    expect(
      items.map((task) => [task.name, task.priority, task.status, task.durationMinutes, task.version]),
    ).toEqual(
      [
        ['A', 'high', 'review', 960, 2],
        ['B', 'high', 'review', 960, 2],
      ].sort((x, y) => (items[0]?.name === 'A' ? 0 : String(x[0]).localeCompare(String(y[0])))),
    );
    expect((await get(b)).completedAt).toBeNull();
  });

  it('changes nothing when one task fails a rule', async () => {
    const fine = await w.addTask(projectId, { name: 'Fine' });
    const manual = await w.addTask(projectId, {
      name: 'Manual',
      scheduling: 'manual',
      manualStart: '2026-01-05T08:00',
      manualFinish: '2026-01-06T17:00',
    });
    const response = await bulk({
      taskIds: [fine.id, manual.id],
      changes: { manualStart: '2026-01-09T08:00', name: 'Both' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.field).toBe('manualFinish');
    expect((await get(fine)).name).toBe('Fine');
    expect((await get(manual)).name).toBe('Manual');
  });

  it('refuses a task of another project, a stale version and an empty list', async () => {
    const mine = await w.addTask(projectId, { name: 'Mine' });
    const theirs = await w.addTask(await w.newProject({ name: 'Elsewhere' }), { name: 'Theirs' });
    const foreign = await bulk({ taskIds: [mine.id, theirs.id], changes: { priority: 'low' } });
    expect([foreign.status, foreign.body.error?.field]).toEqual([400, 'taskIds']);
    const stale = await bulk({
      taskIds: [mine.id],
      versions: { [mine.id]: 7 },
      changes: { priority: 'low' },
    });
    expect(stale.status).toBe(409);
    expect((await bulk({ taskIds: [], changes: {} })).status).toBe(400);
    expect((await bulk({ taskIds: [mine.id], changes: { colour: 'red' } })).body.error?.field).toBe(
      'changes.colour',
    );
    expect((await get(mine)).priority).toBe('medium');
  });

  it('indents many tasks under one parent', async () => {
    const parent = await w.addTask(projectId, { name: 'Parent' });
    const x = await w.addTask(projectId, { name: 'x' });
    const y = await w.addTask(projectId, { name: 'y' });
    const moved = await bulk({ taskIds: [x.id, y.id], changes: { parentId: parent.id } });
    expect(moved.status).toBe(200);
    expect((await get(x)).parentId).toBe(parent.id);
    const cycle = await bulk({ taskIds: [parent.id], changes: { parentId: x.id } });
    expect([cycle.status, cycle.body.error?.field]).toEqual([400, 'parentId']);
  });
});

describe('bulk delete', () => {
  it('deletes the listed tasks with everything below them, auditing each', async () => {
    const top = await w.addTask(projectId, { name: 'Top' });
    const child = await w.addTask(projectId, { name: 'Child', parentId: top.id });
    const other = await w.addTask(projectId, { name: 'Other' });
    const response = await send(w.owner, 'POST', `/api/projects/${projectId}/tasks/bulk-delete`, {
      taskIds: [top.id, other.id],
    });
    expect(response.status).toBe(200);
    expect(new Set(response.body.deletedIds as string[])).toEqual(new Set([top.id, child.id, other.id]));
    for (const id of [top.id, child.id, other.id]) {
      expect((await send(w.owner, 'GET', `/api/tasks/${id}`)).status).toBe(404);
      const history = await w.owner.json<{ items: { action: string }[] }>('GET', `/api/history/task/${id}`);
      expect(history.items[0]?.action).toBe('delete');
    }
  });

  it('deletes nothing when one listed task is stale', async () => {
    const keep = await w.addTask(projectId, { name: 'Keep' });
    const stale = await w.addTask(projectId, { name: 'Stale' });
    const response = await send(w.owner, 'POST', `/api/projects/${projectId}/tasks/bulk-delete`, {
      taskIds: [keep.id, stale.id],
      versions: { [stale.id]: 2 },
    });
    expect(response.status).toBe(409);
    const left = await sql(t, 'select count(*)::int as n from tasks where id = any($1)', [
      [keep.id, stale.id],
    ]);
    expect(left[0]?.n).toBe(2);
  });
});
