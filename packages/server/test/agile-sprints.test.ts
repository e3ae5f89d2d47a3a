import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { type PlanTask, type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Sprint {
  id: string;
  name: string;
  state: string;
  points: number;
  taskCount: number;
  capacityPoints: number | null;
  committed: { points: number; taskIds: string[] } | null;
  done: { points: number; taskIds: string[] } | null;
  version: number;
}

let t: TestServer;
let w: PlanWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t, 'Sprint Owner');
});
afterAll(async () => {
  await t?.close();
});

const newSprint = (projectId: string, body: Record<string, unknown> = {}) =>
  w.owner.json<Sprint>(
    'POST',
    `/api/projects/${projectId}/sprints`,
    { name: 'Sprint 1', startDate: '2026-03-02', finishDate: '2026-03-13', ...body },
    201,
  );
const sprintsOf = async (projectId: string) =>
  (await w.owner.json<{ items: Sprint[] }>('GET', `/api/projects/${projectId}/sprints`)).items;
const start = (sprint: Sprint) =>
  send(w.owner, 'POST', `/api/sprints/${sprint.id}/start`, { version: sprint.version });
const complete = (sprint: Sprint, carryOverTo: string) =>
  send(w.owner, 'POST', `/api/sprints/${sprint.id}/complete`, { carryOverTo, version: sprint.version });
const patchTask = (task: PlanTask, changes: Record<string, unknown>) =>
  send(w.owner, 'PATCH', `/api/tasks/${task.id}`, { ...changes, version: task.version });

