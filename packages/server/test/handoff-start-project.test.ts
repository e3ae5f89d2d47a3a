import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, signUp, sql } from './helpers/domain-world';
import { send } from './helpers/plan-world';
import { handoffWorld, insertFeature, insertInitiative } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Started {
  project: { id: string; productId: string; startDate: string; name: string };
  initiative: { id: string; projectId: string; status: string };
  tasks: { id: string; name: string; featureId: string }[];
}
interface Delivery {
  projectId: string;
  progress: number;
  forecastFinish: string | null;
  plannedFinish: string | null;
  health: string;
}

let t: TestServer;
let owner: Caller;
let manager: Caller;
let workspaceId: string;
let product: { id: string; workspaceId: string };

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  ({ owner, manager, workspaceId, product } = await handoffWorld(t, 'Hand-off'));
});
afterAll(async () => {
  await t?.close();
});

const start = (initiativeId: string, body: Record<string, unknown> = {}) =>
  send(owner, 'POST', `/api/initiatives/${initiativeId}/start-project`, {
    name: 'Offline delivery',
    projectManagerId: manager.id,
    startDate: '2026-03-02',
    ...body,
  });

describe('starting a project from an initiative', () => {
  it('creates the project with one task per feature, the manager role and the link back, in one go', async () => {
    const offline = await insertFeature(t, product, 'Offline maps', 'Riders lose signal.');
    const dark = await insertFeature(t, product, 'Dark mode');
    const initiative = await insertInitiative(t, product, 'Go offline', [offline, dark], {
      finish: '2026-04-30',
    });
    const response = await start(initiative);
    expect(response.status).toBe(201);
    const started = response.body as unknown as Started;
    expect(started.project).toMatchObject({
      productId: product.id,
      startDate: '2026-03-02',
      name: 'Offline delivery',
    });
    expect(started.initiative).toMatchObject({ projectId: started.project.id, status: 'in_progress' });
    expect(started.tasks.map((task) => task.featureId).sort()).toEqual([offline, dark].sort());
    const tasks = await manager.json<{
      items: { name: string; parentId: string | null; description: string }[];
    }>('GET', `/api/projects/${started.project.id}/tasks`);
    expect(tasks.items.map((task) => task.name).sort()).toEqual(['Dark mode', 'Offline maps']);
    expect(tasks.items.every((task) => task.parentId === null)).toBe(true);
    const roles = await sql(
      t,
      "select role from entity_members where entity_type = 'project' and entity_id = $1 and user_id = $2",
      [started.project.id, manager.id],
    );
    expect(roles).toEqual([{ role: 'project_manager' }]);
  });

  it('answers 409 for an initiative handed off already', async () => {
    const initiative = await insertInitiative(t, product, 'Twice', [await insertFeature(t, product, 'Once')]);
    expect((await start(initiative)).status).toBe(201);
    const again = await start(initiative);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('CONFLICT');
  });

  it('answers 404 to someone without access to the product and writes nothing', async () => {
    const initiative = await insertInitiative(t, product, 'Hidden', [
      await insertFeature(t, product, 'Secret'),
    ]);
    const guest = await signUp(t, 'Hand-off Guest');
    await addMember(t, workspaceId, guest, 'guest');
    const stranger = await signUp(t, 'Hand-off Stranger');
    for (const caller of [guest, stranger]) {
      const response = await send(caller, 'POST', `/api/initiatives/${initiative}/start-project`, {
        name: 'Nope',
        projectManagerId: caller.id,
        startDate: '2026-03-02',
      });
      expect(response.status).toBe(404);
      expect((await send(caller, 'GET', `/api/initiatives/${initiative}/delivery`)).status).toBe(404);
    }
    const [row] = await sql(t, 'select project_id from initiatives where id = $1', [initiative]);
    expect(row?.project_id).toBeNull();
  });

  it('refuses a bad project manager, start date or name, naming the field, and leaves no project behind', async () => {
    const initiative = await insertInitiative(t, product, 'Careful', [
      await insertFeature(t, product, 'Careful work'),
    ]);
    const outsider = await signUp(t, 'Not A Member');
    const guest = await signUp(t, 'Guest Manager');
    await addMember(t, workspaceId, guest, 'guest');
    const cases = [
      [{ projectManagerId: outsider.id }, 'projectManagerId'],
      [{ projectManagerId: guest.id }, 'projectManagerId'],
      [{ startDate: '2026-13-01' }, 'startDate'],
      [{ name: '   ' }, 'name'],
    ] as const;
    const before = await sql(t, 'select count(*)::int as n from projects');
    for (const [body, field] of cases) {
      const response = await start(initiative, body);
      expect(response.status, field).toBe(400);
      expect(response.body.error?.field).toBe(field);
    }
    expect(await sql(t, 'select count(*)::int as n from projects')).toEqual(before);
  });

  it("shows the project's progress, forecast finish and health on the initiative, and follows a slip", async () => {
    const feature = await insertFeature(t, product, 'Route sharing');
    const initiative = await insertInitiative(t, product, 'Share', [feature], { finish: '2026-03-20' });
    const none = await owner.json<{ delivery: Delivery | null }>(
      'GET',
      `/api/initiatives/${initiative}/delivery`,
    );
    expect(none.delivery).toBeNull();
    const started = (await start(initiative)).body as unknown as Started;
    const first = await owner.json<{ delivery: Delivery }>('GET', `/api/initiatives/${initiative}/delivery`);
    // Five working days from Monday 2 March 2026.
    expect(first.delivery).toMatchObject({
      projectId: started.project.id,
      progress: 0,
      forecastFinish: '2026-03-06',
      plannedFinish: '2026-03-20',
      health: 'on_track',
    });
    const task = started.tasks[0]!;
    await manager.json('PATCH', `/api/tasks/${task.id}`, { durationMinutes: 20 * 480, version: 1 });
    const slipped = await owner.json<{ delivery: Delivery }>(
      'GET',
      `/api/initiatives/${initiative}/delivery`,
    );
    expect(slipped.delivery).toMatchObject({ forecastFinish: '2026-03-27', health: 'late' });
  });

  it("forecasts a release from its features' project work and flags it late after a slip", async () => {
    const feature = await insertFeature(t, product, 'Trip planner');
    const initiative = await insertInitiative(t, product, 'Trips', [feature]);
    const started = (await start(initiative)).body as unknown as Started;
    const release = await owner.json<{ id: string }>(
      'POST',
      `/api/products/${product.id}/releases`,
      { versionName: '3.0.0', targetDate: '2026-03-13', featureIds: [feature] },
      201,
    );
    const before = await owner.json<{ forecast: { forecastDate: string; late: boolean } }>(
      'GET',
      `/api/releases/${release.id}`,
    );
    expect(before.forecast).toMatchObject({ forecastDate: '2026-03-06', late: false });
    await manager.json('PATCH', `/api/tasks/${started.tasks[0]!.id}`, {
      durationMinutes: 15 * 480,
      version: 1,
    });
    const after = await owner.json<{ forecast: { forecastDate: string; late: boolean; slipDays: number } }>(
      'GET',
      `/api/releases/${release.id}`,
    );
    expect(after.forecast).toMatchObject({ forecastDate: '2026-03-20', late: true, slipDays: 7 });
  });
});
