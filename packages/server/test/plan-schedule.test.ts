import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCache } from '../src/domain/schedule/plan-cache';
import { computeSchedule } from '../src/domain/schedule/schedule-service';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { type PlanTask, type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

interface ScheduledTask {
  id: string;
  outline: string;
  level: number;
  summary: boolean;
  start: string;
  finish: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  durationMinutes: number;
  percentComplete: number;
  totalSlack: number;
  freeSlack: number;
  critical: boolean;
}
interface Schedule {
  planRevision: number;
  start: string;
  finish: string;
  statusDate: string | null;
  cycle: null | { taskIds: string[]; names: string[] };
  tasks: ScheduledTask[];
  criticalPath: string[];
}

let t: TestServer;
let w: PlanWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const day = 480;
const scheduleOf = (projectId: string) =>
  w.owner.json<Schedule>('GET', `/api/projects/${projectId}/schedule`);
const link = (projectId: string, body: Record<string, unknown>) =>
  w.owner.json('POST', `/api/projects/${projectId}/links`, body, 201);

/** A project on the standard 8-hour week with a holiday on Wednesday 14 January 2026. */
async function projectWithHoliday(): Promise<string> {
  const projectId = await w.newProject({ name: 'Launch', startDate: '2026-01-05' });
  await sql(
    t,
    `update projects set calendar = calendar || $2::jsonb, plan_revision = plan_revision + 1 where id = $1`,
    [projectId, JSON.stringify({ holidays: [{ date: '2026-01-14', name: 'Founders day' }] })],
  );
  return projectId;
}

describe('the schedule', () => {
  it('places a network of FS, SS, FF and SF links with lags over a weekend and a holiday as MS Project does', async () => {
    const projectId = await projectWithHoliday();
    const phase = await w.addTask(projectId, { name: 'Phase' });
    const a = await w.addTask(projectId, { name: 'Design', parentId: phase.id, durationMinutes: 3 * day });
    const b = await w.addTask(projectId, { name: 'Build', parentId: phase.id, durationMinutes: 4 * day });
    const c = await w.addTask(projectId, { name: 'Test', parentId: phase.id, durationMinutes: 2 * day });
    const d = await w.addTask(projectId, { name: 'Docs', durationMinutes: day });
    const e = await w.addTask(projectId, { name: 'Release', durationMinutes: 0, isMilestone: true });
    const f = await w.addTask(projectId, { name: 'Prep', durationMinutes: 2 * day });
    await link(projectId, { predecessorId: a.id, successorId: b.id, type: 'FS', lagMinutes: day });
    await link(projectId, { predecessorId: b.id, successorId: c.id, type: 'SS', lagMinutes: 2 * day });
    await link(projectId, { predecessorId: c.id, successorId: d.id, type: 'FF', lagMinutes: day });
    await link(projectId, { predecessorId: b.id, successorId: e.id, type: 'FS' });
    await link(projectId, { predecessorId: d.id, successorId: e.id, type: 'FS' });
    await link(projectId, { predecessorId: c.id, successorId: f.id, type: 'SF' });

    const schedule = await scheduleOf(projectId);
    const of = (task: PlanTask) => schedule.tasks.find((row) => row.id === task.id) as ScheduledTask;
    expect(schedule.cycle).toBeNull();
    expect(schedule.start).toBe('2026-01-05T08:00');
    expect(schedule.finish).toBe('2026-01-16T17:00');
    // Design: Monday to Wednesday.
    expect(of(a)).toMatchObject({ start: '2026-01-05T08:00', finish: '2026-01-07T17:00', critical: true });
    // Build: a day's lag (Thursday), then Friday, Monday, Tuesday, over the Wednesday holiday, Thursday.
    expect(of(b)).toMatchObject({ start: '2026-01-09T08:00', finish: '2026-01-15T17:00', critical: true });
    // Test: two working days after Build starts (Friday, Monday), then Tuesday and Thursday.
    expect(of(c)).toMatchObject({ start: '2026-01-13T08:00', finish: '2026-01-15T17:00', critical: true });
    // Docs: finishes a day after Test finishes.
    expect(of(d)).toMatchObject({ start: '2026-01-16T08:00', finish: '2026-01-16T17:00', critical: true });
    // Release: a milestone at the latest finish of Build and Docs.
    expect(of(e)).toMatchObject({ start: '2026-01-16T17:00', finish: '2026-01-16T17:00', critical: true });
    // Prep: must finish by Test's start (Tuesday 08:00, the Monday 17:00 before it), so Friday and Monday.
    expect(of(f)).toMatchObject({
      start: '2026-01-09T08:00',
      finish: '2026-01-12T17:00',
      critical: false,
      totalSlack: 3 * day,
      freeSlack: 3 * day,
    });
    expect(of(phase)).toMatchObject({
      summary: true,
      outline: '1',
      level: 1,
      start: '2026-01-05T08:00',
      finish: '2026-01-15T17:00',
      durationMinutes: 8 * day,
    });
    expect([of(a), of(b), of(c), of(d), of(e), of(f)].map((row) => row.outline)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2',
      '3',
      '4',
    ]);
    expect(of(a).level).toBe(2);
    for (const task of [a, b, c, d, e]) expect(schedule.criticalPath).toContain(task.id);
    expect(schedule.criticalPath).not.toContain(f.id);
  });

  it('rolls progress up into the summary, weighted by duration', async () => {
    const projectId = await w.newProject({ name: 'Progress' });
    const phase = await w.addTask(projectId, { name: 'Phase' });
    await w.addTask(projectId, {
      name: 'Half done',
      parentId: phase.id,
      durationMinutes: 2 * day,
      percentComplete: 50,
    });
    await w.addTask(projectId, { name: 'Not begun', parentId: phase.id, durationMinutes: 2 * day });
    const schedule = await scheduleOf(projectId);
    expect(schedule.tasks.find((row) => row.id === phase.id)?.percentComplete).toBe(25);
  });

  it('reports a dependency cycle already in the plan instead of dates', async () => {
    const projectId = await w.newProject({ name: 'Loop' });
    const x = await w.addTask(projectId, { name: 'Xavier', durationMinutes: day });
    const y = await w.addTask(projectId, { name: 'Yolanda', durationMinutes: day });
    await link(projectId, { predecessorId: x.id, successorId: y.id });
    // Written straight to the database, as an old import could have: the API refuses it.
    await sql(
      t,
      `insert into task_links (id, workspace_id, project_id, predecessor_id, successor_id)
       select 'lnk_loop', workspace_id, project_id, $1, $2 from tasks where id = $1`,
      [y.id, x.id],
    );
    await sql(t, 'update projects set plan_revision = plan_revision + 1 where id = $1', [projectId]);
    const schedule = await scheduleOf(projectId);
    expect(schedule.tasks).toEqual([]);
    expect(new Set(schedule.cycle?.taskIds)).toEqual(new Set([x.id, y.id]));
    expect(new Set(schedule.cycle?.names)).toEqual(new Set(['Xavier', 'Yolanda']));
  });

  it('gives the same schedule from the cached engine after an edit as from a full run', async () => {
    const projectId = await projectWithHoliday();
    const created: PlanTask[] = [];
    for (let i = 0; i < 30; i++) {
      const parentId = i % 10 === 0 ? null : created[i - (i % 10)]?.id;
      created.push(
        await w.addTask(projectId, { name: `T${i}`, durationMinutes: (i % 4) * day + 120, parentId }),
      );
    }
    const types = ['FS', 'SS', 'FF', 'SF'];
    for (let i = 2; i < 30; i++) {
      if (i % 10 === 0) continue;
      const from = created[i - 1 - (i % 3 === 0 && i % 10 > 1 ? 1 : 0)] as PlanTask;
      const to = created[i] as PlanTask;
      if (from.id === created[i - (i % 10)]?.id || i % 10 === 1) continue;
      await link(projectId, {
        predecessorId: from.id,
        successorId: to.id,
        type: types[i % 4],
        lagMinutes: (i % 3) * 60,
      });
    }
    await scheduleOf(projectId);
    let task = await w.owner.json<PlanTask>('GET', `/api/tasks/${created[12]?.id}`);
    for (const changes of [
      { durationMinutes: 5 * day },
      { constraintType: 'snet', constraintDate: '2026-01-20T08:00' },
      { percentComplete: 40, name: 'Renamed' },
      { deadline: '2026-01-09T17:00' },
    ]) {
      const loads = planCache.stats.fullLoads;
      const edited = await send(w.owner, 'PATCH', `/api/tasks/${task.id}`, {
        ...changes,
        version: task.version,
      });
      expect(edited.status).toBe(200);
      task = edited.body as unknown as PlanTask;
      const incremental = await scheduleOf(projectId);
      // Served by applying the edit to the cached engine, not by reading the plan again.
      expect(planCache.stats.fullLoads).toBe(loads);
      planCache.forget(projectId);
      const full = await scheduleOf(projectId);
      expect(incremental).toEqual(full);
      // The object other services read is the same schedule as the reply's text.
      expect(await computeSchedule(t.server.deps.db, projectId)).toEqual(full);
    }
    const links = await w.owner.json<{ items: { id: string; version: number }[] }>(
      'GET',
      `/api/projects/${projectId}/links?limit=200`,
    );
    const first = links.items[0] as { id: string; version: number };
    await scheduleOf(projectId);
    const loads = planCache.stats.fullLoads;
    await w.owner.json('PATCH', `/api/links/${first.id}`, { lagMinutes: 3 * day, version: first.version });
    const incremental = await scheduleOf(projectId);
    expect(planCache.stats.fullLoads).toBe(loads);
    planCache.forget(projectId);
    expect(incremental).toEqual(await scheduleOf(projectId));
  });

  it('follows a move in the tree with new outline numbers', async () => {
    const projectId = await w.newProject({ name: 'Moves' });
    const one = await w.addTask(projectId, { name: 'One', durationMinutes: day });
    const two = await w.addTask(projectId, { name: 'Two', durationMinutes: day });
    await scheduleOf(projectId);
    await w.owner.json('PATCH', `/api/tasks/${two.id}`, { parentId: one.id, version: two.version });
    const schedule = await scheduleOf(projectId);
    expect(schedule.tasks.map((row) => [row.outline, row.summary])).toEqual([
      ['1', true],
      ['1.1', false],
    ]);
  });

  it('answers 404 for a project the caller cannot see', async () => {
    const projectId = await w.newProject({ name: 'Private' });
    const stranger = await planWorld(t, 'Stranger');
    const response = await send(stranger.owner, 'GET', `/api/projects/${projectId}/schedule`);
    expect(response.status).toBe(404);
    expect((await send(stranger.owner, 'GET', `/api/projects/${projectId}/plan`)).status).toBe(404);
  });
});

