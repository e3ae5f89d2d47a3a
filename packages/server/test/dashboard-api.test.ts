import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Dashboard {
  project: { name: string; start: string; finish: string; statusDate: string };
  progress: { percent: number | null; measuredBy: string; tasks: number; doneTasks: number };
  milestones: {
    name: string;
    date: string;
    totalSlackMinutes: number;
    critical: boolean;
    overdue: boolean;
  }[];
  late: { count: number; items: { name: string; reasons: string[]; percentComplete: number }[] };
  risks: { open: number; openHigh: number; top: { title: string; score: number }[] };
  budget: { bac: number; ac: number; remaining: number; percentSpent: number | null; health: string };
  evm: {
    pv: number;
    ev: number;
    ac: number;
    spi: number | null;
    health: Record<string, string>;
    curve: unknown[];
  };
}

let t: TestServer;
let owner: Caller;
let outsider: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Dashboard Owner');
  outsider = await signUp(t, 'Dashboard Outsider');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

async function task(projectId: string, body: Record<string, unknown>) {
  return owner.json<{ id: string; version: number }>('POST', `/api/projects/${projectId}/tasks`, body);
}

async function progress(id: string, percentComplete: number) {
  const now = await owner.json<{ version: number }>('GET', `/api/tasks/${id}`);
  await owner.json('PATCH', `/api/tasks/${id}`, { percentComplete, version: now.version });
}

describe('project dashboard', () => {
  it('shows progress by work, milestones with slack, late work, top risks, budget burn and earned value', async () => {
    const project = await owner.json<{ id: string; version: number }>(
      'POST',
      `/api/workspaces/${workspaceId}/projects`,
      { name: 'Launch', startDate: '2026-03-02' },
    );
    const id = project.id;
    await owner.json('PATCH', `/api/projects/${id}`, { statusDate: '2026-03-06', version: project.version });
    // From Monday 2nd, side by side: Spec (3 days, done), Build (10 days, 20 %, a deadline on Thursday 5th) and
    // Test (5 days, not started); milestones Review (Wednesday 4th, 17:00, unreached) and Go-live (Friday 13th).
    const spec = await task(id, { name: 'Spec', durationMinutes: 1440, workMinutes: 1440 });
    const build = await task(id, {
      name: 'Build',
      durationMinutes: 4800,
      workMinutes: 4800,
      deadline: '2026-03-05T17:00',
    });
    const test = await task(id, { name: 'Test', durationMinutes: 2400, workMinutes: 2400 });
    await task(id, {
      name: 'Review',
      durationMinutes: 0,
      isMilestone: true,
      constraintType: 'mso',
      constraintDate: '2026-03-04T17:00',
    });
    await task(id, {
      name: 'Go-live',
      durationMinutes: 0,
      isMilestone: true,
      constraintType: 'mso',
      constraintDate: '2026-03-13T17:00',
    });
    await progress(spec.id, 100);
    await progress(build.id, 20);
    expect(test.id).toBeTruthy();
    await owner.json('POST', `/api/projects/${id}/budget-lines`, {
      category: 'labour',
      name: 'Team',
      amountCents: 1_000_000,
    });
    await owner.json('POST', `/api/projects/${id}/expenses`, {
      day: '2026-03-03',
      category: 'other',
      amountCents: 250_000,
    });
    await owner.json(
      'POST',
      `/api/projects/${id}/risks`,
      { title: 'Supplier late', probability: 4, impact: 5 },
      201,
    );
    await owner.json('POST', `/api/projects/${id}/risks`, { title: 'Rain', probability: 1, impact: 2 }, 201);

    const dashboard = await owner.json<Dashboard>('GET', `/api/projects/${id}/dashboard`);
    expect(dashboard.project).toMatchObject({
      name: 'Launch',
      statusDate: '2026-03-06',
      start: '2026-03-02T08:00',
    });
    // Work: 24 h done of Spec's 24 h, 16 h of Build's 80 h, none of Test's 40 h → 40 / 144.
    expect(dashboard.progress).toEqual({ percent: 40 / 144, measuredBy: 'work', tasks: 5, doneTasks: 1 });
    expect(dashboard.milestones.map((m) => [m.name, m.date, m.overdue])).toEqual([
      ['Review', '2026-03-04T17:00', true],
      ['Go-live', '2026-03-13T17:00', false],
    ]);
    // Review's date has passed; Test (Monday to Friday 6th, side by side with the rest) was due by the status date
    // and has not started; Build finishes Friday 13th but its deadline was Thursday 5th.
    expect(dashboard.late.count).toBe(3);
    expect(dashboard.late.items.map((item) => [item.name, item.reasons])).toEqual([
      ['Review', ['pastFinish']],
      ['Test', ['pastFinish']],
      ['Build', ['pastDeadline']],
    ]);
    expect(dashboard.risks.open).toBe(2);
    expect(dashboard.risks.top.map((risk) => risk.title)).toEqual(['Supplier late', 'Rain']);
    // Budget $10,000; spent $2,500 (the expense; no rated time).
    expect(dashboard.budget).toMatchObject({
      bac: 1_000_000,
      ac: 250_000,
      remaining: 750_000,
      percentSpent: 0.25,
    });
    expect(dashboard.evm.ac).toBe(250_000);
    expect(dashboard.evm.curve.length).toBeGreaterThan(1);
  });

  it('answers 404 for a project the caller may not see, or that does not exist', async () => {
    const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Hidden',
      startDate: '2026-03-02',
    });
    expect((await outsider.request('GET', `/api/projects/${project.id}/dashboard`)).status).toBe(404);
    expect((await owner.request('GET', '/api/projects/prj_missing/dashboard')).status).toBe(404);
    const empty = await owner.json<Dashboard>('GET', `/api/projects/${project.id}/dashboard`);
    expect(empty.progress.percent).toBeNull();
    expect(empty.late).toEqual({ count: 0, items: [] });
    expect(empty.budget.percentSpent).toBeNull();
  });
});
