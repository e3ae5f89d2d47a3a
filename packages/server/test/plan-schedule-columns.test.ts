import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type PlanTask, type PlanWorld, planWorld, send } from './helpers/plan-world';
import { applied, type Reply, type Schedule } from './helpers/schedule-replies';
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

const day = 480;
const scheduleOf = (projectId: string) =>
  w.owner.json<Schedule>('GET', `/api/projects/${projectId}/schedule`);
const columnsSince = (projectId: string, since: number) =>
  w.owner.json<Reply>('GET', `/api/projects/${projectId}/schedule?since=${since}&shape=columns`);

/** A phase of six chained tasks, a parallel chain of three, and an unlinked task. */
async function plan() {
  const projectId = await w.newProject({ name: 'Columns', startDate: '2026-01-05' });
  const phase = await w.addTask(projectId, { name: 'Phase' });
  const tasks: PlanTask[] = [];
  for (let k = 0; k < 6; k++) {
    tasks.push(await w.addTask(projectId, { name: `Step ${k}`, parentId: phase.id, durationMinutes: day }));
  }
  for (let k = 0; k < 4; k++)
    tasks.push(await w.addTask(projectId, { name: `Side ${k}`, durationMinutes: 2 * day }));
  const link = (a: PlanTask, b: PlanTask) =>
    w.owner.json('POST', `/api/projects/${projectId}/links`, { predecessorId: a.id, successorId: b.id }, 201);
  for (let k = 0; k < 5; k++) await link(tasks[k] as PlanTask, tasks[k + 1] as PlanTask);
  for (let k = 6; k < 8; k++) await link(tasks[k] as PlanTask, tasks[k + 1] as PlanTask);
  return { projectId, tasks };
}

describe('the schedule since a revision, as columns', () => {
  it('sends only the changed fields, one shared difference for slack, and merged gives the new schedule', async () => {
    const { projectId, tasks } = await plan();
    const before = await scheduleOf(projectId);
    const step = tasks[2] as PlanTask;
    await w.owner.json('PATCH', `/api/tasks/${step.id}`, { durationMinutes: 3 * day, version: step.version });
    const reply = await columnsSince(projectId, before.planRevision);
    const after = await scheduleOf(projectId);

    expect(reply).toMatchObject({ delta: true, shape: 'columns', since: before.planRevision, count: 11 });
    expect(reply.tasks).toBeUndefined();
    expect(Object.keys(reply.columns ?? {})).not.toContain('outline');
    // The three side tasks off the critical chain gain the same two days of slack.
    expect(reply.columns?.totalSlack).toMatchObject({ add: 2 * day });
    expect(applied(before, reply)).toEqual(after);
  });

  it('gives, after any sequence of edits, what a full read gives (seeded edits, some replies two edits behind)', async () => {
    const { projectId, tasks } = await plan();
    const versions = new Map(tasks.map((task) => [task.id, task.version]));
    const edit = fc.record({
      kind: fc.constantFrom('duration', 'progress', 'constraint', 'link', 'unlink'),
      task: fc.nat(tasks.length - 1),
      other: fc.nat(tasks.length - 1),
      amount: fc.integer({ min: 1, max: 5 }),
    });
    const edits = fc.sample(edit, { seed: 7, numRuns: 24 });
    const links = new Map<string, { id: string; version: number }>();
    let held = await scheduleOf(projectId);
    let older = held;
    for (const [n, { kind, task, other, amount }] of edits.entries()) {
      const target = tasks[task] as PlanTask;
      const patch = async (body: Record<string, unknown>) => {
        const next = await w.owner.json<PlanTask>('PATCH', `/api/tasks/${target.id}`, {
          ...body,
          version: versions.get(target.id),
        });
        versions.set(target.id, next.version);
      };
      if (kind === 'duration') await patch({ durationMinutes: amount * day });
      if (kind === 'progress') await patch({ percentComplete: amount * 20 });
      if (kind === 'constraint')
        await patch({ constraintType: 'snet', constraintDate: `2026-01-${10 + amount}T08:00` });
      // Links only point forward in the list, so none makes a cycle.
      const [a, b] = [Math.min(task, other), Math.max(task, other)];
      const key = `${a}>${b}`;
      if (
        kind === 'link' &&
        a !== b &&
        !links.has(key) &&
        !(a < 5 && b === a + 1) &&
        !(a >= 6 && b === a + 1)
      ) {
        const made = await w.owner.json<{ id: string; version: number }>(
          'POST',
          `/api/projects/${projectId}/links`,
          { predecessorId: tasks[a]?.id, successorId: tasks[b]?.id, lagMinutes: amount * 60 },
          201,
        );
        links.set(key, made);
      }
      const gone = [...links.entries()][task % Math.max(1, links.size)];
      if (kind === 'unlink' && gone) {
        await w.owner.json('DELETE', `/api/links/${gone[1].id}`, { version: gone[1].version }, 204);
        links.delete(gone[0]);
      }
      const since = n % 3 === 2 ? older : held;
      const reply = await columnsSince(projectId, since.planRevision);
      const full = await scheduleOf(projectId);
      expect(reply.shape).toBe('columns');
      expect(applied(since, reply)).toEqual(full);
      older = held;
      held = full;
    }
  });

  it('answers as a tasks delta or the whole schedule when tasks were added or the revision is unknown', async () => {
    const { projectId } = await plan();
    const before = await scheduleOf(projectId);
    await w.addTask(projectId, { name: 'Launch party', durationMinutes: day });
    const added = await columnsSince(projectId, before.planRevision);
    expect(added.shape).toBeUndefined();
    expect(added.delta).toBe(false);
    const now = await scheduleOf(projectId);
    const unknown = await columnsSince(projectId, 0);
    const { delta, ...schedule } = unknown;
    expect(delta).toBe(false);
    expect(schedule).toEqual(now);
  });

  it('refuses a shape without since, or a shape it does not know, with a 400 naming shape', async () => {
    const { projectId } = await plan();
    for (const query of ['shape=columns', 'since=1&shape=rows']) {
      const reply = await send(w.owner, 'GET', `/api/projects/${projectId}/schedule?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body.error?.field).toBe('shape');
    }
  });
});
