import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, signUp } from './helpers/domain-world';
import { type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

interface View {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  version: number;
}

let t: TestServer;
let w: PlanWorld;
let projectId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t, 'View Owner');
  projectId = await w.newProject();
});
afterAll(async () => {
  await t?.close();
});

const config = {
  filters: { text: 'checkout', status: ['todo', 'in_progress'], labels: ['ux'] },
  sort: { field: 'priority', direction: 'desc' },
  groupBy: 'sprint',
};
const save = (body: Record<string, unknown>) =>
  send(w.owner, 'POST', `/api/projects/${projectId}/views`, body);

describe('saved views', () => {
  it('saves a view, lists it to a teammate, renames it, replaces its configuration and deletes it', async () => {
    const created = await save({ kind: 'list', name: 'Checkout work', config });
    expect(created).toMatchObject({
      status: 201,
      body: { kind: 'list', name: 'Checkout work', config, version: 1 },
    });
    const view = created.body as unknown as View;
    const teammate = await signUp(t, 'Teammate');
    await addMember(t, w.workspaceId, teammate, 'member');
    const listed = await teammate.json<{ items: View[] }>(
      'GET',
      `/api/projects/${projectId}/views?kind=list`,
    );
    expect(listed.items.map((v) => v.id)).toContain(view.id);
    const boards = await teammate.json<{ items: View[] }>(
      'GET',
      `/api/projects/${projectId}/views?kind=board`,
    );
    expect(boards.items.map((v) => v.id)).not.toContain(view.id);
    expect(
      (await send(teammate, 'PATCH', `/api/views/${view.id}`, { name: 'Mine', version: 1 })).status,
    ).toBe(403);
    const renamed = await send(w.owner, 'PATCH', `/api/views/${view.id}`, {
      name: 'Checkout, by sprint',
      config: { groupBy: 'status' },
      version: 1,
    });
    expect(renamed).toMatchObject({
      status: 200,
      body: { name: 'Checkout, by sprint', config: { groupBy: 'status' } },
    });
    const stale = await send(w.owner, 'PATCH', `/api/views/${view.id}`, { name: 'Again', version: 1 });
    expect(stale).toMatchObject({
      status: 409,
      body: { error: { code: 'VERSION_CONFLICT' }, current: { version: 2 } },
    });
    expect((await send(w.owner, 'DELETE', `/api/views/${view.id}`, { version: 2 })).status).toBe(204);
    expect((await send(w.owner, 'DELETE', `/api/views/${view.id}`, { version: 2 })).status).toBe(404);
  });

  it.each([
    ['an array as configuration', { kind: 'list', name: 'A', config: [1, 2] }, 'config'],
    ['text as configuration', { kind: 'list', name: 'A', config: 'all' }, 'config'],
    ['an unknown kind', { kind: 'calendar', name: 'A', config: {} }, 'kind'],
    ['an empty name', { kind: 'board', name: '', config: {} }, 'name'],
    [
      'a configuration over 16 KB',
      { kind: 'list', name: 'Big', config: { notes: Array(40).fill('x'.repeat(500)) } },
      'config',
    ],
    [
      'a configuration nested too deep',
      { kind: 'list', name: 'Deep', config: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } } },
      'config.a.b.c.d.e.f',
    ],
    [
      'a string over 1000 characters',
      { kind: 'list', name: 'Long', config: { text: 'y'.repeat(1001) } },
      'config.text',
    ],
    ['an unknown field', { kind: 'list', name: 'A', config: {}, shared: true }, 'shared'],
  ])('refuses %s with a 400 naming the field', async (_, body, field) => {
    const response = await save(body);
    expect(response.status).toBe(400);
    expect(response.body.error?.field).toBe(field);
  });

  it('hides the views of a project from outsiders', async () => {
    const outsider = await signUp(t, 'Outsider');
    expect((await send(outsider, 'GET', `/api/projects/${projectId}/views`)).status).toBe(404);
    const created = (await save({ kind: 'board', name: 'Board', config: {} })).body as unknown as View;
    expect(
      (await send(outsider, 'PATCH', `/api/views/${created.id}`, { name: 'x', version: 1 })).status,
    ).toBe(404);
  });
});