describe('sprints', () => {
  it('plans a sprint and sums the story points of the tasks moved into it against its capacity', async () => {
    const projectId = await w.newProject();
    const sprint = await newSprint(projectId, { capacityPoints: 10, goal: 'Ship checkout' });
    expect(sprint).toMatchObject({ state: 'planned', points: 0, taskCount: 0, capacityPoints: 10 });
    const a = await w.addTask(projectId, { name: 'A', storyPoints: 5 });
    const b = await w.addTask(projectId, { name: 'B', storyPoints: 8 });
    expect((await patchTask(a, { sprintId: sprint.id })).status).toBe(200);
    expect((await patchTask(b, { sprintId: sprint.id })).status).toBe(200);
    const [listed] = await sprintsOf(projectId);
    expect(listed).toMatchObject({ id: sprint.id, points: 13, taskCount: 2, capacityPoints: 10 });
  });

  it('lists sprints in the order they run, edits and deletes them, returning their tasks to the backlog', async () => {
    const projectId = await w.newProject();
    const later = await newSprint(projectId, {
      name: 'Later',
      startDate: '2026-04-06',
      finishDate: '2026-04-17',
    });
    const sooner = await newSprint(projectId, { name: 'Sooner' });
    expect((await sprintsOf(projectId)).map((s) => s.name)).toEqual(['Sooner', 'Later']);
    const renamed = await send(w.owner, 'PATCH', `/api/sprints/${later.id}`, {
      name: 'Sprint 2',
      capacityPoints: 20,
      version: later.version,
    });
    expect(renamed).toMatchObject({
      status: 200,
      body: { name: 'Sprint 2', capacityPoints: 20, version: 2 },
    });
    const task = await w.addTask(projectId, { name: 'Held', sprintId: sooner.id });
    const removed = await w.owner.request('DELETE', `/api/sprints/${sooner.id}`, {
      headers: { 'if-match': `"${sooner.version}"` },
    });
    expect(removed.status).toBe(204);
    const back = await w.owner.json<PlanTask>('GET', `/api/tasks/${task.id}`);
    expect(back).toMatchObject({ sprintId: null, version: task.version + 1 });
    expect((await sprintsOf(projectId)).map((s) => s.name)).toEqual(['Sprint 2']);
  });

  it('starts a sprint, snapshotting its committed points, and refuses a second active sprint', async () => {
    const projectId = await w.newProject();
    const first = await newSprint(projectId);
    const second = await newSprint(projectId, {
      name: 'Sprint 2',
      startDate: '2026-03-16',
      finishDate: '2026-03-27',
    });
    const task = await w.addTask(projectId, { name: 'Committed', storyPoints: 3, sprintId: first.id });
    await w.addTask(projectId, { name: 'Also', storyPoints: 2, sprintId: first.id });
    const started = await start(first);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ state: 'active', committed: { points: 5 } });
    expect((started.body.committed as { taskIds: string[] }).taskIds).toContain(task.id);
    const again = await start(second);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'CONFLICT' }, activeSprintId: first.id });
    expect(again.body.error?.message).toContain('"Sprint 1" is already active');
    const restart = await start(started.body as unknown as Sprint);
    expect(restart).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
  });

  it('lets only one of two sprints started at the same moment become active', async () => {
    const projectId = await w.newProject();
    const a = await newSprint(projectId, { name: 'A' });
    const b = await newSprint(projectId, { name: 'B' });
    const statuses = (await Promise.all([start(a), start(b)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect((await sprintsOf(projectId)).filter((s) => s.state === 'active')).toHaveLength(1);
  });

  it('completes the active sprint, moving unfinished tasks to the next sprint or the backlog', async () => {
    const projectId = await w.newProject();
    const sprint = await newSprint(projectId);
    const next = await newSprint(projectId, {
      name: 'Sprint 2',
      startDate: '2026-03-16',
      finishDate: '2026-03-27',
    });
    const done = await w.addTask(projectId, { name: 'Done', storyPoints: 5, sprintId: sprint.id });
    const open = await w.addTask(projectId, {
      name: 'Open',
      storyPoints: 3,
      sprintId: sprint.id,
      status: 'in_progress',
    });
    const started = (await start(sprint)).body as unknown as Sprint;
    expect((await patchTask(done, { status: 'done' })).status).toBe(200);
    const completed = await complete(started, next.id);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ state: 'completed', done: { points: 5, taskIds: [done.id] } });
    const carried = await w.owner.json<PlanTask>('GET', `/api/tasks/${open.id}`);
    expect(carried.sprintId).toBe(next.id);
    expect((await w.owner.json<PlanTask>('GET', `/api/tasks/${done.id}`)).sprintId).toBe(sprint.id);

    const third = (await start(next)).body as unknown as Sprint;
    expect(third.committed?.points).toBe(3);
    expect((await complete(third, 'backlog')).status).toBe(200);
    expect((await w.owner.json<PlanTask>('GET', `/api/tasks/${open.id}`)).sprintId).toBeNull();
  });

  it('refuses to complete a sprint that is not active, or to carry work over to a sprint that cannot take it', async () => {
    const projectId = await w.newProject();
    const planned = await newSprint(projectId);
    const notActive = await complete(planned, 'backlog');
    expect(notActive).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(notActive.body.error?.message).toContain('only the active sprint can complete');
    const active = (await start(planned)).body as unknown as Sprint;
    const otherProject = await w.newProject();
    const foreign = await newSprint(otherProject);
    for (const target of [foreign.id, active.id, 'spr_missing']) {
      const response = await complete(active, target);
      expect(response).toMatchObject({ status: 400, body: { error: { field: 'carryOverTo' } } });
    }
    expect((await sprintsOf(projectId))[0]?.state).toBe('active');
    expect(
      (await send(w.owner, 'POST', `/api/sprints/${active.id}/complete`, { version: active.version })).status,
    ).toBe(400);
  });

  it('refuses an active sprint deletion, a stale version, and a missing version', async () => {
    const projectId = await w.newProject();
    const sprint = await newSprint(projectId);
    const active = (await start(sprint)).body as unknown as Sprint;
    const stale = await send(w.owner, 'PATCH', `/api/sprints/${sprint.id}`, {
      name: 'Old',
      version: sprint.version,
    });
    expect(stale).toMatchObject({
      status: 409,
      body: { error: { code: 'VERSION_CONFLICT' }, current: { state: 'active' } },
    });
    const deleting = await send(w.owner, 'DELETE', `/api/sprints/${sprint.id}`, { version: active.version });
    expect(deleting).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect((await send(w.owner, 'POST', `/api/sprints/${sprint.id}/start`)).status).toBe(428);
    expect((await start({ ...active, version: 1 })).status).toBe(409);
  });

  it.each([
    ['a finish before the start', { finishDate: '2026-03-01' }, 'finishDate'],
    ['a sprint longer than a year', { finishDate: '2027-04-01' }, 'finishDate'],
    ['a date that is not a day', { startDate: '2026-02-30' }, 'startDate'],
    ['a negative capacity', { capacityPoints: -1 }, 'capacityPoints'],
    ['an empty name', { name: ' ' }, 'name'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('refuses %s with a 400 naming the field', async (_, change, field) => {
    const projectId = await w.newProject();
    const response = await send(w.owner, 'POST', `/api/projects/${projectId}/sprints`, {
      name: 'Sprint',
      startDate: '2026-03-02',
      finishDate: '2026-03-13',
      ...change,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.field).toBe(field);
  });

  it('refuses a task of another project into a sprint, and an unknown sprint', async () => {
    const projectId = await w.newProject();
    const sprint = await newSprint(projectId);
    const otherProject = await w.newProject();
    const foreign = await w.addTask(otherProject, { name: 'Elsewhere' });
    const response = await patchTask(foreign, { sprintId: sprint.id });
    expect(response).toMatchObject({ status: 400, body: { error: { field: 'sprintId' } } });
    expect((await patchTask(foreign, { sprintId: 'spr_nope' })).status).toBe(400);
  });
});

describe('sprint charts', () => {
  it('draws the burndown and burnup of a sprint from the completion days and the committed points', async () => {
    const projectId = await w.newProject();
    const sprint = await newSprint(projectId, { startDate: '2026-03-02', finishDate: '2026-03-06' });
    const a = await w.addTask(projectId, { name: 'A', storyPoints: 3, sprintId: sprint.id });
    const b = await w.addTask(projectId, { name: 'B', storyPoints: 5, sprintId: sprint.id });
    await w.addTask(projectId, { name: 'C', storyPoints: 2, sprintId: sprint.id });
    const started = (await start(sprint)).body as unknown as Sprint;
    await sql(t, `update tasks set status = 'done', completed_at = '2026-03-03T15:00:00Z' where id = $1`, [
      a.id,
    ]);
    await sql(t, `update tasks set status = 'done', completed_at = '2026-03-05T09:00:00Z' where id = $1`, [
      b.id,
    ]);
    const completed = (await complete(started, 'backlog')).body as unknown as Sprint;
    expect(completed.done?.points).toBe(8);
    const chart = await w.owner.json<{
      series: {
        committed: number;
        days: { date: string; ideal: number; remaining: number; completed: number }[];
      };
    }>('GET', `/api/sprints/${sprint.id}/burndown`);
    expect(chart.series.committed).toBe(10);
    expect(chart.series.days.map((d) => d.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
    ]);
    expect(chart.series.days.map((d) => d.ideal)).toEqual([8, 6, 4, 2, 0]);
    expect(chart.series.days.map((d) => d.remaining)).toEqual([10, 7, 7, 2, 2]);
    expect(chart.series.days.map((d) => d.completed)).toEqual([0, 3, 3, 8, 8]);
  });

  it('reports the velocity of the last completed sprints', async () => {
    const projectId = await w.newProject();
    const points = [
      [5, 3],
      [8, 8],
      [6, 4],
    ];
    for (const [index, [committed, finished]] of points.entries()) {
      const sprint = await newSprint(projectId, { name: `S${index + 1}` });
      const doneTask = await w.addTask(projectId, {
        name: 'done',
        storyPoints: finished,
        sprintId: sprint.id,
      });
      if ((committed ?? 0) > (finished ?? 0)) {
        await w.addTask(projectId, {
          name: 'open',
          storyPoints: (committed ?? 0) - (finished ?? 0),
          sprintId: sprint.id,
        });
      }
      const started = (await start(sprint)).body as unknown as Sprint;
      await patchTask(doneTask, { status: 'done' });
      expect((await complete(started, 'backlog')).status).toBe(200);
    }
    const all = await w.owner.json<{ sprints: { name: string }[]; average: number; sayDoRatio: number }>(
      'GET',
      `/api/projects/${projectId}/velocity`,
    );
    expect(all.sprints.map((s) => s.name)).toEqual(['S1', 'S2', 'S3']);
    expect(all.average).toBe(5);
    const last = await w.owner.json<{ sprints: unknown[]; average: number }>(
      'GET',
      `/api/projects/${projectId}/velocity?count=2`,
    );
    expect(last).toMatchObject({ average: 6 });
    expect((await send(w.owner, 'GET', `/api/projects/${projectId}/velocity?count=0`)).status).toBe(400);
  });

  it('hides the charts of a sprint from someone who cannot see its project', async () => {
    const projectId = await w.newProject();
    const sprint = await newSprint(projectId);
    const other = await planWorld(t, 'Someone Else');
    expect((await send(other.owner, 'GET', `/api/sprints/${sprint.id}/burndown`)).status).toBe(404);
    expect((await send(other.owner, 'GET', `/api/projects/${projectId}/velocity`)).status).toBe(404);
    expect((await send(other.owner, 'POST', `/api/sprints/${sprint.id}/start`, { version: 1 })).status).toBe(
      404,
    );
  });
});
