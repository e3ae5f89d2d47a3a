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

const revision = async (id = projectId) =>
  Number((await sql(t, 'select plan_revision from projects where id = $1', [id]))[0]?.plan_revision);

const patch = (task: PlanTask, changes: Record<string, unknown>) =>
  send(w.owner, 'PATCH', `/api/tasks/${task.id}`, { ...changes, version: task.version });

describe('task fields', () => {
  it('creates a task with every editable field and shows them all back', async () => {
    const sprint = (
      await sql(
        t,
        `insert into sprints (id, workspace_id, project_id, name, start_date, finish_date)
         select 'spr_fields', workspace_id, id, 'Sprint 1', '2026-01-05', '2026-01-16' from projects where id = $1
         returning id`,
        [projectId],
      )
    )[0]?.id as string;
    await sql(t, `update projects set custom_fields = $2 where id = $1`, [
      projectId,
      JSON.stringify([
        { key: 'team', name: 'Team', type: 'select', options: ['red', 'blue'] },
        { key: 'risk', name: 'Risk', type: 'number' },
      ]),
    ]);
    const body = {
      name: 'Pour foundations',
      description: '**Concrete** first',
      durationMinutes: 2400,
      durationUnit: 'weeks',
      elapsed: false,
      scheduling: 'manual',
      manualStart: '2026-01-06T08:00',
      manualFinish: '2026-01-12T17:00:00',
      isMilestone: false,
      constraintType: 'snet',
      constraintDate: '2026-01-06T08:00',
      deadline: '2026-01-30T17:00',
      percentComplete: 40,
      actualStart: '2026-01-06T08:00',
      actualFinish: null,
      workMinutes: 4800,
      taskType: 'fixedWork',
      effortDriven: true,
      active: true,
      fixedCostCents: 125_000,
      storyPoints: 5,
      status: 'in_progress',
      priority: 'high',
      labels: ['site', 'site', 'concrete'],
      customFields: { team: 'red', risk: 3 },
      rank: 7.5,
      sprintId: sprint,
    };
    const task = await w.addTask(projectId, body);
    expect(task).toMatchObject({
      ...body,
      manualFinish: '2026-01-12T17:00',
      labels: ['site', 'concrete'],
      completedAt: null,
      version: 1,
    });
    expect(await w.owner.json('GET', `/api/tasks/${task.id}`)).toEqual(task);
  });

  it('starts a task in the first to-do state of its project', async () => {
    const task = await w.addTask(projectId, { name: 'Defaults' });
    expect(task).toMatchObject({ status: 'todo', priority: 'medium', constraintType: 'asap', labels: [] });
  });

  it('sets completedAt when the status enters a done state and clears it when it leaves', async () => {
    let task = await w.addTask(projectId, { name: 'Ship' });
    const done = await patch(task, { status: 'done' });
    expect(done.status).toBe(200);
    task = done.body as unknown as PlanTask;
    expect(Date.parse(task.completedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const stamp = task.completedAt;
    task = (await patch(task, { name: 'Ship it' })).body as unknown as PlanTask;
    expect(task.completedAt).toBe(stamp);
    task = (await patch(task, { status: 'review' })).body as unknown as PlanTask;
    expect(task.completedAt).toBeNull();
    const created = await w.addTask(projectId, { name: 'Already done', status: 'done' });
    expect(created.completedAt).not.toBeNull();
  });

  it('refuses each invalid field with its name', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ percentComplete: 101 }, 'percentComplete'],
      [{ percentComplete: -1 }, 'percentComplete'],
      [{ durationMinutes: -60 }, 'durationMinutes'],
      [{ durationUnit: 'fortnights' }, 'durationUnit'],
      [{ constraintType: 'mso' }, 'constraintDate'],
      [{ constraintType: 'sometime' }, 'constraintType'],
      [{ constraintDate: '2026-02-30T08:00' }, 'constraintDate'],
      [{ deadline: '2026-01-05' }, 'deadline'],
      [{ deadline: '2026-01-05T08:00Z' }, 'deadline'],
      [{ manualStart: '2026-01-09T08:00', manualFinish: '2026-01-08T08:00' }, 'manualFinish'],
      [{ actualStart: '2026-01-09T08:00', actualFinish: '2026-01-08T08:00' }, 'actualFinish'],
      [{ actualFinish: '2026-01-08T08:00' }, 'actualStart'],
      [{ status: 'nowhere' }, 'status'],
      [{ priority: 'urgent' }, 'priority'],
      [{ storyPoints: -3 }, 'storyPoints'],
      [{ fixedCostCents: 1.5 }, 'fixedCostCents'],
      [{ workMinutes: -1 }, 'workMinutes'],
      [{ labels: [''] }, 'labels.0'],
      [{ customFields: { colour: 'red' } }, 'customFields.colour'],
      [{ customFields: { team: 'green' } }, 'customFields.team'],
      [{ customFields: { risk: 'high' } }, 'customFields.risk'],
      [{ sprintId: 'spr_missing' }, 'sprintId'],
      [{ scheduling: 'later' }, 'scheduling'],
      [{ elapsed: 'yes' }, 'elapsed'],
    ];
    const task = await w.addTask(projectId, { name: 'Target' });
    for (const [changes, field] of cases) {
      const created = await send(w.owner, 'POST', `/api/projects/${projectId}/tasks`, {
        name: 'x',
        ...changes,
      });
      expect([created.status, created.body.error?.field], JSON.stringify(changes)).toEqual([400, field]);
      const updated = await patch(task, changes);
      expect([updated.status, updated.body.error?.field], JSON.stringify(changes)).toEqual([400, field]);
    }
    const unknown = await patch(task, { startDate: '2026-01-05T08:00' });
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'startDate' });
    expect((await w.owner.json<PlanTask>('GET', `/api/tasks/${task.id}`)).version).toBe(1);
  });

  it('refuses a sprint of another project', async () => {
    const other = await w.newProject({ name: 'Other' });
    await sql(
      t,
      `insert into sprints (id, workspace_id, project_id, name, start_date, finish_date)
       select 'spr_other', workspace_id, id, 'Theirs', '2026-01-05', '2026-01-16' from projects where id = $1`,
      [other],
    );
    const task = await w.addTask(projectId, { name: 'Sprinted' });
    const response = await patch(task, { sprintId: 'spr_other' });
    expect(response.status).toBe(400);
    expect(response.body.error?.field).toBe('sprintId');
  });

  it('keeps a constraint date check on the stored type when only the date is cleared', async () => {
    const task = await w.addTask(projectId, {
      name: 'Fixed',
      constraintType: 'mfo',
      constraintDate: '2026-02-06T17:00',
    });
    const cleared = await patch(task, { constraintDate: null });
    expect(cleared.body.error?.field).toBe('constraintDate');
    const asap = await patch(task, { constraintType: 'asap', constraintDate: null });
    expect(asap.status).toBe(200);
  });

  it('bumps the plan revision on every task write and leaves it on a refused one', async () => {
    const projectOfRevisions = await w.newProject({ name: 'Revisions' });
    const start = await revision(projectOfRevisions);
    const task = await w.addTask(projectOfRevisions, { name: 'Counted' });
    expect(await revision(projectOfRevisions)).toBe(start + 1);
    const moved = await send(w.owner, 'PATCH', `/api/tasks/${task.id}`, { durationMinutes: 480, version: 1 });
    expect(moved.status).toBe(200);
    expect(await revision(projectOfRevisions)).toBe(start + 2);
    const refused = await send(w.owner, 'PATCH', `/api/tasks/${task.id}`, {
      percentComplete: 500,
      version: 2,
    });
    expect(refused.status).toBe(400);
    const stale = await send(w.owner, 'PATCH', `/api/tasks/${task.id}`, { durationMinutes: 1, version: 1 });
    expect(stale.status).toBe(409);
    expect(await revision(projectOfRevisions)).toBe(start + 2);
    await send(w.owner, 'DELETE', `/api/tasks/${task.id}`, { version: 2 });
    expect(await revision(projectOfRevisions)).toBe(start + 3);
  });
});
