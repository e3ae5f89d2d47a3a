import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';
import { buildTimeWorld, type TimeWorld } from './helpers/time-world';

interface Entry {
  id: string;
  taskId: string;
  taskName: string;
  projectName: string;
  userId: string;
  day: string;
  minutes: number;
  note: string;
  version: number;
}

let t: TestServer;
let w: TimeWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await buildTimeWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const log = (body: Record<string, unknown>, as = () => w.worker) =>
  as().request('POST', '/api/time-entries', { body });

describe('time entries', () => {
  it('logs time on a task and lists it with its task and project names', async () => {
    const response = await log({ taskId: w.taskId, day: '2026-03-03', minutes: 90, note: 'Pouring' });
    expect(response.status).toBe(201);
    const entry = (await response.json()) as Entry;
    expect(entry).toMatchObject({
      taskId: w.taskId,
      taskName: 'Foundations',
      projectName: 'Build',
      userId: w.worker.id,
      day: '2026-03-03',
      minutes: 90,
      note: 'Pouring',
      version: 1,
    });
    const list = await w.worker.json<{ items: Entry[] }>(
      'GET',
      '/api/time-entries?from=2026-03-02&to=2026-03-08',
    );
    expect(list.items.map((item) => item.id)).toContain(entry.id);
  });

  it("sets a task's actual start at the calendar's first working minute of the first day logged", async () => {
    const taskId = await w.task('Starts when logged');
    await w.worker.json('POST', '/api/time-entries', { taskId, day: '2026-03-04', minutes: 60 }, 201);
    const task = await w.worker.json<{ actualStart: string | null }>('GET', `/api/tasks/${taskId}`);
    expect(task.actualStart).toBe('2026-03-04T08:00');
    await w.worker.json('POST', '/api/time-entries', { taskId, day: '2026-03-06', minutes: 60 }, 201);
    expect((await w.worker.json<{ actualStart: string }>('GET', `/api/tasks/${taskId}`)).actualStart).toBe(
      '2026-03-04T08:00',
    );
    await w.worker.json('POST', '/api/time-entries', { taskId, day: '2026-03-03', minutes: 30 }, 201);
    expect((await w.worker.json<{ actualStart: string }>('GET', `/api/tasks/${taskId}`)).actualStart).toBe(
      '2026-03-03T08:00',
    );
  });

  it('bumps the plan revision, so the schedule sees the new actual work', async () => {
    const revision = async () =>
      (await sql(t, 'select plan_revision from projects where id = $1', [w.projectId]))[0]
        ?.plan_revision as number;
    const before = await revision();
    await w.worker.json(
      'POST',
      '/api/time-entries',
      { taskId: w.taskId, day: '2026-03-05', minutes: 30 },
      201,
    );
    expect(await revision()).toBeGreaterThan(before);
  });

  it('answers 404 for time on a task of a project the caller cannot see, and for a task that does not exist', async () => {
    const hidden = await log({ taskId: w.taskId, day: '2026-03-03', minutes: 60 }, () => w.guest);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await log({ taskId: w.taskId, day: '2026-03-03', minutes: 60 }, () => w.outsider)).status).toBe(
      404,
    );
    expect((await log({ taskId: 'tsk_missing', day: '2026-03-03', minutes: 60 })).status).toBe(404);
  });

  it('answers 403 to a member who sees the project but neither contributes to it nor is assigned to the task', async () => {
    const response = await log({ taskId: w.taskId, day: '2026-03-03', minutes: 60 }, () => w.member);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('lets a member log time on a task they are assigned to through their resource', async () => {
    const resource = await w.owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${w.workspaceId}/resources`,
      {
        name: 'Member as resource',
        userId: w.member.id,
      },
    );
    const taskId = await w.task('Assigned to the member');
    await w.manager.json(
      'POST',
      `/api/projects/${w.projectId}/assignments`,
      { taskId, resourceId: resource.id },
      201,
    );
    expect((await log({ taskId, day: '2026-03-03', minutes: 45 }, () => w.member)).status).toBe(201);
  });

  it.each([
    ['negative minutes', { day: '2026-03-03', minutes: -5 }, 'minutes'],
    ['more than a day', { day: '2026-03-03', minutes: 1441 }, 'minutes'],
    ['fractional minutes', { day: '2026-03-03', minutes: 1.5 }, 'minutes'],
    ['a day that does not exist', { day: '2026-02-30', minutes: 60 }, 'day'],
    ['a date-time instead of a day', { day: '2026-03-03T08:00', minutes: 60 }, 'day'],
    ['an unknown field', { day: '2026-03-03', minutes: 60, hours: 1 }, 'hours'],
  ])('refuses %s with a 400 naming the field', async (_, body, field) => {
    const response = await log({ taskId: w.taskId, ...body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
  });

  it('changes and deletes an own entry at its version; a stale version is a 409', async () => {
    const entry = await w.worker.json<Entry>('POST', '/api/time-entries', {
      taskId: w.taskId,
      day: '2026-03-10',
      minutes: 30,
    });
    const updated = await w.worker.json<Entry>('PATCH', `/api/time-entries/${entry.id}`, {
      minutes: 120,
      note: 'Longer',
      version: 1,
    });
    expect(updated).toMatchObject({ minutes: 120, note: 'Longer', version: 2 });
    const stale = await w.worker.request('PATCH', `/api/time-entries/${entry.id}`, {
      body: { minutes: 1, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'VERSION_CONFLICT' },
      current: { minutes: 120 },
    });
    const removed = await w.worker.request('DELETE', `/api/time-entries/${entry.id}`, {
      headers: { 'if-match': '"2"' },
    });
    expect(removed.status).toBe(204);
    const list = await w.worker.json<{ items: Entry[] }>(
      'GET',
      '/api/time-entries?from=2026-03-10&to=2026-03-10',
    );
    expect(list.items.map((item) => item.id)).not.toContain(entry.id);
  });

  it("refuses to let anyone change someone else's entry: 403 for the project manager, 404 for others", async () => {
    const entry = await w.worker.json<Entry>('POST', '/api/time-entries', {
      taskId: w.taskId,
      day: '2026-03-11',
      minutes: 30,
    });
    const byManager = await w.manager.request('PATCH', `/api/time-entries/${entry.id}`, {
      body: { minutes: 1, version: 1 },
    });
    expect(byManager.status).toBe(403);
    const byMember = await w.member.request('DELETE', `/api/time-entries/${entry.id}`, {
      headers: { 'if-match': '"1"' },
    });
    expect(byMember.status).toBe(404);
  });

  it("lets a project manager read the project's entries, and nobody else read another person's", async () => {
    await w.worker.json(
      'POST',
      '/api/time-entries',
      { taskId: w.taskId, day: '2026-03-12', minutes: 15 },
      201,
    );
    const range = 'from=2026-03-01&to=2026-03-31';
    const all = await w.manager.json<{ items: Entry[] }>(
      'GET',
      `/api/time-entries?${range}&projectId=${w.projectId}`,
    );
    expect(all.items.some((item) => item.userId === w.worker.id)).toBe(true);
    const onePerson = await w.manager.json<{ items: Entry[] }>(
      'GET',
      `/api/time-entries?${range}&projectId=${w.projectId}&userId=${w.worker.id}`,
    );
    expect(onePerson.items.every((item) => item.userId === w.worker.id)).toBe(true);
    const byWorker = await w.worker.json<{ items: Entry[] }>(
      'GET',
      `/api/time-entries?${range}&projectId=${w.projectId}`,
    );
    expect(byWorker.items.every((item) => item.userId === w.worker.id)).toBe(true);
    const nosy = await w.member.request('GET', `/api/time-entries?${range}&userId=${w.worker.id}`);
    expect(nosy.status).toBe(403);
    const hidden = await w.guest.request('GET', `/api/time-entries?${range}&projectId=${w.projectId}`);
    expect(hidden.status).toBe(404);
  });

  it('refuses a reversed or over-long range', async () => {
    const reversed = await w.worker.request('GET', '/api/time-entries?from=2026-03-10&to=2026-03-01');
    expect(reversed.status).toBe(400);
    const long = await w.worker.request('GET', '/api/time-entries?from=2026-01-01&to=2027-06-01');
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: { field: 'to' } });
  });

  it('sums the minutes per task and user for the schedule builder', async () => {
    const { actualMinutesByTaskAndUser } = await import('../src/domain/time/actual-minutes');
    const taskId = await w.task('Summed');
    await w.worker.json('POST', '/api/time-entries', { taskId, day: '2026-03-16', minutes: 60 }, 201);
    await w.worker.json('POST', '/api/time-entries', { taskId, day: '2026-03-17', minutes: 45 }, 201);
    await w.manager.json('POST', '/api/time-entries', { taskId, day: '2026-03-17', minutes: 30 }, 201);
    const actual = await actualMinutesByTaskAndUser(t.server.deps.db, w.projectId);
    expect(actual.get(taskId)).toEqual(
      new Map([
        [w.worker.id, 105],
        [w.manager.id, 30],
      ]),
    );
  });

  it("costs a project's logged minutes at the standard rate of each person's resource", async () => {
    const taskId = await w.task('Costed');
    await w.owner.json('POST', `/api/workspaces/${w.workspaceId}/resources`, {
      name: 'Worker as resource',
      userId: w.worker.id,
      standardRateCents: 6000,
    });
    await w.worker.json('POST', '/api/time-entries', { taskId, day: '2026-03-18', minutes: 90 }, 201);
    // The manager is no resource: their time counts as work but costs nothing.
    await w.manager.json('POST', '/api/time-entries', { taskId, day: '2026-03-18', minutes: 30 }, 201);
    const actuals = await w.member.json<{
      items: { taskId: string; actualMinutes: number; actualCostCents: number }[];
    }>('GET', `/api/projects/${w.projectId}/actuals`);
    expect(actuals.items.find((item) => item.taskId === taskId)).toMatchObject({
      actualMinutes: 120,
      actualCostCents: 9000,
    });
    expect((await w.guest.request('GET', `/api/projects/${w.projectId}/actuals`)).status).toBe(404);
  });
});