describe('the plan', () => {
  it('returns project, tasks in outline order, links and schedule in one reply, equal to the single reads', async () => {
    const projectId = await w.newProject({ name: 'Whole' });
    const top = await w.addTask(projectId, { name: 'Top', labels: ['x'], storyPoints: 0.1 });
    const later = await w.addTask(projectId, { name: 'Later', durationMinutes: day });
    const child = await w.addTask(projectId, {
      name: 'Child',
      parentId: top.id,
      durationMinutes: day,
      deadline: '2026-01-09T17:00',
    });
    await w.owner.json('PATCH', `/api/tasks/${later.id}`, { status: 'done', version: later.version });
    const made = await w.owner.json<{ id: string }>(
      'POST',
      `/api/projects/${projectId}/links`,
      {
        predecessorId: child.id,
        successorId: later.id,
        lagPercent: 50,
      },
      201,
    );
    const plan = await w.owner.json<{
      project: { id: string };
      planRevision: number;
      tasks: PlanTask[];
      links: { id: string }[];
      schedule: Schedule;
    }>('GET', `/api/projects/${projectId}/plan`);
    expect(plan.project.id).toBe(projectId);
    expect(plan.tasks.map((task) => task.name)).toEqual(['Top', 'Child', 'Later']);
    for (const task of plan.tasks) expect(task).toEqual(await w.owner.json('GET', `/api/tasks/${task.id}`));
    const links = await w.owner.json<{ items: unknown[] }>('GET', `/api/projects/${projectId}/links`);
    expect(plan.links).toEqual(links.items);
    expect(plan.links[0]?.id).toBe(made.id);
    expect(plan.schedule).toEqual(await scheduleOf(projectId));
    expect(plan.schedule.planRevision).toBe(plan.planRevision);
  });
});

