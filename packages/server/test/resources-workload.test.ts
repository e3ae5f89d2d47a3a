import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Workload {
  periods: { key: string; firstDay: string; lastDay: string }[];
  resources: {
    id: string;
    name: string;
    overAllocated: boolean;
    cells: { assignedMinutes: number; capacityMinutes: number; overAllocated: boolean }[];
  }[];
  unscheduledProjects: { id: string; name: string }[];
}

let t: TestServer;
let owner: Caller;
let guest: Caller;
let outsider: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Workload Owner');
  guest = await signUp(t, 'Workload Guest');
  outsider = await signUp(t, 'Workload Outsider');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, guest, 'guest');
});
afterAll(async () => {
  await t?.close();
});

const project = async (name: string) =>
  (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name,
      startDate: '2026-03-02',
    })
  ).id;
const task = async (projectId: string, name: string, durationMinutes: number) =>
  (await owner.json<{ id: string }>('POST', `/api/projects/${projectId}/tasks`, { name, durationMinutes }))
    .id;
const resource = async (body: Record<string, unknown>) =>
  (await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/resources`, body, 201)).id;
const assign = (projectId: string, taskId: string, resourceId: string, units = 1) =>
  owner.json('POST', `/api/projects/${projectId}/assignments`, { taskId, resourceId, units }, 201);
const workload = (query: string) =>
  owner.json<Workload>('GET', `/api/workspaces/${workspaceId}/workload?${query}`);

describe('workload', () => {
  it('flags a person assigned full time in two projects on the same days, day by day and week by week', async () => {
    const ana = await resource({ name: 'Ana' });
    const alpha = await project('Alpha');
    const beta = await project('Beta');
    // Both tasks start with their projects on Monday 2 March 2026 and last a week (five 8-hour days).
    await assign(alpha, await task(alpha, 'Design', 2400), ana);
    await assign(beta, await task(beta, 'Review', 960), ana);
    const days = await workload('from=2026-03-02&to=2026-03-06&unit=day');
    const row = days.resources.find((item) => item.id === ana);
    expect(row?.cells).toEqual([
      { assignedMinutes: 960, capacityMinutes: 480, overAllocated: true },
      { assignedMinutes: 960, capacityMinutes: 480, overAllocated: true },
      { assignedMinutes: 480, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 480, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 480, capacityMinutes: 480, overAllocated: false },
    ]);
    expect(row?.overAllocated).toBe(true);
    const weeks = await workload('from=2026-03-02&to=2026-03-15&unit=week');
    expect(weeks.periods.map((period) => [period.firstDay, period.lastDay])).toEqual([
      ['2026-03-02', '2026-03-08'],
      ['2026-03-09', '2026-03-15'],
    ]);
    expect(weeks.resources.find((item) => item.id === ana)?.cells).toEqual([
      { assignedMinutes: 3360, capacityMinutes: 2400, overAllocated: true },
      { assignedMinutes: 0, capacityMinutes: 2400, overAllocated: false },
    ]);
  });

  it('measures capacity by max units and the resource’s own calendar', async () => {
    const half = await resource({
      name: 'Half-time Bea',
      maxUnits: 0.5,
      calendar: { workingDays: [1, 2, 3, 4], workingHours: [{ start: '09:00', finish: '13:00' }] },
    });
    const gamma = await project('Gamma');
    // 480 minutes at 50 % run over two of her 4-hour days: 120 minutes a day, exactly what half of her gives.
    await assign(gamma, await task(gamma, 'Write', 480), half, 0.5);
    const grid = await workload('from=2026-03-02&to=2026-03-06&unit=day');
    const row = grid.resources.find((item) => item.id === half);
    expect(row?.cells.map((cell) => cell.capacityMinutes)).toEqual([120, 120, 120, 120, 0]);
    expect(row?.cells.map((cell) => cell.assignedMinutes)).toEqual([120, 120, 0, 0, 0]);
    expect(row?.overAllocated).toBe(false);
    const delta = await project('Delta');
    await owner.json(
      'POST',
      `/api/projects/${delta}/assignments`,
      { taskId: await task(delta, 'Edit', 480), resourceId: half, units: 0.5 },
      201,
    );
    const busier = await workload('from=2026-03-02&to=2026-03-06&unit=day');
    expect(
      busier.resources.find((item) => item.id === half)?.cells.map((cell) => cell.overAllocated),
    ).toEqual([true, true, false, false, false]);
  });

  it('leaves material out and shows an idle resource with empty cells', async () => {
    await resource({ name: 'Gravel', kind: 'material' });
    const idle = await resource({ name: 'Idle crane', kind: 'equipment' });
    const grid = await workload('from=2026-03-02&to=2026-03-03');
    expect(grid.resources.map((item) => item.name)).not.toContain('Gravel');
    expect(grid.resources.find((item) => item.id === idle)?.cells).toEqual([
      { assignedMinutes: 0, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 0, capacityMinutes: 480, overAllocated: false },
    ]);
  });

  it('names a project whose dependency cycle keeps its work off the grid', async () => {
    const looped = await project('Looped');
    const a = await task(looped, 'A', 480);
    const b = await task(looped, 'B', 480);
    await owner.json(
      'POST',
      `/api/projects/${looped}/links`,
      { predecessorId: a, successorId: b, type: 'FS' },
      201,
    );
    // The API refuses a link that closes a cycle, so the cycle can only come from outside it (an import, say).
    await sql(
      t,
      `insert into task_links (id, workspace_id, project_id, predecessor_id, successor_id, type)
       values ('lnk_loop', $1, $2, $3, $4, 'FS')`,
      [workspaceId, looped, b, a],
    );
    await sql(t, 'update projects set plan_revision = plan_revision + 1 where id = $1', [looped]);
    await assign(looped, a, await resource({ name: 'Looped worker' }));
    const grid = await workload('from=2026-03-02&to=2026-03-03');
    expect(grid.unscheduledProjects).toEqual([{ id: looped, name: 'Looped' }]);
  });

  it('lets a guest see the grid and hides it from outsiders', async () => {
    expect(
      (await guest.request('GET', `/api/workspaces/${workspaceId}/workload?from=2026-03-02&to=2026-03-03`))
        .status,
    ).toBe(200);
    expect(
      (await outsider.request('GET', `/api/workspaces/${workspaceId}/workload?from=2026-03-02&to=2026-03-03`))
        .status,
    ).toBe(404);
  });

  it.each([
    ['a reversed range', 'from=2026-03-10&to=2026-03-01', 'to'],
    ['more than a year of days', 'from=2026-01-01&to=2027-01-02&unit=day', 'to'],
    ['an unknown unit', 'from=2026-03-02&to=2026-03-03&unit=month', 'unit'],
    ['a missing start', 'to=2026-03-03', 'from'],
  ])('refuses %s with a 400 naming the field', async (_, query, field) => {
    const response = await owner.request('GET', `/api/workspaces/${workspaceId}/workload?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
  });
});
