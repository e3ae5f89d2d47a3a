import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Line {
  id: string;
  taskId: string | null;
  taskName: string | null;
  category: string;
  amountCents: number;
  version: number;
}
interface Expense extends Line {
  day: string;
  note: string;
}
interface Evm {
  statusDate: string;
  budgetSource: string;
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  eac: { typical: number | null; atypical: number; combined: number | null; bottomUp: number | null };
  etc: number | null;
  etcBottomUp: number;
  vac: number | null;
  tcpi: { toBac: number | null; toEac: number | null };
  plannedCost: number;
  actual: { labour: number; expenses: Record<string, number>; unpricedMinutes: number };
  health: Record<string, string>;
  baseline: { name: string } | null;
  curve: { date: string; pv: number; ev: number | null; ac: number | null }[];
}

let t: TestServer;
let owner: Caller;
let outsider: Caller;
let viewer: Caller;
let workspaceId: string;
/** The owner as a resource at $100 an hour. */
let annId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Cost Owner');
  outsider = await signUp(t, 'Cost Outsider');
  viewer = await signUp(t, 'Cost Viewer');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, viewer, 'guest');
  const ann = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/resources`, {
    name: 'Ann',
    userId: owner.id,
    standardRateCents: 10_000,
  });
  annId = ann.id;
});
afterAll(async () => {
  await t?.close();
});

/**
 * A project starting Monday 2026-03-02 on 8-hour days: Design (5 days, the owner at $100/h: 40 h = $4,000 planned)
 * and Build (10 days, a $2,000 fixed cost), side by side.
 */
async function smallPlan(name = 'Costed') {
  const project = await owner.json<{ id: string; version: number }>(
    'POST',
    `/api/workspaces/${workspaceId}/projects`,
    {
      name,
      startDate: '2026-03-02',
    },
  );
  const design = await owner.json<{ id: string; version: number }>(
    'POST',
    `/api/projects/${project.id}/tasks`,
    {
      name: 'Design',
      durationMinutes: 2400,
    },
  );
  const build = await owner.json<{ id: string; version: number }>(
    'POST',
    `/api/projects/${project.id}/tasks`,
    {
      name: 'Build',
      durationMinutes: 4800,
      fixedCostCents: 200_000,
    },
  );
  await owner.json('POST', `/api/projects/${project.id}/assignments`, {
    taskId: design.id,
    resourceId: annId,
  });
  return { projectId: project.id, projectVersion: project.version, design, build };
}

describe('budget lines', () => {
  it('adds lines to the project and to WBS branches, totals them per category and per branch', async () => {
    const { projectId, design, build } = await smallPlan('Totals');
    const path = `/api/projects/${projectId}/budget-lines`;
    const labour = await owner.json<Line>(
      'POST',
      path,
      { taskId: design.id, category: 'labour', name: 'Design team', amountCents: 500_000 },
      201,
    );
    expect(labour).toMatchObject({ taskId: design.id, taskName: 'Design', category: 'labour', version: 1 });
    await owner.json(
      'POST',
      path,
      { taskId: build.id, category: 'materials', name: 'Steel', amountCents: 300_000 },
      201,
    );
    await owner.json('POST', path, { category: 'other', name: 'Contingency', amountCents: 50_000 }, 201);
    const budget = await owner.json<{
      items: Line[];
      totals: {
        bacCents: number;
        projectCents: number;
        byCategory: Record<string, number>;
        byBranch: unknown[];
      };
    }>('GET', path);
    expect(budget.items.map((line) => line.amountCents)).toEqual([500_000, 300_000, 50_000]);
    expect(budget.totals).toEqual({
      bacCents: 850_000,
      projectCents: 50_000,
      byCategory: { labour: 500_000, materials: 300_000, other: 50_000 },
      byBranch: [
        { taskId: design.id, taskName: 'Design', ownCents: 500_000, rolledUpCents: 500_000 },
        { taskId: build.id, taskName: 'Build', ownCents: 300_000, rolledUpCents: 300_000 },
      ],
    });
  });

  it('changes a line at its version, refuses a stale one with 409 and deletes it', async () => {
    const { projectId } = await smallPlan('Versions');
    const line = await owner.json<Line>(
      'POST',
      `/api/projects/${projectId}/budget-lines`,
      { category: 'other', name: 'Fees', amountCents: 1000 },
      201,
    );
    const changed = await owner.json<Line>('PATCH', `/api/budget-lines/${line.id}`, {
      amountCents: 2500,
      version: 1,
    });
    expect(changed).toMatchObject({ amountCents: 2500, version: 2 });
    const stale = await owner.request('PATCH', `/api/budget-lines/${line.id}`, {
      body: { amountCents: 1, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: Line }).current.amountCents).toBe(2500);
    expect(
      (await owner.request('DELETE', `/api/budget-lines/${line.id}`, { body: { version: 2 } })).status,
    ).toBe(204);
    expect(
      (await owner.json<{ items: Line[] }>('GET', `/api/projects/${projectId}/budget-lines`)).items,
    ).toEqual([]);
  });

  it('refuses bad input naming the field, and leaves nothing behind', async () => {
    const { projectId } = await smallPlan('Bad lines');
    const other = await smallPlan('Other project');
    const path = `/api/projects/${projectId}/budget-lines`;
    const cases: [unknown, number, string][] = [
      [{ category: 'labour', name: 'Negative', amountCents: -1 }, 400, 'amountCents'],
      [{ category: 'labour', name: 'Fraction', amountCents: 1.5 }, 400, 'amountCents'],
      [{ category: 'travel', name: 'Unknown', amountCents: 10 }, 400, 'category'],
      [{ category: 'labour', name: '', amountCents: 10 }, 400, 'name'],
      [{ category: 'labour', name: 'Elsewhere', amountCents: 10, taskId: other.design.id }, 422, 'taskId'],
      [{ category: 'labour', name: 'Nowhere', amountCents: 10, taskId: 'tsk_missing' }, 422, 'taskId'],
    ];
    for (const [body, status, field] of cases) {
      const response = await owner.request('POST', path, { body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as { error: { field?: string } }).error.field).toBe(field);
    }
    expect((await owner.json<{ items: Line[] }>('GET', path)).items).toEqual([]);
  });

  it('answers 404 to an outsider and to a guest with no role on the project', async () => {
    const { projectId } = await smallPlan('Private');
    const line = await owner.json<Line>(
      'POST',
      `/api/projects/${projectId}/budget-lines`,
      { category: 'other', name: 'Secret', amountCents: 10 },
      201,
    );
    const body = { category: 'other', name: 'Sneaky', amountCents: 10 };
    expect((await outsider.request('GET', `/api/projects/${projectId}/budget-lines`)).status).toBe(404);
    expect((await outsider.request('POST', `/api/projects/${projectId}/budget-lines`, { body })).status).toBe(
      404,
    );
    expect(
      (await outsider.request('PATCH', `/api/budget-lines/${line.id}`, { body: { version: 1 } })).status,
    ).toBe(404);
    expect((await outsider.request('GET', `/api/projects/${projectId}/evm`)).status).toBe(404);
    // A guest holds no role on this project: it is invisible to them too.
    expect((await viewer.request('GET', `/api/projects/${projectId}/expenses`)).status).toBe(404);
  });
});

describe('expenses', () => {
  it('records, changes and deletes expenses with their totals per category', async () => {
    const { projectId, build } = await smallPlan('Spending');
    const path = `/api/projects/${projectId}/expenses`;
    const steel = await owner.json<Expense>(
      'POST',
      path,
      {
        day: '2026-03-04',
        category: 'materials',
        amountCents: 150_000,
        note: 'Steel beams',
        taskId: build.id,
      },
      201,
    );
    expect(steel).toMatchObject({ day: '2026-03-04', taskName: 'Build', note: 'Steel beams', version: 1 });
    await owner.json('POST', path, { day: '2026-03-05', category: 'other', amountCents: 2_000 }, 201);
    const moved = await owner.json<Expense>('PATCH', `/api/expenses/${steel.id}`, {
      taskId: null,
      amountCents: 140_000,
      version: 1,
    });
    expect(moved).toMatchObject({ taskId: null, taskName: null, amountCents: 140_000, version: 2 });
    const list = await owner.json<{ items: Expense[]; totals: unknown }>('GET', path);
    expect(list.items.map((expense) => expense.day)).toEqual(['2026-03-05', '2026-03-04']);
    expect(list.totals).toEqual({
      totalCents: 142_000,
      byCategory: { labour: 0, materials: 140_000, other: 2_000 },
    });
    const stale = await owner.request('DELETE', `/api/expenses/${steel.id}`, { body: { version: 1 } });
    expect(stale.status).toBe(409);
    expect(
      (await owner.request('DELETE', `/api/expenses/${steel.id}`, { body: { version: 2 } })).status,
    ).toBe(204);
  });

  it('refuses a negative amount, an unknown category, a bad day and a task of another project', async () => {
    const { projectId } = await smallPlan('Bad expenses');
    const other = await smallPlan('Someone else');
    const path = `/api/projects/${projectId}/expenses`;
    const cases: [unknown, number, string][] = [
      [{ day: '2026-03-04', category: 'materials', amountCents: -500 }, 400, 'amountCents'],
      [{ day: '2026-03-04', category: 'snacks', amountCents: 500 }, 400, 'category'],
      [{ day: '2026-02-30', category: 'other', amountCents: 500 }, 400, 'day'],
      [{ day: '2026-03-04', category: 'other', amountCents: 500, taskId: other.build.id }, 422, 'taskId'],
    ];
    for (const [body, status, field] of cases) {
      const response = await owner.request('POST', path, { body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as { error: { field?: string } }).error.field).toBe(field);
    }
    const expense = await owner.json<Expense>(
      'POST',
      path,
      { day: '2026-03-04', category: 'other', amountCents: 1 },
      201,
    );
    const patch = await owner.request('PATCH', `/api/expenses/${expense.id}`, {
      body: { taskId: other.build.id, version: 1 },
    });
    expect(patch.status).toBe(422);
    expect((await owner.json<{ items: Expense[] }>('GET', path)).items.map((e) => e.taskId)).toEqual([null]);
  });
});

describe('earned value', () => {
  it('computes PV, EV, AC and the forecasts of a small plan as by hand', async () => {
    const { projectId, projectVersion, design, build } = await smallPlan('Earned');
    await owner.json('PATCH', `/api/projects/${projectId}`, {
      statusDate: '2026-03-06',
      version: projectVersion,
    });
    await owner.json('POST', `/api/projects/${projectId}/budget-lines`, {
      taskId: design.id,
      category: 'labour',
      name: 'Design',
      amountCents: 500_000,
    });
    await owner.json('POST', `/api/projects/${projectId}/budget-lines`, {
      taskId: build.id,
      category: 'materials',
      name: 'Build',
      amountCents: 300_000,
    });
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) {
      await owner.json('POST', '/api/time-entries', { taskId: design.id, day, minutes: 480 }, 201);
    }
    await owner.json('POST', `/api/projects/${projectId}/expenses`, {
      day: '2026-03-04',
      category: 'materials',
      amountCents: 150_000,
      taskId: build.id,
    });
    // After the status date: not counted yet.
    await owner.json('POST', `/api/projects/${projectId}/expenses`, {
      day: '2026-03-10',
      category: 'other',
      amountCents: 99_900,
    });
    const designNow = await owner.json<{ version: number }>('GET', `/api/tasks/${design.id}`);
    await owner.json('PATCH', `/api/tasks/${design.id}`, { percentComplete: 80, version: designNow.version });
    const buildNow = await owner.json<{ version: number }>('GET', `/api/tasks/${build.id}`);
    await owner.json('PATCH', `/api/tasks/${build.id}`, { percentComplete: 40, version: buildNow.version });

    const evm = await owner.json<Evm>('GET', `/api/projects/${projectId}/evm`);
    // BAC = 5,000 + 3,000 = $8,000 of budget lines.
    // PV at Friday 6th, end of day: Design (5 of 5 days) 5,000 + Build (5 of 10 days) 1,500 = $6,500.
    // EV = 80 % × 5,000 + 40 % × 3,000 = 4,000 + 1,200 = $5,200.
    // AC = 32 h × $100 + the $1,500 steel = $4,700 (the expense of the 10th is after the status date).
    expect(evm).toMatchObject({
      statusDate: '2026-03-06',
      budgetSource: 'lines',
      baseline: null,
      bac: 800_000,
      pv: 650_000,
      ev: 520_000,
      ac: 470_000,
      sv: -130_000,
      cv: 50_000,
      plannedCost: 600_000,
    });
    expect(evm.actual).toEqual({
      labour: 320_000,
      expenses: { labour: 0, materials: 150_000, other: 0 },
      unpricedMinutes: 0,
    });
    // SPI = 5,200 / 6,500 = 0.8; CPI = 5,200 / 4,700 = 1.1064.
    expect(evm.spi).toBeCloseTo(0.8, 10);
    expect(evm.cpi).toBeCloseTo(520 / 470, 10);
    // EAC = BAC / CPI = 8,000 × 4,700 / 5,200 = $7,230.77; AC + (BAC − EV) = 4,700 + 2,800 = $7,500;
    // AC + (BAC − EV) / (CPI × SPI) = 4,700 + 2,800 / 0.88511 = $7,863.46.
    expect(evm.eac.typical).toBe(723_077);
    expect(evm.eac.atypical).toBe(750_000);
    expect(evm.eac.combined).toBe(786_346);
    // Bottom-up ETC: Design's $4,000 plan × 20 % left + Build's $2,000 × 60 % left = 800 + 1,200 = $2,000.
    expect(evm.etcBottomUp).toBe(200_000);
    expect(evm.eac.bottomUp).toBe(670_000);
    // ETC = EAC − AC = 7,230.77 − 4,700; VAC = 8,000 − 7,230.77; TCPI = 2,800 / 3,300 to the BAC.
    expect(evm.etc).toBe(253_077);
    expect(evm.vac).toBe(76_923);
    expect(evm.tcpi.toBac).toBeCloseTo(2800 / 3300, 10);
    expect(evm.health).toEqual({ cpi: 'good', spi: 'poor', tcpi: 'good', burn: 'good' });
    // Weekly S-curve from Monday 2nd: the points of the 2nd, the status date, the 9th and the finish (Friday 13th).
    expect(evm.curve.map((point) => point.date)).toEqual([
      '2026-03-02',
      '2026-03-06',
      '2026-03-09',
      '2026-03-13',
    ]);
    expect(evm.curve[1]).toEqual({ date: '2026-03-06', pv: 650_000, ev: 520_000, ac: 470_000 });
    expect(evm.curve[3]).toEqual({ date: '2026-03-13', pv: 800_000, ev: null, ac: null });

    // A new expense and a new line show at once: the cached figures follow the expenses and the budget.
    await owner.json('POST', `/api/projects/${projectId}/expenses`, {
      day: '2026-03-06',
      category: 'other',
      amountCents: 10_000,
    });
    await owner.json('POST', `/api/projects/${projectId}/budget-lines`, {
      category: 'other',
      name: 'Reserve',
      amountCents: 100_000,
    });
    const after = await owner.json<Evm>('GET', `/api/projects/${projectId}/evm`);
    expect([after.ac, after.bac]).toEqual([480_000, 900_000]);

    const bottomUp = await owner.json<Evm>('GET', `/api/projects/${projectId}/evm?method=bottomUp`);
    expect(bottomUp.etc).toBe(200_000);
    // BAC 9,000 − (AC 4,800 + ETC 2,000).
    expect(bottomUp.vac).toBe(220_000);
    expect((await owner.request('GET', `/api/projects/${projectId}/evm?method=guess`)).status).toBe(400);
  });

  it('measures PV against the newest baseline, and takes the plan cost as the budget when there are no lines', async () => {
    const { projectId, projectVersion, build } = await smallPlan('Baselined cost');
    await owner.json('PATCH', `/api/projects/${projectId}`, {
      statusDate: '2026-03-06',
      version: projectVersion,
    });
    await owner.json('POST', `/api/projects/${projectId}/baselines`, { name: 'Approved' }, 201);
    // Build doubles after the baseline: PV still follows the baselined ten days.
    const buildNow = await owner.json<{ version: number }>('GET', `/api/tasks/${build.id}`);
    await owner.json('PATCH', `/api/tasks/${build.id}`, { durationMinutes: 9600, version: buildNow.version });
    const evm = await owner.json<Evm>('GET', `/api/projects/${projectId}/evm`);
    // No lines: BAC = the baselined plan cost, Design $4,000 + Build $2,000. PV = 4,000 + 5/10 × 2,000 = $5,000.
    expect(evm).toMatchObject({
      budgetSource: 'plan',
      baseline: { name: 'Approved' },
      bac: 600_000,
      pv: 500_000,
    });
    expect(evm.ev).toBe(0);
    expect(evm.spi).toBe(0);
    expect(evm.cpi).toBeNull();
  });
});
