import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBaselineRoutes } from '../src/domain/baselines/baseline-routes';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Baseline {
  id: string;
  name: string;
  note: string;
  version: number;
  start: string | null;
  finish: string | null;
  taskCount: number;
  tasks: Record<
    string,
    { start: string; finish: string; durationMinutes: number; workMinutes: number; costCents: number }
  >;
}
interface Variance {
  taskId: string;
  name: string;
  startVariance: number;
  finishVariance: number;
  durationVariance: number;
  workVariance: number;
  costVariance: number;
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: [...domainTestFeatures(), registerBaselineRoutes] });
  owner = await signUp(t, 'Planner');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

/** A project starting Monday 2026-03-02 with two one-day tasks. */
async function twoTaskProject() {
  const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
    name: 'Baselined',
    startDate: '2026-03-02',
  });
  const design = await owner.json<{ id: string; version: number }>(
    'POST',
    `/api/projects/${project.id}/tasks`,
    {
      name: 'Design',
      durationMinutes: 480,
    },
  );
  const build = await owner.json<{ id: string; version: number }>(
    'POST',
    `/api/projects/${project.id}/tasks`,
    {
      name: 'Build',
      durationMinutes: 960,
    },
  );
  return { projectId: project.id, design, build };
}

describe('baselines', () => {
  it('saves the current schedule under a name and lists it', async () => {
    const { projectId, build } = await twoTaskProject();
    const saved = await owner.json<Baseline>(
      'POST',
      `/api/projects/${projectId}/baselines`,
      { name: 'Approved plan', note: 'Signed off by the board' },
      201,
    );
    expect(saved).toMatchObject({ name: 'Approved plan', note: 'Signed off by the board', taskCount: 2 });
    expect(saved.tasks[build.id]).toEqual({
      start: '2026-03-02T08:00',
      finish: '2026-03-03T17:00',
      durationMinutes: 960,
      workMinutes: 0,
      costCents: 0,
    });
    expect(saved.start).toBe('2026-03-02T08:00');
    expect(saved.finish).toBe('2026-03-03T17:00');
    const { items } = await owner.json<{ items: Baseline[] }>('GET', `/api/projects/${projectId}/baselines`);
    expect(items.map((item) => item.name)).toEqual(['Approved plan']);
    expect(await owner.json<Baseline>('GET', `/api/baselines/${saved.id}`)).toEqual(saved);
  });

  it('reports the variance of a task whose duration grew after the baseline', async () => {
    const { projectId, design, build } = await twoTaskProject();
    const baseline = await owner.json<Baseline>(
      'POST',
      `/api/projects/${projectId}/baselines`,
      { name: 'Before' },
      201,
    );
    await owner.json('PATCH', `/api/tasks/${build.id}`, { durationMinutes: 1920, version: build.version });
    const { items } = await owner.json<{ items: Variance[] }>(
      'GET',
      `/api/baselines/${baseline.id}/variances`,
    );
    const byName = new Map(items.map((item) => [item.name, item]));
    expect(byName.get('Build')).toMatchObject({
      taskId: build.id,
      startVariance: 0,
      finishVariance: 960,
      durationVariance: 960,
    });
    expect(byName.get('Design')).toMatchObject({
      taskId: design.id,
      startVariance: 0,
      finishVariance: 0,
      durationVariance: 0,
    });
  });

  it('compares two baselines task by task in working minutes', async () => {
    const { projectId, build } = await twoTaskProject();
    const first = await owner.json<Baseline>(
      'POST',
      `/api/projects/${projectId}/baselines`,
      { name: 'First' },
      201,
    );
    await owner.json('PATCH', `/api/tasks/${build.id}`, { durationMinutes: 480, version: build.version });
    const second = await owner.json<Baseline>(
      'POST',
      `/api/projects/${projectId}/baselines`,
      { name: 'Second' },
      201,
    );
    const comparison = await owner.json<{
      items: { taskId: string; a: unknown; b: unknown; finishDifference: number }[];
    }>('GET', `/api/baselines/compare?a=${first.id}&b=${second.id}`);
    const item = comparison.items.find((entry) => entry.taskId === build.id);
    expect(item).toMatchObject({
      a: { start: '2026-03-02T08:00', finish: '2026-03-03T17:00' },
      b: { start: '2026-03-02T08:00', finish: '2026-03-02T17:00' },
      startDifference: 0,
      finishDifference: -480,
    });
  });

  it('refuses to compare baselines of two projects', async () => {
    const one = await twoTaskProject();
    const two = await twoTaskProject();
    const a = await owner.json<Baseline>(
      'POST',
      `/api/projects/${one.projectId}/baselines`,
      { name: 'A' },
      201,
    );
    const b = await owner.json<Baseline>(
      'POST',
      `/api/projects/${two.projectId}/baselines`,
      { name: 'B' },
      201,
    );
    const response = await owner.request('GET', `/api/baselines/compare?a=${a.id}&b=${b.id}`);
    expect(response.status).toBe(400);
  });

  it('deletes a baseline at its version, refusing a stale one', async () => {
    const { projectId } = await twoTaskProject();
    const baseline = await owner.json<Baseline>(
      'POST',
      `/api/projects/${projectId}/baselines`,
      { name: 'Doomed' },
      201,
    );
    const stale = await owner.request('DELETE', `/api/baselines/${baseline.id}`, {
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(409);
    const done = await owner.request('DELETE', `/api/baselines/${baseline.id}`, {
      headers: { 'if-match': '"1"' },
    });
    expect(done.status).toBe(204);
    expect((await owner.request('GET', `/api/baselines/${baseline.id}`)).status).toBe(404);
  });

  it('hides the baselines of a project from someone who may not see it', async () => {
    const { projectId } = await twoTaskProject();
    const baseline = await owner.json<Baseline>(
      'POST',
      `/api/projects/${projectId}/baselines`,
      { name: 'Private' },
      201,
    );
    const stranger = await signUp(t, 'Stranger');
    expect((await stranger.request('GET', `/api/baselines/${baseline.id}`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/projects/${projectId}/baselines`)).status).toBe(404);
  });
});