describe('project settings', () => {
  it('moves the schedule when the project start or calendar changes', async () => {
    const projectId = await w.newProject({ name: 'Moving start', startDate: '2026-01-05' });
    const task = await w.addTask(projectId, { name: 'Only', durationMinutes: day });
    expect((await scheduleOf(projectId)).tasks[0]?.start).toBe('2026-01-05T08:00');
    const project = await w.owner.json<{ version: number }>('GET', `/api/projects/${projectId}`);
    await w.owner.json('PATCH', `/api/projects/${projectId}`, {
      startDate: '2026-01-10',
      version: project.version,
    });
    // Saturday the 10th: the first working minute is Monday the 12th at 08:00.
    expect((await scheduleOf(projectId)).tasks.find((row) => row.id === task.id)?.start).toBe(
      '2026-01-12T08:00',
    );
    await w.owner.json('PATCH', `/api/projects/${projectId}`, {
      calendar: { workingDays: [0, 1, 2, 3, 4, 5, 6] },
      version: project.version + 1,
    });
    expect((await scheduleOf(projectId)).tasks[0]?.start).toBe('2026-01-10T08:00');
  });
});

describe('resources in the schedule', () => {
  it('counts assigned work and its cost at the resource rate', async () => {
    const projectId = await w.newProject({ name: 'Staffed' });
    const task = await w.addTask(projectId, { name: 'Paint', durationMinutes: 2 * day, fixedCostCents: 500 });
    await sql(
      t,
      `insert into resources (id, workspace_id, name, standard_rate_cents) values ('res_painter', $1, 'Painter', 6000)`,
      [w.workspaceId],
    );
    await sql(
      t,
      `insert into assignments (id, workspace_id, project_id, task_id, resource_id, units)
       values ('asg_paint', $1, $2, $3, 'res_painter', 0.5)`,
      [w.workspaceId, projectId, task.id],
    );
    await sql(t, 'update projects set plan_revision = plan_revision + 1 where id = $1', [projectId]);
    const row = (await scheduleOf(projectId)).tasks.find((scheduled) => scheduled.id === task.id);
    // Half of two days is eight hours of work at 60.00 an hour, plus the fixed 5.00.
    expect(row).toMatchObject({ workMinutes: day, costCents: 8 * 6000 + 500, durationMinutes: 2 * day });
  });
});
