import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCache } from '../src/domain/schedule/plan-cache';
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
const clients = 12;
const rounds = 5;

interface Write {
  sentVersion: number;
  durationMinutes: number;
  status: number;
  resultVersion?: number;
  currentVersion?: number;
}

async function auditedUpdates(taskId: string) {
  const page = await w.owner.json<{ items: { action: string; after: PlanTask | null }[] }>(
    'GET',
    `/api/history/task/${taskId}?limit=200`,
  );
  return page.items.filter((entry) => entry.action === 'update');
}

describe('twelve clients editing one plan at once', () => {
  it('keep every accepted write with its audit entry and revision, refuse stale ones with 409, and a reader following since misses no change', async () => {
    const projectId = await w.newProject({ name: 'Crowded plan' });
    const tasks: PlanTask[] = [];
    for (let k = 0; k < clients / 2; k++) {
      tasks.push(await w.addTask(projectId, { name: `Step ${k}`, durationMinutes: day }));
    }
    // A chain: every accepted duration moves the tasks after it, so the schedule changes with each write.
    for (let k = 0; k + 1 < tasks.length; k++) {
      await w.owner.json(
        'POST',
        `/api/projects/${projectId}/links`,
        { predecessorId: tasks[k]?.id, successorId: tasks[k + 1]?.id },
        201,
      );
    }
    const scheduleOf = () => w.owner.json<Schedule>('GET', `/api/projects/${projectId}/schedule`);
    const since = (revision: number) =>
      w.owner.json<Reply>('GET', `/api/projects/${projectId}/schedule?since=${revision}&shape=columns`);
    const first = await scheduleOf();
    const loads = planCache.stats.fullLoads;

    // A viewer keeps its schedule by applying `since` replies, and checks it against a full read at the same revision.
    let writing = true;
    const revisionsSeen: number[] = [];
    let comparisons = 0;
    const viewer = (async () => {
      let held = first;
      do {
        held = applied(held, await since(held.planRevision));
        revisionsSeen.push(held.planRevision);
        const full = await scheduleOf();
        if (full.planRevision === held.planRevision) {
          expect(held).toEqual(full);
          comparisons += 1;
        }
      } while (writing);
      return applied(held, await since(held.planRevision));
    })();

    // Two clients per task, each reading the version it sends: their writes race, and one in three is stale on purpose.
    const writes = new Map<string, Write[]>(tasks.map((task) => [task.id, []]));
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const task = tasks[client % tasks.length] as PlanTask;
        for (let round = 0; round < rounds; round++) {
          const read = await w.owner.json<PlanTask>('GET', `/api/tasks/${task.id}`);
          const sentVersion = round % 3 === 2 ? read.version - 1 : read.version;
          const durationMinutes = (client * rounds + round + 1) * 60;
          const reply = await send(w.owner, 'PATCH', `/api/tasks/${task.id}`, {
            durationMinutes,
            version: sentVersion,
          });
          const current = reply.body.current as PlanTask | undefined;
          writes.get(task.id)?.push({
            sentVersion,
            durationMinutes,
            status: reply.status,
            ...(reply.status === 200 ? { resultVersion: reply.body.version as number } : {}),
            ...(current ? { currentVersion: current.version } : {}),
          });
        }
      }),
    );
    writing = false;
    const followed = await viewer;
    const last = await scheduleOf();

    let acceptedCount = 0;
    for (const task of tasks) {
      const all = writes.get(task.id) ?? [];
      expect(all.every((write) => write.status === 200 || write.status === 409)).toBe(true);
      const accepted = all
        .filter((write) => write.status === 200)
        .sort((a, b) => a.sentVersion - b.sentVersion);
      acceptedCount += accepted.length;
      // Each accepted write moved the task one version on from the one it was based on, and no two shared a base.
      expect(accepted.map((write) => write.sentVersion)).toEqual(accepted.map((_, i) => task.version + i));
      expect(accepted.map((write) => write.resultVersion)).toEqual(
        accepted.map((write) => write.sentVersion + 1),
      );
      for (const write of all.filter((w) => w.status === 409)) {
        expect(write.currentVersion).toBeGreaterThan(write.sentVersion);
      }
      const final = await w.owner.json<PlanTask>('GET', `/api/tasks/${task.id}`);
      expect(final.version).toBe(task.version + accepted.length);
      expect(final.durationMinutes).toBe(accepted.at(-1)?.durationMinutes ?? day);
      const audited = await auditedUpdates(task.id);
      expect(audited).toHaveLength(accepted.length);
      const byVersion = new Map(audited.map((entry) => [entry.after?.version, entry.after?.durationMinutes]));
      for (const write of accepted) expect(byVersion.get(write.resultVersion)).toBe(write.durationMinutes);
    }
    expect(acceptedCount).toBeGreaterThan(tasks.length);
    expect(acceptedCount).toBeLessThan(clients * rounds);
    // One revision per accepted write, none for a refused one.
    expect(last.planRevision - first.planRevision).toBe(acceptedCount);
    expect(revisionsSeen).toEqual([...revisionsSeen].sort((a, b) => a - b));
    expect(comparisons).toBeGreaterThan(0);
    expect(followed).toEqual(last);
    // Every write was applied to the schedule in memory: a read that saw a revision before its writer's reply was
    // read waited for it rather than loading the whole plan again.
    expect(planCache.stats.fullLoads).toBe(loads);
    // The oracle: the same plan scheduled from scratch.
    planCache.forget(projectId);
    expect(await scheduleOf()).toEqual(last);
  });
});
