import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

interface ScheduledTask {
  id: string;
  start: string;
  finish: string;
  [field: string]: unknown;
}
interface Schedule {
  planRevision: number;
  start: string;
  finish: string;
  statusDate: string | null;
  cycle: null | { taskIds: string[]; names: string[] };
  tasks: ScheduledTask[];
  criticalPath: string[];
  delta?: boolean;
  since?: number;
  removed?: string[];
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
const scheduleOf = (projectId: string, since?: number | string) =>
  w.owner.json<Schedule>(
    'GET',
    `/api/projects/${projectId}/schedule${since === undefined ? '' : `?since=${since}`}`,
  );

/** What a client does with a delta: replace the changed tasks by id, drop the removed, take the project fields. */
function merged(before: Schedule, delta: Schedule): Schedule {
  const changed = new Map(delta.tasks.map((task) => [task.id, task]));
  const removed = new Set(delta.removed ?? []);
  const { delta: _d, since: _s, removed: _r, tasks: _t, ...project } = delta;
  return {
    ...project,
    tasks: before.tasks.filter((task) => !removed.has(task.id)).map((task) => changed.get(task.id) ?? task),
  };
}

/** A chain Design → Build → Ship and an unlinked Docs task. */
async function chain() {
  const projectId = await w.newProject({ name: 'Delta', startDate: '2026-01-05' });
  const design = await w.addTask(projectId, { name: 'Design', durationMinutes: 2 * day });
  const build = await w.addTask(projectId, { name: 'Build', durationMinutes: 3 * day });
  const ship = await w.addTask(projectId, { name: 'Ship', durationMinutes: day });
  const docs = await w.addTask(projectId, { name: 'Docs', durationMinutes: day });
  for (const [predecessorId, successorId] of [
    [design.id, build.id],
    [build.id, ship.id],
  ]) {
    await w.owner.json(
      'POST',
      `/api/projects/${projectId}/links`,
      { predecessorId, successorId, type: 'FS' },
      201,
    );
  }
  return { projectId, design, build, ship, docs };
}

describe('the schedule since a revision', () => {
  it('holds exactly the tasks an edit moved, and merged into the old schedule gives the new one', async () => {
    const { projectId, design, build, ship, docs } = await chain();
    const before = await scheduleOf(projectId);
    await w.owner.json('PATCH', `/api/tasks/${build.id}`, {
      durationMinutes: 5 * day,
      version: build.version,
    });
    const delta = await scheduleOf(projectId, before.planRevision);
    const after = await scheduleOf(projectId);

    expect(delta.delta).toBe(true);
    expect(delta.since).toBe(before.planRevision);
    expect(delta.planRevision).toBe(after.planRevision);
    expect(delta.removed).toEqual([]);
    // Build and Ship move; Docs keeps its dates but gains slack from the later finish; Design is untouched.
    const old = new Map(before.tasks.map((task) => [task.id, JSON.stringify(task)]));
    const changed = after.tasks
      .filter((task) => old.get(task.id) !== JSON.stringify(task))
      .map((task) => task.id);
    expect(changed).toEqual(expect.arrayContaining([build.id, ship.id, docs.id]));
    expect(changed).not.toContain(design.id);
    expect(delta.tasks.map((task) => task.id).sort()).toEqual(changed.sort());
    expect(merged(before, delta)).toEqual(after);
  });

  it('names the deleted tasks in removed, and merged gives the new schedule', async () => {
    const { projectId, ship } = await chain();
    const before = await scheduleOf(projectId);
    await w.owner.json('DELETE', `/api/tasks/${ship.id}`, { version: ship.version });
    const delta = await scheduleOf(projectId, before.planRevision);
    const after = await scheduleOf(projectId);

    expect(delta.delta).toBe(true);
    expect(delta.removed).toEqual([ship.id]);
    expect(merged(before, delta)).toEqual(after);
  });

  it('is empty when nothing changed since the revision', async () => {
    const { projectId } = await chain();
    const now = await scheduleOf(projectId);
    const delta = await scheduleOf(projectId, now.planRevision);
    expect(delta).toMatchObject({ delta: true, since: now.planRevision, tasks: [], removed: [] });
    expect(delta.finish).toBe(now.finish);
  });

  it('answers the whole schedule marked delta false for a revision it does not know or one in the future', async () => {
    const { projectId } = await chain();
    const now = await scheduleOf(projectId);
    for (const since of [0, now.planRevision + 1]) {
      const full = await scheduleOf(projectId, since);
      const { delta, ...schedule } = full;
      expect(delta).toBe(false);
      expect(schedule).toEqual(now);
    }
  });

  it('answers the whole schedule when tasks were added since', async () => {
    const { projectId } = await chain();
    const before = await scheduleOf(projectId);
    await w.addTask(projectId, { name: 'Launch party', durationMinutes: day });
    const reply = await scheduleOf(projectId, before.planRevision);
    const { delta, ...schedule } = reply;
    expect(delta).toBe(false);
    expect(schedule).toEqual(await scheduleOf(projectId));
  });

  it('refuses a since that is not a non-negative integer with a 400 naming since', async () => {
    const { projectId } = await chain();
    for (const since of ['-1', 'abc', '1.5', '']) {
      const reply = await send(w.owner, 'GET', `/api/projects/${projectId}/schedule?since=${since}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error?.field).toBe('since');
    }
  });
});
