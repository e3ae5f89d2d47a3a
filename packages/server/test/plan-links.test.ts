import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, sql } from './helpers/domain-world';
import { type PlanTask, type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Link {
  id: string;
  predecessorId: string;
  successorId: string;
  type: string;
  lagMinutes: number;
  lagPercent: number | null;
  version: number;
}

let t: TestServer;
let w: PlanWorld;
let projectId: string;
let design: PlanTask;
let build: PlanTask;
let test: PlanTask;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t);
  projectId = await w.newProject();
  design = await w.addTask(projectId, { name: 'Design', durationMinutes: 480 });
  build = await w.addTask(projectId, { name: 'Build', durationMinutes: 960 });
  test = await w.addTask(projectId, { name: 'Test', durationMinutes: 480 });
});
afterAll(async () => {
  await t?.close();
});

const post = (body: Record<string, unknown>, project = projectId) =>
  send(w.owner, 'POST', `/api/projects/${project}/links`, body);

describe('links', () => {
  it('links two tasks with a type and a lag, lists them and bumps the plan revision', async () => {
    const before = Number(
      (await sql(t, 'select plan_revision from projects where id = $1', [projectId]))[0]?.plan_revision,
    );
    const created = await post({
      predecessorId: design.id,
      successorId: build.id,
      type: 'SS',
      lagMinutes: 240,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      predecessorId: design.id,
      successorId: build.id,
      type: 'SS',
      lagMinutes: 240,
      lagPercent: null,
      version: 1,
    });
    const after = Number(
      (await sql(t, 'select plan_revision from projects where id = $1', [projectId]))[0]?.plan_revision,
    );
    expect(after).toBe(before + 1);
    const list = await w.owner.json<{ items: Link[] }>('GET', `/api/projects/${projectId}/links`);
    expect(list.items.map((link) => link.id)).toEqual([created.body.id]);
  });

  it('refuses a link that closes a cycle, naming its tasks in order', async () => {
    await post({ predecessorId: build.id, successorId: test.id });
    const response = await post({ predecessorId: test.id, successorId: design.id });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'dependency_cycle', field: 'successorId' });
    const message = response.body.error?.message ?? '';
    expect(message).toMatch(/^The link would make a cycle: /);
    const names = message.replace('The link would make a cycle: ', '').split(' → ');
    expect(names[0]).toBe(names.at(-1));
    expect(new Set(names)).toEqual(new Set(['Design', 'Build', 'Test']));
    // Each step of the cycle follows a link: Design → Build → Test → Design, from wherever it starts.
    const ring = ['Design', 'Build', 'Test'];
    for (let i = 0; i + 1 < names.length; i++) {
      expect(ring[(ring.indexOf(names[i] as string) + 1) % 3]).toBe(names[i + 1]);
    }
    const list = await w.owner.json<{ items: Link[] }>('GET', `/api/projects/${projectId}/links`);
    expect(list.items.some((link) => link.predecessorId === test.id)).toBe(false);
  });

  it('refuses a link between a summary and a task below it as a cycle', async () => {
    const summary = await w.addTask(projectId, { name: 'Summary' });
    const inside = await w.addTask(projectId, { name: 'Inside', parentId: summary.id, durationMinutes: 60 });
    const response = await post({ predecessorId: inside.id, successorId: summary.id });
    expect(response.status).toBe(422);
    expect(response.body.error?.code).toBe('dependency_cycle');
  });

  it('refuses the same pair twice with 409', async () => {
    const again = await post({ predecessorId: design.id, successorId: build.id, type: 'FS' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', field: 'successorId' });
  });

  it('refuses a task of another project with 422, and one the caller cannot see with 404', async () => {
    const other = await w.newProject({ name: 'Other' });
    const foreign = await w.addTask(other, { name: 'Foreign' });
    const response = await post({ predecessorId: foreign.id, successorId: design.id });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'INVALID_LINK', field: 'predecessorId' });
    const successor = await post({ predecessorId: design.id, successorId: foreign.id });
    expect(successor.body.error?.field).toBe('successorId');

    const stranger = await planWorld(t, 'Stranger');
    const hidden = await stranger.addTask(await stranger.newProject(), { name: 'Hidden' });
    const invisible = await post({ predecessorId: hidden.id, successorId: design.id });
    expect(invisible.status).toBe(404);
    expect((await post({ predecessorId: 'tsk_missing', successorId: design.id })).status).toBe(404);
  });

  it('refuses every malformed body with the field named', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ predecessorId: design.id, successorId: design.id }, 400, 'successorId'],
      [{ predecessorId: design.id, successorId: test.id, type: 'XX' }, 400, 'type'],
      [{ predecessorId: design.id, successorId: test.id, lagMinutes: 1.5 }, 400, 'lagMinutes'],
      [{ predecessorId: design.id, successorId: test.id, lagMinutes: 60, lagPercent: 50 }, 400, 'lagMinutes'],
      [{ predecessorId: design.id, successorId: test.id, lagPercent: 1e9 }, 400, 'lagPercent'],
      [{ predecessorId: design.id }, 400, 'successorId'],
      [{ predecessorId: design.id, successorId: test.id, colour: 'red' }, 400, 'colour'],
    ];
    for (const [body, status, field] of cases) {
      const response = await post(body);
      expect([response.status, response.body.error?.field], JSON.stringify(body)).toEqual([status, field]);
    }
  });

  it('changes a lag between minutes and percent, and deletes at the expected version', async () => {
    const created = (await post({ predecessorId: design.id, successorId: test.id, lagMinutes: 60 }))
      .body as unknown as Link;
    const percent = await send(w.owner, 'PATCH', `/api/links/${created.id}`, { lagPercent: 25, version: 1 });
    expect(percent.body).toMatchObject({ lagMinutes: 0, lagPercent: 25, version: 2 });
    const minutes = await send(w.owner, 'PATCH', `/api/links/${created.id}`, {
      lagMinutes: -120,
      type: 'FF',
      version: 2,
    });
    expect(minutes.body).toMatchObject({ lagMinutes: -120, lagPercent: null, type: 'FF', version: 3 });
    const stale = await send(w.owner, 'PATCH', `/api/links/${created.id}`, { lagMinutes: 0, version: 2 });
    expect(stale.status).toBe(409);
    expect((await send(w.owner, 'DELETE', `/api/links/${created.id}`, { version: 2 })).status).toBe(409);
    expect((await send(w.owner, 'DELETE', `/api/links/${created.id}`, { version: 3 })).status).toBe(204);
    expect(
      (await send(w.owner, 'PATCH', `/api/links/${created.id}`, { lagMinutes: 0, version: 3 })).status,
    ).toBe(404);
  });

  it('lets a viewer list links but not change them', async () => {
    const viewer = await planWorld(t, 'Viewer');
    await addMember(t, w.workspaceId, viewer.owner, 'member');
    const list = await send(viewer.owner, 'GET', `/api/projects/${projectId}/links`);
    expect(list.status).toBe(200);
    const response = await send(viewer.owner, 'POST', `/api/projects/${projectId}/links`, {
      predecessorId: test.id,
      successorId: build.id,
    });
    expect(response.status).toBe(403);
  });

  it('removes a task’s links with the task', async () => {
    const gone = await w.addTask(projectId, { name: 'Gone' });
    await post({ predecessorId: gone.id, successorId: test.id });
    await send(w.owner, 'DELETE', `/api/tasks/${gone.id}`, { version: 1 });
    const list = await w.owner.json<{ items: Link[] }>('GET', `/api/projects/${projectId}/links?limit=200`);
    expect(list.items.some((link) => link.predecessorId === gone.id)).toBe(false);
  });
});
