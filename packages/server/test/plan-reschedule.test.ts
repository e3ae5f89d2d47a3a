import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCache } from '../src/domain/schedule/plan-cache';
import { domainTestFeatures } from './helpers/domain-features';
import { eventually } from './helpers/eventually';
import { type PlanTask, type PlanWorld, planWorld } from './helpers/plan-world';
import type { Schedule } from './helpers/schedule-replies';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let w: PlanWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t);
});
afterAll(async () => {
  await t?.close();
});

describe('the reschedule after writes', () => {
  it('runs on its own after a burst of writes, before anyone reads, and gives the schedule a full load gives', async () => {
    const projectId = await w.newProject({ name: 'Burst' });
    const tasks: PlanTask[] = [];
    for (let k = 0; k < 6; k++)
      tasks.push(await w.addTask(projectId, { name: `Step ${k}`, durationMinutes: 480 }));
    for (let k = 0; k + 1 < tasks.length; k++) {
      await w.owner.json(
        'POST',
        `/api/projects/${projectId}/links`,
        { predecessorId: tasks[k]?.id, successorId: tasks[k + 1]?.id },
        201,
      );
    }
    const scheduleOf = () => w.owner.json<Schedule>('GET', `/api/projects/${projectId}/schedule`);
    await scheduleOf();
    const before = planCache.stats.reschedules;
    await Promise.all(
      tasks.map((task, k) =>
        w.owner.json('PATCH', `/api/tasks/${task.id}`, {
          durationMinutes: 480 * (k + 2),
          version: task.version,
        }),
      ),
    );
    // Nobody has read since the writes: the server reschedules on its own, a few milliseconds after them.
    const after = await eventually(
      async () => planCache.stats.reschedules,
      (count) => count > before,
    );
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeLessThanOrEqual(tasks.length);
    const served = await scheduleOf();
    // Six chained steps of 2 to 7 days: 27 working days from Monday 5 January 2026.
    expect(served.finish.slice(0, 10)).toBe('2026-02-10');
    planCache.forget(projectId);
    expect(await scheduleOf()).toEqual(served);
  });
});
