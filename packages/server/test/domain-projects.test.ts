import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Project {
  id: string;
  name: string;
  programId: string | null;
  productId: string | null;
  startDate: string;
  statusDate: string | null;
  calendar: { minutesPerDay: number; minutesPerWeek: number; daysPerMonth: number; workingDays: number[] };
  version: number;
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Project Owner');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

const createProject = (body: Record<string, unknown>, ws = workspaceId) =>
  owner.json<Project>('POST', `/api/workspaces/${ws}/projects`, body, 201);

describe('projects', () => {
  it('creates a project with the default calendar and links to a program and a product', async () => {
    const program = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/programs`, {
      name: 'Growth',
      objective: 'Double revenue',
    });
    const product = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, {
      name: 'Atlas',
    });
    const project = await createProject({
      name: 'Launch',
      startDate: '2026-03-02',
      programId: program.id,
      productId: product.id,
    });
    expect(project).toMatchObject({
      programId: program.id,
      productId: product.id,
      startDate: '2026-03-02',
      statusDate: null,
      calendar: { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20, workingDays: [1, 2, 3, 4, 5] },
      version: 1,
    });
    const byProgram = await owner.json<{ items: Project[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/projects?programId=${program.id}`,
    );
    expect(byProgram.items.map((p) => p.id)).toEqual([project.id]);
  });

  it('merges calendar changes into the current settings', async () => {
    const project = await createProject({
      name: 'Calendar',
      startDate: '2026-03-02',
      calendar: { minutesPerDay: 450 },
    });
    const updated = await owner.json<Project>('PATCH', `/api/projects/${project.id}`, {
      calendar: { workingDays: [1, 2, 3, 4] },
      version: 1,
    });
    expect(updated.calendar).toEqual({
      minutesPerDay: 450,
      minutesPerWeek: 2400,
      daysPerMonth: 20,
      workingDays: [1, 2, 3, 4],
    });
  });

  it('rejects impossible dates, a status date before the start and a repeated working day', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', startDate: '2026-02-30' }, 'startDate'],
      [{ name: 'x', startDate: '2026-03-02', statusDate: '2026-03-01' }, 'statusDate'],
      [{ name: 'x', startDate: '2026-03-02', calendar: { workingDays: [1, 1] } }, 'calendar.workingDays'],
      [{ name: 'x', startDate: '2026-03-02', calendar: { minutesPerDay: 0 } }, 'calendar.minutesPerDay'],
      [{ name: 'x' }, 'startDate'],
    ];
    for (const [body, field] of cases) {
      const response = await owner.request('POST', `/api/workspaces/${workspaceId}/projects`, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
    }
  });

  it('refuses a link to a program of another workspace', async () => {
    const elsewhere = await createWorkspace(t, owner, 'Elsewhere');
    const program = await owner.json<{ id: string }>('POST', `/api/workspaces/${elsewhere}/programs`, {
      name: 'X',
    });
    const response = await owner.request('POST', `/api/workspaces/${workspaceId}/projects`, {
      body: { name: 'x', startDate: '2026-03-02', programId: program.id },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field: 'programId' } });
  });

  it('unlinks its projects when a product is deleted, as versioned and audited updates', async () => {
    const product = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, {
      name: 'Doomed',
    });
    const project = await createProject({ name: 'Survivor', startDate: '2026-03-02', productId: product.id });
    await owner.json('DELETE', `/api/products/${product.id}`, { version: 1 });
    const after = await owner.json<Project>('GET', `/api/projects/${project.id}`);
    expect(after).toMatchObject({ productId: null, version: 2 });
    const history = await owner.json<{ items: { action: string; before: Project; after: Project }[] }>(
      'GET',
      `/api/history/project/${project.id}`,
    );
    expect(history.items[0]).toMatchObject({
      action: 'update',
      before: { productId: product.id },
      after: { productId: null },
    });
  });

  it('deletes a project with its tasks, and each task keeps a history that ends in its deletion', async () => {
    const project = await createProject({ name: 'Short-lived', startDate: '2026-03-02' });
    const parent = await owner.json<{ id: string }>('POST', `/api/projects/${project.id}/tasks`, {
      name: 'Parent',
    });
    const child = await owner.json<{ id: string }>('POST', `/api/projects/${project.id}/tasks`, {
      name: 'Child',
      parentId: parent.id,
    });
    await owner.json('DELETE', `/api/projects/${project.id}`, { version: 1 }, 204);
    expect((await owner.request('GET', `/api/tasks/${child.id}`)).status).toBe(404);
    expect((await owner.request('GET', `/api/projects/${project.id}/tasks`)).status).toBe(404);
    const history = await owner.json<{ items: { action: string }[] }>('GET', `/api/history/task/${child.id}`);
    expect(history.items.map((entry) => entry.action)).toEqual(['delete', 'create']);
  });

  it('sorts by start date and filters by name', async () => {
    const ws = await createWorkspace(t, owner, 'Sorting');
    await createProject({ name: 'Late', startDate: '2026-09-01' }, ws);
    await createProject({ name: 'Early', startDate: '2026-01-05' }, ws);
    await createProject({ name: 'Middle', startDate: '2026-05-04' }, ws);
    const sorted = await owner.json<{ items: Project[] }>(
      'GET',
      `/api/workspaces/${ws}/projects?sort=startDate`,
    );
    expect(sorted.items.map((p) => p.name)).toEqual(['Early', 'Middle', 'Late']);
    const filtered = await owner.json<{ items: Project[] }>('GET', `/api/workspaces/${ws}/projects?q=mid`);
    expect(filtered.items.map((p) => p.name)).toEqual(['Middle']);
  });
});
