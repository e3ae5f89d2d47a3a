import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { send } from './helpers/plan-world';
import { createProduct, handoffWorld, insertFeature, insertInitiative } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Task {
  id: string;
  name: string;
  featureId: string | null;
  version: number;
}

let t: TestServer;
let owner: Caller;
let manager: Caller;
let workspaceId: string;
let product: { id: string; workspaceId: string };
let projectId: string;
let initiative: string;
let inScope: string;
let featureTask: Task;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  ({ owner, manager, product, workspaceId } = await handoffWorld(t, 'Feature link'));
  inScope = await insertFeature(t, product, 'Route planner');
  initiative = await insertInitiative(t, product, 'Navigation', [inScope]);
  const started = await owner.json<{ project: { id: string }; tasks: { id: string }[] }>(
    'POST',
    `/api/initiatives/${initiative}/start-project`,
    { name: 'Navigation delivery', projectManagerId: manager.id, startDate: '2026-03-02' },
    201,
  );
  projectId = started.project.id;
  featureTask = await manager.json<Task>('GET', `/api/tasks/${started.tasks[0]!.id}`);
});
afterAll(async () => {
  await t?.close();
});

const versionOf = async (taskId: string) => (await manager.json<Task>('GET', `/api/tasks/${taskId}`)).version;

describe('the feature a task delivers', () => {
  it('shows on the task made by the hand-off and in the project’s task list', async () => {
    expect(featureTask.featureId).toBe(inScope);
    const list = await manager.json<{ items: Task[] }>('GET', `/api/projects/${projectId}/tasks`);
    expect(list.items.find((task) => task.id === featureTask.id)?.featureId).toBe(inScope);
  });

  it('is set when a task is created and changed or cleared by a patch', async () => {
    const created = await manager.json<Task>(
      'POST',
      `/api/projects/${projectId}/tasks`,
      { name: 'Route planner: offline tiles', featureId: inScope, parentId: featureTask.id },
      201,
    );
    expect(created.featureId).toBe(inScope);
    const cleared = await manager.json<Task>('PATCH', `/api/tasks/${created.id}`, {
      featureId: null,
      version: created.version,
    });
    expect(cleared.featureId).toBeNull();
    const again = await manager.json<Task>('PATCH', `/api/tasks/${created.id}`, {
      featureId: inScope,
      version: cleared.version,
    });
    expect(again.featureId).toBe(inScope);
  });

  it('refuses a feature of another product, of another workspace or none at all, naming featureId, and writes nothing', async () => {
    const otherProduct = await createProduct(owner, workspaceId, 'Other');
    const elsewhere = await insertFeature(t, otherProduct, 'Billing');
    const stranger = await signUp(t, 'Feature Stranger');
    const foreignWorkspace = await createWorkspace(t, stranger);
    const foreign = await insertFeature(
      t,
      await createProduct(stranger, foreignWorkspace, 'Foreign'),
      'Foreign feature',
    );
    const before = await versionOf(featureTask.id);
    for (const featureId of [elsewhere, foreign, 'fea_missing']) {
      const patched = await send(manager, 'PATCH', `/api/tasks/${featureTask.id}`, {
        featureId,
        version: before,
      });
      expect(patched.status, featureId).toBe(400);
      expect(patched.body.error?.field).toBe('featureId');
      const created = await send(manager, 'POST', `/api/projects/${projectId}/tasks`, {
        name: 'Stray',
        featureId,
      });
      expect(created.status, featureId).toBe(400);
      expect(created.body.error?.field).toBe('featureId');
    }
    expect(await versionOf(featureTask.id)).toBe(before);
    expect((await sql(t, "select count(*)::int as n from tasks where name = 'Stray'"))[0]?.n).toBe(0);
    expect(
      (await send(manager, 'PATCH', `/api/tasks/${featureTask.id}`, { featureId: 42, version: before })).body
        .error?.field,
    ).toBe('featureId');
  });

  it('refuses a bad feature in a bulk edit and changes none of the tasks', async () => {
    const otherProduct = await createProduct(owner, workspaceId, 'Bulk other');
    const elsewhere = await insertFeature(t, otherProduct, 'Invoices');
    const before = await versionOf(featureTask.id);
    const response = await send(manager, 'POST', `/api/projects/${projectId}/tasks/bulk`, {
      taskIds: [featureTask.id],
      changes: { featureId: elsewhere, priority: 'high' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.field).toBe('featureId');
    expect(await versionOf(featureTask.id)).toBe(before);
  });

  it('links top-level work to a feature outside the initiative, which raises a change request for the product manager', async () => {
    const extra = await insertFeature(t, product, 'Voice guidance');
    const task = await manager.json<Task>(
      'POST',
      `/api/projects/${projectId}/tasks`,
      { name: 'Voice guidance', featureId: extra },
      201,
    );
    expect(task.featureId).toBe(extra);
    const { raised } = await owner.json<{ raised: { title: string }[] }>(
      'POST',
      `/api/initiatives/${initiative}/scope-check`,
    );
    const rows = await sql(
      t,
      "select title from change_requests where project_id = $1 and origin = 'scope_change'",
      [projectId],
    );
    expect([...raised.map((one) => one.title), ...rows.map((row) => row.title)]).toContain(
      'Work added for a feature outside the initiative: "Voice guidance"',
    );
  });
});
