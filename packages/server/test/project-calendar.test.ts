import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo';
import { planCache } from '../src/domain/schedule/plan-cache';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let w: PlanWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t, 'Calendar Owner');
});
afterAll(async () => {
  await t?.close();
});

interface Schedule {
  planRevision: number;
  tasks: { id: string; start: string; finish: string }[];
}

describe("a project's working time through the API", () => {
  it('takes holidays, working hours and a status date, and the schedule follows them', async () => {
    // Monday 5 January 2026; a three-day task runs Monday to Wednesday on the standard week.
    const projectId = await w.newProject({ startDate: '2026-01-05' });
    const task = await w.addTask(projectId, { name: 'Survey', durationMinutes: 3 * 480 });
    const before = await w.owner.json<Schedule>('GET', `/api/projects/${projectId}/schedule`);
    expect(before.tasks.find((s) => s.id === task.id)?.finish).toBe('2026-01-07T17:00');

    const project = await w.owner.json<{ version: number }>('GET', `/api/projects/${projectId}`);
    const updated = await w.owner.json<{ statusDate: string; calendar: Record<string, unknown> }>(
      'PATCH',
      `/api/projects/${projectId}`,
      {
        version: project.version,
        statusDate: '2026-01-06',
        calendar: {
          workingHours: [{ start: '07:00', finish: '15:00' }],
          holidays: [{ date: '2026-01-06', name: 'Epiphany' }],
        },
      },
    );
    expect(updated.statusDate).toBe('2026-01-06');
    expect(updated.calendar).toMatchObject({
      workingDays: [1, 2, 3, 4, 5],
      workingHours: [{ start: '07:00', finish: '15:00' }],
      holidays: [{ date: '2026-01-06', name: 'Epiphany' }],
    });

    // Three working days of 07:00–15:00, skipping the Tuesday holiday: Monday, Wednesday, Thursday.
    const after = await w.owner.json<Schedule>('GET', `/api/projects/${projectId}/schedule`);
    expect(after.planRevision).toBeGreaterThan(before.planRevision);
    expect(after.tasks.find((s) => s.id === task.id)).toMatchObject({
      start: '2026-01-05T07:00',
      finish: '2026-01-08T15:00',
    });
  });

  it('derives minutes per day and per week from new working hours, so a day stays one working day', async () => {
    const projectId = await w.newProject();
    const updated = await w.owner.json<{ calendar: Record<string, unknown> }>(
      'PATCH',
      `/api/projects/${projectId}`,
      {
        version: 1,
        calendar: { workingDays: [1, 2, 3, 4], workingHours: [{ start: '08:00', finish: '12:00' }] },
      },
    );
    expect(updated.calendar).toMatchObject({ minutesPerDay: 240, minutesPerWeek: 960 });
  });

  it.each([
    [{ workingHours: [{ start: '13:00', finish: '12:00' }] }, 'calendar.workingHours'],
    [{ workingHours: [{ start: '8am', finish: '12:00' }] }, 'calendar.workingHours'],
    [{ holidays: [{ date: '2026-02-30', name: 'Nope' }] }, 'calendar.holidays'],
    [{ holidays: [{ date: '2026-12-25' }] }, 'calendar.holidays'],
  ])('refuses %o naming %s, and changes nothing', async (calendar, field) => {
    const projectId = await w.newProject();
    const reply = await send(w.owner, 'PATCH', `/api/projects/${projectId}`, { version: 1, calendar });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.field).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
    const project = await w.owner.json<{ version: number; calendar: Record<string, unknown> }>(
      'GET',
      `/api/projects/${projectId}`,
    );
    expect(project.version).toBe(1);
    expect(project.calendar.holidays).toBeUndefined();
  });

  it('leaves other projects on their own working time once one project has changed its own', async () => {
    // Scheduled after the projects above on 07:00–15:00 with a holiday, the demo plans still find their critical chain.
    await loadDemo(t.server.deps.db);
    const demo = await sql(t, 'select id, plan_revision from projects where workspace_id <> $1', [
      w.workspaceId,
    ]);
    expect(demo).toHaveLength(3);
    for (const project of demo) {
      const schedule = await planCache.schedule(t.server.deps.db, project.id, Number(project.plan_revision));
      expect(schedule.criticalPath.length).toBeGreaterThan(5);
    }
  });
});
