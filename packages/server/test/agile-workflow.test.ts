import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, signUp } from './helpers/domain-world';
import { type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Workflow {
  columns: { key: string; name: string; category: string; wipLimit: number | null }[];
  counts: Record<string, number>;
  version: number;
}

let t: TestServer;
let w: PlanWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t, 'Workflow Owner');
});
afterAll(async () => {
  await t?.close();
});

const workflowOf = (projectId: string) =>
  w.owner.json<Workflow>('GET', `/api/projects/${projectId}/workflow`);
const put = (projectId: string, body: Record<string, unknown>) =>
  send(w.owner, 'PUT', `/api/projects/${projectId}/workflow`, body);

describe('the workflow of a project', () => {
  it('starts with to do, in progress, in review and done, with the tasks counted per column', async () => {
    const projectId = await w.newProject();
    await w.addTask(projectId, { name: 'A' });
    await w.addTask(projectId, { name: 'B', status: 'review' });
    const workflow = await workflowOf(projectId);
    expect(workflow.columns.map((column) => column.key)).toEqual(['todo', 'in_progress', 'review', 'done']);
    expect(workflow.counts).toEqual({ todo: 1, in_progress: 0, review: 1, done: 0 });
  });

  it('renames, reorders, adds columns and sets WIP limits, bumping the project version', async () => {
    const projectId = await w.newProject();
    const before = await workflowOf(projectId);
    const columns = [
      { key: 'todo', name: 'Backlog', category: 'todo', wipLimit: null },
      { key: 'ready', name: 'Ready', category: 'todo', wipLimit: 5 },
      { key: 'in_progress', name: 'Doing', category: 'inProgress', wipLimit: 3 },
      { key: 'review', name: 'In review', category: 'inProgress', wipLimit: 2 },
      { key: 'done', name: 'Done', category: 'done', wipLimit: null },
    ];
    const saved = await put(projectId, { columns, version: before.version });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ columns, version: before.version + 1 });
    expect((await workflowOf(projectId)).columns).toEqual(columns);
    const project = await w.owner.json<{ version: number }>('GET', `/api/projects/${projectId}`);
    expect(project.version).toBe(before.version + 1);
  });

  it('refuses to remove a column that holds tasks, naming how many, and moves them to moveTo', async () => {
    const projectId = await w.newProject();
    const task = await w.addTask(projectId, { name: 'Reviewed', status: 'review' });
    await w.addTask(projectId, { name: 'Also reviewed', status: 'review' });
    const { version, columns } = await workflowOf(projectId);
    const without = columns.filter((column) => column.key !== 'review');
    const refused = await put(projectId, { columns: without, version });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', field: 'moveTo' });
    expect(refused.body.error?.message).toContain('"In review" holds 2 tasks');
    expect(refused.body.count).toBe(2);
    const unknownTarget = await put(projectId, { columns: without, moveTo: 'review', version });
    expect(unknownTarget).toMatchObject({ status: 400, body: { error: { field: 'moveTo' } } });
    const moved = await put(projectId, { columns: without, moveTo: 'in_progress', version });
    expect(moved.status).toBe(200);
    expect((moved.body as unknown as Workflow).counts).toMatchObject({ in_progress: 2 });
    const after = await w.owner.json<{ status: string; version: number }>('GET', `/api/tasks/${task.id}`);
    expect(after).toMatchObject({ status: 'in_progress', version: task.version + 1 });
  });

  it('removes an empty column without moveTo', async () => {
    const projectId = await w.newProject();
    const { version, columns } = await workflowOf(projectId);
    const saved = await put(projectId, { columns: columns.filter((c) => c.key !== 'review'), version });
    expect(saved.status).toBe(200);
  });

  it('marks the tasks of a column done when its category becomes done, and open again when it stops being done', async () => {
    const projectId = await w.newProject();
    const task = await w.addTask(projectId, { name: 'Reviewed', status: 'review' });
    expect(task.completedAt).toBeNull();
    let { version, columns } = await workflowOf(projectId);
    const asDone = columns.map((c) => (c.key === 'review' ? { ...c, category: 'done' } : c));
    version = (await put(projectId, { columns: asDone, version })).body.version as number;
    const done = await w.owner.json<{ completedAt: string | null }>('GET', `/api/tasks/${task.id}`);
    expect(done.completedAt).not.toBeNull();
    ({ columns } = await workflowOf(projectId));
    await put(projectId, {
      columns: asDone.map((c) => (c.key === 'review' ? { ...c, category: 'inProgress' } : c)),
      version,
    });
    const open = await w.owner.json<{ completedAt: string | null }>('GET', `/api/tasks/${task.id}`);
    expect(open.completedAt).toBeNull();
  });

  it.each([
    ['a WIP limit of 0', { wipLimit: 0 }, 'columns.1.wipLimit'],
    ['a negative WIP limit', { wipLimit: -2 }, 'columns.1.wipLimit'],
    ['a fractional WIP limit', { wipLimit: 2.5 }, 'columns.1.wipLimit'],
    ['a WIP limit as text', { wipLimit: 'three' }, 'columns.1.wipLimit'],
    ['a key in capitals', { key: 'IN PROGRESS' }, 'columns.1.key'],
    ['a repeated key', { key: 'todo' }, 'columns.1.key'],
    ['an empty name', { name: '   ' }, 'columns.1.name'],
    ['an unknown category', { category: 'blocked' }, 'columns.1.category'],
  ])('refuses %s with a 400 naming the field', async (_, change, field) => {
    const projectId = await w.newProject();
    const { version, columns } = await workflowOf(projectId);
    const edited = columns.map((c, index) => (index === 1 ? { ...c, ...change } : c));
    const response = await put(projectId, { columns: edited, version });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect((await workflowOf(projectId)).version).toBe(version);
  });

  it('refuses a workflow with no done column, none at all, or an unknown field', async () => {
    const projectId = await w.newProject();
    const { version, columns } = await workflowOf(projectId);
    const noDone = await put(projectId, { columns: columns.filter((c) => c.category !== 'done'), version });
    expect(noDone).toMatchObject({ status: 400, body: { error: { field: 'columns' } } });
    expect((await put(projectId, { columns: [], version })).status).toBe(400);
    const extra = await put(projectId, { columns, version, colour: 'red' });
    expect(extra).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_FIELD' } } });
  });

  it('answers a stale version with 409 and the current workflow, and a missing one with 428', async () => {
    const projectId = await w.newProject();
    const { version, columns } = await workflowOf(projectId);
    await put(projectId, { columns, version });
    const stale = await put(projectId, { columns, version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'VERSION_CONFLICT' },
      current: { version: version + 1 },
    });
    expect((await put(projectId, { columns })).status).toBe(428);
  });

  it('refuses a change by a member without a role (403) and hides the workflow from outsiders (404)', async () => {
    const projectId = await w.newProject();
    const member = await signUp(t, 'Plain Member');
    await addMember(t, w.workspaceId, member, 'member');
    const outsider = await signUp(t, 'Outsider');
    const { version, columns } = await workflowOf(projectId);
    expect((await send(member, 'GET', `/api/projects/${projectId}/workflow`)).status).toBe(200);
    expect(
      (await send(member, 'PUT', `/api/projects/${projectId}/workflow`, { columns, version })).status,
    ).toBe(403);
    expect((await send(outsider, 'GET', `/api/projects/${projectId}/workflow`)).status).toBe(404);
  });

  it('makes a task status that is no column a 400 on the task', async () => {
    const projectId = await w.newProject();
    const task = await w.addTask(projectId, { name: 'Lost' });
    const response = await send(w.owner, 'PATCH', `/api/tasks/${task.id}`, {
      status: 'blocked',
      version: task.version,
    });
    expect(response).toMatchObject({ status: 400, body: { error: { field: 'status' } } });
  });
});

