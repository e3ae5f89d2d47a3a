import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, signUp, sql } from './helpers/domain-world';
import { eventually } from './helpers/eventually';
import { send } from './helpers/plan-world';
import { handoffWorld, insertFeature, insertInitiative } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Started {
  project: { id: string };
  tasks: { id: string; name: string; featureId: string }[];
}
interface Raised {
  kind: string;
  changeRequestId: string;
  title: string;
}

let t: TestServer;
let owner: Caller;
let manager: Caller;
let product: { id: string; workspaceId: string };
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  ({ owner, manager, product, workspaceId } = await handoffWorld(t, 'Scope'));
});
afterAll(async () => {
  await t?.close();
});

async function handOff(titles: string[], plannedFinish = '2026-12-31') {
  const features = [];
  for (const title of titles) features.push(await insertFeature(t, product, title));
  const initiative = await insertInitiative(t, product, `Initiative ${titles.join(' ')}`, features, {
    finish: plannedFinish,
  });
  const started = await owner.json<Started>(
    'POST',
    `/api/initiatives/${initiative}/start-project`,
    { name: 'Delivery', projectManagerId: manager.id, startDate: '2026-03-02' },
    201,
  );
  return { initiative, features, started };
}

const check = (initiative: string) =>
  owner.json<{ raised: Raised[] }>('POST', `/api/initiatives/${initiative}/scope-check`);

const scopeRequests = (projectId: string) =>
  sql(
    t,
    "select title, origin, status, requested_by from change_requests where project_id = $1 and origin = 'scope_change' order by number",
    [projectId],
  );

describe('changes of scope on the project side', () => {
  it('raises nothing while the project delivers every feature on time', async () => {
    const { initiative } = await handOff(['Calm']);
    expect((await check(initiative)).raised).toEqual([]);
  });

  it('raises a change request when the task of a feature is removed, once, by itself after the write', async () => {
    const { started } = await handOff(['Offline maps', 'Dark mode']);
    const dark = started.tasks.find((task) => task.name === 'Dark mode')!;
    expect((await send(manager, 'DELETE', `/api/tasks/${dark.id}`, { version: 1 })).status).toBe(204);
    const rows = await eventually(
      () => scopeRequests(started.project.id),
      (found) => found.length > 0,
    );
    expect(rows).toEqual([
      {
        title: 'Feature "Dark mode" dropped from the project',
        origin: 'scope_change',
        status: 'submitted',
        requested_by: manager.id,
      },
    ]);
    // A later check, or another server's, raises it no second time.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await scopeRequests(started.project.id)).toHaveLength(1);
  });

  it('raises a change request for a new top-level task delivering a feature outside the initiative', async () => {
    const { initiative, started } = await handOff(['Sharing']);
    const extra = await insertFeature(t, product, 'Comments');
    const task = await manager.json<{ id: string }>(
      'POST',
      `/api/projects/${started.project.id}/tasks`,
      { name: 'Comments' },
      201,
    );
    await sql(t, 'update tasks set feature_id = $1 where id = $2', [extra, task.id]);
    // The check after the task's creation may or may not have run yet: either it or this one raises the request.
    await check(initiative);
    const rows = await eventually(
      () => scopeRequests(started.project.id),
      (found) => found.length > 0,
    );
    expect(rows.map((row) => row.title)).toEqual([
      'Work added for a feature outside the initiative: "Comments"',
    ]);
    expect((await check(initiative)).raised).toEqual([]);
  });

  it('raises a change request when the finish moves past the planned finish by more than the threshold, and again on a further slip', async () => {
    const { initiative, started } = await handOff(['Trip planner'], '2026-03-10');
    const task = started.tasks[0]!;
    // Five days from 2 March finish on 6 March: before the planned finish.
    expect((await check(initiative)).raised).toEqual([]);
    await manager.json('PATCH', `/api/tasks/${task.id}`, { durationMinutes: 15 * 480, version: 1 });
    const first = await eventually(
      () => scopeRequests(started.project.id),
      (found) => found.length > 0,
    );
    expect(first.map((row) => row.title)).toEqual(['Forecast finish moved to 2026-03-20']);
    await manager.json('PATCH', `/api/tasks/${task.id}`, { durationMinutes: 25 * 480, version: 2 });
    const second = await eventually(
      () => scopeRequests(started.project.id),
      (found) => found.length > 1,
    );
    expect(second.map((row) => row.title)).toEqual([
      'Forecast finish moved to 2026-03-20',
      'Forecast finish moved to 2026-04-03',
    ]);
  });

  it('raises a change request for a project linked to an initiative after its tasks were already being written', async () => {
    const project = await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/projects`,
      { name: 'Standalone', startDate: '2026-03-02' },
      201,
    );
    // Writes while it delivers nothing: the watcher learns it was not handed off and checks nothing.
    await owner.json('POST', `/api/projects/${project.id}/tasks`, { name: 'Groundwork' }, 201);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await scopeRequests(project.id)).toEqual([]);
    const feature = await insertFeature(t, product, 'Audit trail');
    const initiative = await insertInitiative(t, product, 'Compliance', [feature]);
    await owner.json('PATCH', `/api/initiatives/${initiative}`, { projectId: project.id, version: 1 });
    await owner.json('POST', `/api/projects/${project.id}/tasks`, { name: 'More groundwork' }, 201);
    const rows = await eventually(
      () => scopeRequests(project.id),
      (found) => found.length > 0,
    );
    expect(rows.map((row) => row.title)).toEqual(['Feature "Audit trail" dropped from the project']);
  });

  it('answers 404 to a scope check of an initiative the caller may not see', async () => {
    const { initiative } = await handOff(['Private']);
    const stranger = await signUp(t, 'Scope Stranger');
    expect((await send(stranger, 'POST', `/api/initiatives/${initiative}/scope-check`)).status).toBe(404);
  });
});
