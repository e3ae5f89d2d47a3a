import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { startTestServer, type TestServer } from './helpers/server';
import { buildTimeWorld, type TimeWorld } from './helpers/time-world';

interface Sheet {
  id: string | null;
  state: string;
  weekStart: string;
  userId: string;
  userName: string;
  totalMinutes: number;
  comment: string;
  decidedBy: string | null;
  entries: { id: string; day: string; minutes: number; version: number }[];
  version: number;
}

let t: TestServer;
let w: TimeWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await buildTimeWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const week = (weekStart: string) => `/api/workspaces/${w.workspaceId}/timesheets/${weekStart}`;
const logged = (day: string, minutes = 60) =>
  w.worker.json<{ id: string; version: number }>(
    'POST',
    '/api/time-entries',
    { taskId: w.taskId, day, minutes },
    201,
  );

describe('timesheets', () => {
  it('shows an untouched week as open with its entries and total', async () => {
    await logged('2026-04-06', 120);
    await logged('2026-04-08', 30);
    await logged('2026-04-13', 15);
    const sheet = await w.worker.json<Sheet>('GET', week('2026-04-06'));
    expect(sheet).toMatchObject({
      id: null,
      state: 'open',
      weekStart: '2026-04-06',
      totalMinutes: 150,
      version: 0,
    });
    expect(sheet.entries.map((entry) => entry.day)).toEqual(['2026-04-06', '2026-04-08']);
  });

  it('refuses a week that does not start on a Monday', async () => {
    const response = await w.worker.request('GET', week('2026-04-07'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'weekStart' } });
  });

  it('submits a week, which locks its entries with a clear 409', async () => {
    const entry = await logged('2026-04-20', 240);
    const sheet = await w.worker.json<Sheet>('POST', `${week('2026-04-20')}/submit`);
    expect(sheet).toMatchObject({ state: 'submitted', totalMinutes: 240, version: 1 });
    expect(sheet.id).toMatch(/^tsh_/);
    const edit = await w.worker.request('PATCH', `/api/time-entries/${entry.id}`, {
      body: { minutes: 10, version: 1 },
    });
    expect(edit.status).toBe(409);
    expect(await edit.json()).toMatchObject({
      error: {
        code: 'TIMESHEET_LOCKED',
        message:
          'The week of 2026-04-20 is submitted for approval; its time entries are locked until it is approved or sent back',
      },
    });
    const added = await w.worker.request('POST', '/api/time-entries', {
      body: { taskId: w.taskId, day: '2026-04-26', minutes: 5 },
    });
    expect(added.status).toBe(409);
    const removed = await w.worker.request('DELETE', `/api/time-entries/${entry.id}`, {
      headers: { 'if-match': '"1"' },
    });
    expect(removed.status).toBe(409);
    const moved = await logged('2026-04-27', 30);
    const intoLocked = await w.worker.request('PATCH', `/api/time-entries/${moved.id}`, {
      body: { day: '2026-04-21', version: 1 },
    });
    expect(intoLocked.status).toBe(409);
    const again = await w.worker.request('POST', `${week('2026-04-20')}/submit`);
    expect(again.status).toBe(409);
  });

  it('refuses to submit a week with no time logged', async () => {
    const response = await w.worker.request('POST', `${week('2026-01-05')}/submit`);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'EMPTY_TIMESHEET' } });
  });

  it('lists submitted weeks to the project manager and to admins, not to other members', async () => {
    await logged('2026-05-04', 60);
    const submitted = await w.worker.json<Sheet>('POST', `${week('2026-05-04')}/submit`);
    const path = `/api/workspaces/${w.workspaceId}/timesheets`;
    const forManager = await w.manager.json<{ items: Sheet[] }>('GET', path);
    expect(forManager.items.map((item) => item.id)).toContain(submitted.id);
    expect(forManager.items.find((item) => item.id === submitted.id)).toMatchObject({
      userName: 'Time Worker',
      totalMinutes: 60,
      entries: [],
    });
    const forOwner = await w.owner.json<{ items: Sheet[] }>('GET', path);
    expect(forOwner.items.map((item) => item.id)).toContain(submitted.id);
    const forMember = await w.member.json<{ items: Sheet[] }>('GET', path);
    expect(forMember.items).toEqual([]);
    const detail = await w.manager.json<Sheet>('GET', `/api/timesheets/${submitted.id}`);
    expect(detail.entries).toHaveLength(1);
    expect((await w.member.request('GET', `/api/timesheets/${submitted.id}`)).status).toBe(404);
  });

  it('lets the project manager approve a submitted week, which stays locked', async () => {
    const entry = await logged('2026-05-11', 60);
    const submitted = await w.worker.json<Sheet>('POST', `${week('2026-05-11')}/submit`);
    const approved = await w.manager.json<Sheet>('POST', `/api/timesheets/${submitted.id}/approve`, {
      comment: 'Thanks',
    });
    expect(approved).toMatchObject({ state: 'approved', decidedBy: w.manager.id, comment: 'Thanks' });
    const edit = await w.worker.request('PATCH', `/api/time-entries/${entry.id}`, {
      body: { minutes: 10, version: 1 },
    });
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as { error: { message: string } }).error.message).toContain('is approved');
    const twice = await w.manager.request('POST', `/api/timesheets/${submitted.id}/approve`, { body: {} });
    expect(twice.status).toBe(409);
  });

  it('refuses a decision from someone without the right: 404 for other members and outsiders, 403 for the owner of the week', async () => {
    await logged('2026-05-18', 60);
    const submitted = await w.worker.json<Sheet>('POST', `${week('2026-05-18')}/submit`);
    const byMember = await w.member.request('POST', `/api/timesheets/${submitted.id}/approve`, { body: {} });
    expect(byMember.status).toBe(404);
    const byOutsider = await w.outsider.request('POST', `/api/timesheets/${submitted.id}/approve`, {
      body: {},
    });
    expect(byOutsider.status).toBe(404);
    const bySelf = await w.worker.request('POST', `/api/timesheets/${submitted.id}/approve`, { body: {} });
    expect(bySelf.status).toBe(403);
    expect(await bySelf.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const unchanged = await w.worker.json<Sheet>('GET', week('2026-05-18'));
    expect(unchanged.state).toBe('submitted');
  });

  it('lets a workspace owner send a week back with a comment, which reopens its entries until it is submitted again', async () => {
    const entry = await logged('2026-05-25', 60);
    const submitted = await w.worker.json<Sheet>('POST', `${week('2026-05-25')}/submit`);
    const noComment = await w.owner.request('POST', `/api/timesheets/${submitted.id}/reject`, { body: {} });
    expect(noComment.status).toBe(400);
    const rejected = await w.owner.json<Sheet>('POST', `/api/timesheets/${submitted.id}/reject`, {
      comment: 'Split Tuesday between the two tasks',
    });
    expect(rejected).toMatchObject({ state: 'rejected', comment: 'Split Tuesday between the two tasks' });
    const fixed = await w.worker.json<{ minutes: number }>('PATCH', `/api/time-entries/${entry.id}`, {
      minutes: 90,
      version: 1,
    });
    expect(fixed.minutes).toBe(90);
    const resubmitted = await w.worker.json<Sheet>('POST', `${week('2026-05-25')}/submit`);
    expect(resubmitted).toMatchObject({ state: 'submitted', totalMinutes: 90, version: 3 });
  });

  it('hides the timesheets of a workspace from outsiders', async () => {
    expect((await w.outsider.request('GET', week('2026-05-25'))).status).toBe(404);
    expect((await w.outsider.request('POST', `${week('2026-05-25')}/submit`)).status).toBe(404);
  });
});