describe('the custom fields of a project', () => {
  const fields = [
    { key: 'team', name: 'Team', type: 'select', options: ['Red', 'Blue'] },
    { key: 'risk', name: 'Risk score', type: 'number' },
  ];

  it('defines fields, lets tasks hold values, and removes the values of a removed field', async () => {
    const projectId = await w.newProject();
    const empty = await w.owner.json<{ fields: unknown[]; version: number }>(
      'GET',
      `/api/projects/${projectId}/custom-fields`,
    );
    expect(empty.fields).toEqual([]);
    const saved = await send(w.owner, 'PUT', `/api/projects/${projectId}/custom-fields`, {
      fields,
      version: empty.version,
    });
    expect(saved).toMatchObject({ status: 200, body: { fields, version: empty.version + 1 } });
    const task = await w.addTask(projectId, { name: 'Valued', customFields: { team: 'Red', risk: 3 } });
    expect(task.customFields).toEqual({ team: 'Red', risk: 3 });
    const trimmed = await send(w.owner, 'PUT', `/api/projects/${projectId}/custom-fields`, {
      fields: fields.slice(1),
      version: empty.version + 1,
    });
    expect(trimmed.status).toBe(200);
    const after = await w.owner.json<{ customFields: Record<string, unknown> }>(
      'GET',
      `/api/tasks/${task.id}`,
    );
    expect(after.customFields).toEqual({ risk: 3 });
  });

  it.each([
    ['a repeated key', [fields[1], fields[1]], 'fields.1.key'],
    ['a select without options', [{ key: 'team', name: 'Team', type: 'select' }], 'fields.0.options'],
    ['options on a number', [{ ...fields[1], options: ['1'] }], 'fields.0.options'],
    ['a key with a space', [{ key: 'my field', name: 'Mine', type: 'text' }], 'fields.0.key'],
    ['an unknown type', [{ key: 'when', name: 'When', type: 'datetime' }], 'fields.0.type'],
  ])('refuses %s', async (_, bad, field) => {
    const projectId = await w.newProject();
    const { version } = await w.owner.json<{ version: number }>(
      'GET',
      `/api/projects/${projectId}/custom-fields`,
    );
    const response = await send(w.owner, 'PUT', `/api/projects/${projectId}/custom-fields`, {
      fields: bad,
      version,
    });
    expect(response).toMatchObject({ status: 400, body: { error: { field } } });
  });
});
