import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Resource {
  id: string;
  name: string;
  kind: string;
  userId: string | null;
  calendar: null | {
    workingDays: number[];
    workingHours: { start: string; finish: string }[];
    holidays: { date: string; name: string }[];
    minutesPerDay: number;
  };
  maxUnits: number;
  standardRateCents: number;
  version: number;
}

let t: TestServer;
let owner: Caller;
let member: Caller;
let manager: Caller;
let outsider: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Resource Owner');
  member = await signUp(t, 'Plain Member');
  manager = await signUp(t, 'Project Manager');
  outsider = await signUp(t, 'Outsider');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, member, 'member');
  await addMember(t, workspaceId, manager, 'member');
  // A member who creates a project becomes its manager, and so may staff it with resources.
  await manager.json('POST', `/api/workspaces/${workspaceId}/projects`, {
    name: 'Staffed',
    startDate: '2026-03-02',
  });
});
afterAll(async () => {
  await t?.close();
});

const path = () => `/api/workspaces/${workspaceId}/resources`;

describe('resources', () => {
  it('creates a person with a calendar, units and rates, and reads it back', async () => {
    const created = await owner.json<Resource>(
      'POST',
      path(),
      {
        name: 'Ana Lima',
        kind: 'person',
        userId: member.id,
        calendar: { workingDays: [1, 2, 3, 4], workingHours: [{ start: '09:00', finish: '15:00' }] },
        maxUnits: 0.8,
        standardRateCents: 9000,
        overtimeRateCents: 12000,
        costPerUseCents: 500,
      },
      201,
    );
    expect(created).toMatchObject({
      name: 'Ana Lima',
      userId: member.id,
      maxUnits: 0.8,
      calendar: { workingDays: [1, 2, 3, 4], minutesPerDay: 360, holidays: [] },
      version: 1,
    });
    expect(await owner.json<Resource>('GET', `/api/resources/${created.id}`)).toEqual(created);
    expect(await member.json<Resource>('GET', `/api/resources/${created.id}`)).toEqual(created);
  });

  it('defaults to a full-time person who follows each project calendar', async () => {
    const created = await owner.json<Resource>('POST', path(), { name: 'Default' }, 201);
    expect(created).toMatchObject({
      kind: 'person',
      userId: null,
      calendar: null,
      maxUnits: 1,
      standardRateCents: 0,
    });
  });

  it('lists the workspace resources by name, filtered by kind and text', async () => {
    await owner.json('POST', path(), { name: 'Crane', kind: 'equipment', standardRateCents: 20000 }, 201);
    await owner.json('POST', path(), { name: 'Concrete', kind: 'material', costPerUseCents: 100 }, 201);
    const all = await member.json<{ items: Resource[] }>('GET', `${path()}?limit=200`);
    const names = all.items.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const equipment = await member.json<{ items: Resource[] }>('GET', `${path()}?kind=equipment`);
    expect(equipment.items.map((item) => item.name)).toEqual(['Crane']);
    const found = await member.json<{ items: Resource[] }>('GET', `${path()}?q=conc`);
    expect(found.items.map((item) => item.name)).toEqual(['Concrete']);
  });

  it('lets a project manager add resources but not a plain member (403) nor an outsider (404)', async () => {
    await manager.json('POST', path(), { name: 'Hired by the manager' }, 201);
    const byMember = await member.request('POST', path(), { body: { name: 'Nope' } });
    expect(byMember.status).toBe(403);
    expect(await byMember.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await outsider.request('POST', path(), { body: { name: 'Nope' } })).status).toBe(404);
    expect((await outsider.request('GET', path())).status).toBe(404);
  });

  it('hides a resource from people outside its workspace', async () => {
    const created = await owner.json<Resource>('POST', path(), { name: 'Private' }, 201);
    expect((await outsider.request('GET', `/api/resources/${created.id}`)).status).toBe(404);
    const patch = await outsider.request('PATCH', `/api/resources/${created.id}`, {
      body: { name: 'x', version: 1 },
    });
    expect(patch.status).toBe(404);
  });

  it.each([
    ['negative max units', { name: 'x', maxUnits: -1 }, 'maxUnits'],
    ['zero max units', { name: 'x', maxUnits: 0 }, 'maxUnits'],
    ['a fractional rate', { name: 'x', standardRateCents: 10.5 }, 'standardRateCents'],
    ['a negative cost per use', { name: 'x', costPerUseCents: -1 }, 'costPerUseCents'],
    ['an unknown kind', { name: 'x', kind: 'robot' }, 'kind'],
    ['a weekday out of range', { name: 'x', calendar: { workingDays: [7] } }, 'calendar.workingDays.0'],
    [
      'working hours out of order',
      { name: 'x', calendar: { workingDays: [1], workingHours: [{ start: '12:00', finish: '09:00' }] } },
      'calendar.workingHours',
    ],
    [
      'a holiday that is no date',
      { name: 'x', calendar: { workingDays: [1], holidays: [{ date: '2026-02-30', name: 'x' }] } },
      'calendar.holidays.0.date',
    ],
    ['an empty name', { name: ' ' }, 'name'],
  ])('refuses %s with a 400 naming the field', async (_, body, field) => {
    const response = await owner.request('POST', path(), { body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
  });

  it('refuses a user who is not a member, a user on equipment, and a user who already is a resource', async () => {
    const stranger = await owner.request('POST', path(), { body: { name: 'x', userId: outsider.id } });
    expect(stranger.status).toBe(400);
    expect(await stranger.json()).toMatchObject({ error: { field: 'userId' } });
    const equipment = await owner.request('POST', path(), {
      body: { name: 'x', kind: 'equipment', userId: owner.id },
    });
    expect(equipment.status).toBe(400);
    await owner.json('POST', path(), { name: 'Manager as resource', userId: manager.id }, 201);
    const twice = await owner.request('POST', path(), { body: { name: 'Again', userId: manager.id } });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'CONFLICT', field: 'userId' } });
  });

  it('updates a resource at its version and refuses a stale one with the current state', async () => {
    const created = await owner.json<Resource>('POST', path(), { name: 'Updatable' }, 201);
    const updated = await owner.json<Resource>('PATCH', `/api/resources/${created.id}`, {
      name: 'Updated',
      calendar: { workingDays: [1, 2, 3, 4, 5], holidays: [{ date: '2026-12-25', name: 'Christmas' }] },
      version: 1,
    });
    expect(updated).toMatchObject({ name: 'Updated', version: 2, calendar: { minutesPerDay: 480 } });
    expect(updated.calendar?.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas' }]);
    const stale = await owner.request('PATCH', `/api/resources/${created.id}`, {
      body: { name: 'Late', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'VERSION_CONFLICT' },
      current: { version: 2 },
    });
    const cleared = await owner.json<Resource>('PATCH', `/api/resources/${created.id}`, {
      calendar: null,
      version: 2,
    });
    expect(cleared.calendar).toBeNull();
    const noVersion = await owner.request('PATCH', `/api/resources/${created.id}`, { body: { name: 'x' } });
    expect(noVersion.status).toBe(428);
  });

  it('deletes a resource with its assignments and bumps the plan revision of the projects it worked in', async () => {
    const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Plan',
      startDate: '2026-03-02',
    });
    const task = await owner.json<{ id: string }>('POST', `/api/projects/${project.id}/tasks`, {
      name: 'Dig',
    });
    const doomed = await owner.json<Resource>('POST', path(), { name: 'Doomed' }, 201);
    await owner.json(
      'POST',
      `/api/projects/${project.id}/assignments`,
      { taskId: task.id, resourceId: doomed.id },
      201,
    );
    const revision = async () =>
      (await sql(t, 'select plan_revision from projects where id = $1', [project.id]))[0]
        ?.plan_revision as number;
    const before = await revision();
    expect(
      (await member.request('DELETE', `/api/resources/${doomed.id}`, { headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(403);
    const response = await owner.request('DELETE', `/api/resources/${doomed.id}`, {
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(204);
    expect(await revision()).toBeGreaterThan(before);
    expect((await owner.request('GET', `/api/resources/${doomed.id}`)).status).toBe(404);
    const left = await owner.json<{ items: unknown[] }>('GET', `/api/projects/${project.id}/assignments`);
    expect(left.items).toEqual([]);
    const audit = await sql(
      t,
      `select action from audit_entries where entity_type = 'assignment' order by at desc limit 1`,
    );
    expect(audit[0]?.action).toBe('delete');
  });

  it('bumps the plan revision when units or rates change, but not for a rename', async () => {
    const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Rates',
      startDate: '2026-03-02',
    });
    const task = await owner.json<{ id: string }>('POST', `/api/projects/${project.id}/tasks`, {
      name: 'Pour',
    });
    const crew = await owner.json<Resource>('POST', path(), { name: 'Crew' }, 201);
    await owner.json(
      'POST',
      `/api/projects/${project.id}/assignments`,
      { taskId: task.id, resourceId: crew.id },
      201,
    );
    const revision = async () =>
      (await sql(t, 'select plan_revision from projects where id = $1', [project.id]))[0]
        ?.plan_revision as number;
    const start = await revision();
    await owner.json('PATCH', `/api/resources/${crew.id}`, { name: 'Crew A', version: 1 });
    expect(await revision()).toBe(start);
    await owner.json('PATCH', `/api/resources/${crew.id}`, { maxUnits: 2, version: 2 });
    expect(await revision()).toBe(start + 1);
    await owner.json('PATCH', `/api/resources/${crew.id}`, { standardRateCents: 5000, version: 3 });
    expect(await revision()).toBe(start + 2);
  });
});
