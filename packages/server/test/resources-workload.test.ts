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
    cells: {
      assignedMinutes: number;
      overtimeMinutes: number;
      capacityMinutes: number;
      overAllocated: boolean;
    }[];
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
const assign = (
  projectId: string,
  taskId: string,
  resourceId: string,
  units = 1,
  shape: Record<string, unknown> = {},
) =>
  owner.json<{ id: string; version: number }>(
    'POST',
    `/api/projects/${projectId}/assignments`,
    { taskId, resourceId, units, ...shape },
    201,
  );
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
      { assignedMinutes: 960, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: true },
      { assignedMinutes: 960, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: true },
      { assignedMinutes: 480, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 480, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 480, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
    ]);
    expect(row?.overAllocated).toBe(true);
    const weeks = await workload('from=2026-03-02&to=2026-03-15&unit=week');
    expect(weeks.periods.map((period) => [period.firstDay, period.lastDay])).toEqual([
      ['2026-03-02', '2026-03-08'],
      ['2026-03-09', '2026-03-15'],
    ]);
    expect(weeks.resources.find((item) => item.id === ana)?.cells).toEqual([
      { assignedMinutes: 3360, overtimeMinutes: 0, capacityMinutes: 2400, overAllocated: true },
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 2400, overAllocated: false },
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
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
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

describe('workload of shaped assignments', () => {
  const twoWeeks = 'from=2026-03-02&to=2026-03-13&unit=day';
  const rowOf = async (resourceId: string) =>
    (await workload(twoWeeks)).resources.find((item) => item.id === resourceId);
  /** Ten working days' values with the weekend of 7–8 March put after the fifth. */
  const withWeekend = <T>(values: T[], rest: T) => [...values.slice(0, 5), rest, rest, ...values.slice(5)];

  it('places a back-loaded assignment’s work by its contour, and its over-allocation moves with it', async () => {
    const cid = await resource({ name: 'Back-loaded Cid' });
    const epsilon = await project('Epsilon');
    // 48 h back-loaded at 100 % works at 10 % … 100 % of the day in tenths of a 48 h ÷ 0.6 = 80 h (ten-day) span.
    const build = await assign(epsilon, await task(epsilon, 'Build', 2400), cid, 1, {
      workMinutes: 2880,
      contour: 'backLoaded',
    });
    const alone = await rowOf(cid);
    expect(alone?.cells.map((cell) => cell.assignedMinutes)).toEqual(
      withWeekend([48, 72, 120, 240, 240, 360, 360, 480, 480, 480], 0),
    );
    expect(alone?.overAllocated).toBe(false);

    // A half-time task over the same ten days adds 4 h a day: spread evenly the back-loaded work would ask 4.8 h
    // every day and overload them all; by its contour only the days from its 6-hour tenths on are overloaded.
    const zeta = await project('Zeta');
    await assign(zeta, await task(zeta, 'Support', 4800), cid, 0.5);
    const both = await rowOf(cid);
    expect(both?.cells.map((cell) => cell.overAllocated)).toEqual(
      withWeekend([false, false, false, false, false, true, true, true, true, true], false),
    );

    // Flat, the same 48 h take six full days: those are overloaded and the last four are not.
    await owner.json('PATCH', `/api/assignments/${build.id}`, { contour: 'flat', version: build.version });
    const flat = await rowOf(cid);
    expect(flat?.cells.map((cell) => cell.assignedMinutes)).toEqual(
      withWeekend([720, 720, 720, 720, 720, 720, 240, 240, 240, 240], 0),
    );
    expect(flat?.cells.map((cell) => cell.overAllocated)).toEqual(
      withWeekend([true, true, true, true, true, true, false, false, false, false], false),
    );
  });

  it('starts an assignment after its delay and counts its overtime without over-allocating', async () => {
    const dee = await resource({ name: 'Overtime Dee' });
    const eta = await project('Eta');
    // 16 h with 8 h overtime and a day's delay: its 8 h regular work fill Tuesday, with the 8 h overtime on top.
    await assign(eta, await task(eta, 'Migrate', 960), dee, 1, {
      workMinutes: 960,
      overtimeWorkMinutes: 480,
      delayMinutes: 480,
    });
    const row = await rowOf(dee);
    expect(row?.cells.slice(0, 3)).toEqual([
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 960, overtimeMinutes: 480, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
    ]);
    expect(row?.overAllocated).toBe(false);
  });

  it('raises the peak of a contoured assignment that must fill a fixed-duration task', async () => {
    const eve = await resource({ name: 'Fixed Eve' });
    const theta = await project('Theta');
    const { id: taskId } = await owner.json<{ id: string }>('POST', `/api/projects/${theta}/tasks`, {
      name: 'Pour',
      durationMinutes: 4800,
      taskType: 'fixedDuration',
    });
    // 80 h turtle over ten fixed days: 80 h × 25/700 = 2.9 h on the first day, 80 h × 100/700 = 11.4 h at the peak.
    await assign(theta, taskId, eve, 1, { workMinutes: 4800, contour: 'turtle' });
    const row = await rowOf(eve);
    expect(row?.cells.map((cell) => cell.assignedMinutes)).toEqual(
      withWeekend([171, 343, 514, 686, 686, 686, 686, 514, 343, 171], 0),
    );
    expect(row?.cells.map((cell) => cell.overAllocated)).toEqual(
      withWeekend([false, false, true, true, true, true, true, true, false, false], false),
    );
  });
});
