import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';
import { buildTimeWorld, type TimeWorld } from './helpers/time-world';

interface Timer {
  entry: null | { id: string; taskId: string; day: string; minutes: number; timerStartedAt: string | null };
  elapsedMinutes: number;
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

/** Moves a running timer's start back, as if it had run for `minutes`. */
async function runFor(entryId: string, minutes: number): Promise<void> {
  await sql(t, `update time_entries set timer_started_at = now() - make_interval(mins => $2) where id = $1`, [
    entryId,
    minutes,
  ]);
}

describe('the timer', () => {
  it('starts on a task, shows as running, and stopping adds the elapsed minutes to the day’s entry', async () => {
    const existing = await w.worker.json<{ id: string }>('POST', '/api/time-entries', {
      taskId: w.taskId,
      day: '2026-06-01',
      minutes: 30,
    });
    const started = await w.worker.json<Timer>('POST', '/api/time-entries/timer/start', {
      taskId: w.taskId,
      day: '2026-06-01',
    });
    expect(started.entry).toMatchObject({ id: existing.id, minutes: 30 });
    expect(started.entry?.timerStartedAt).not.toBeNull();
    const running = await w.worker.json<Timer>('GET', '/api/time-entries/timer');
    expect(running.entry?.id).toBe(existing.id);
    await runFor(existing.id, 25);
    const stopped = await w.worker.json<Timer>('POST', '/api/time-entries/timer/stop');
    expect(stopped).toMatchObject({
      elapsedMinutes: 25,
      entry: { id: existing.id, minutes: 55, timerStartedAt: null },
    });
    expect((await w.worker.json<Timer>('GET', '/api/time-entries/timer')).entry).toBeNull();
  });

  it('creates the day’s entry when there is none and sets the task’s actual start when it stops', async () => {
    const taskId = await w.task('Timed');
    const started = await w.worker.json<Timer>('POST', '/api/time-entries/timer/start', {
      taskId,
      day: '2026-06-02',
    });
    expect(started.entry).toMatchObject({ taskId, day: '2026-06-02', minutes: 0 });
    await runFor(started.entry?.id ?? '', 50);
    await w.worker.json('POST', '/api/time-entries/timer/stop');
    expect((await w.worker.json<{ actualStart: string }>('GET', `/api/tasks/${taskId}`)).actualStart).toBe(
      '2026-06-02T08:00',
    );
  });

  it('refuses a second timer with a 409 naming the running one, even when both start at once', async () => {
    const other = await w.task('Second');
    const [a, b] = await Promise.all([
      w.worker.request('POST', '/api/time-entries/timer/start', {
        body: { taskId: w.taskId, day: '2026-06-03' },
      }),
      w.worker.request('POST', '/api/time-entries/timer/start', {
        body: { taskId: other, day: '2026-06-03' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = (await (a.status === 409 ? a : b).json()) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('TIMER_RUNNING');
    expect(refused.error.message).toMatch(/already running on "(Foundations|Second)"/);
    const running = await sql(
      t,
      'select count(*)::int as n from time_entries where user_id = $1 and timer_started_at is not null',
      [w.worker.id],
    );
    expect(running[0]?.n).toBe(1);
    await w.worker.json('POST', '/api/time-entries/timer/stop');
  });

  it('answers 409 when stopping with no timer running', async () => {
    const response = await w.worker.request('POST', '/api/time-entries/timer/stop');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'NO_TIMER' } });
  });

  it('refuses to submit a week while its timer runs', async () => {
    await w.worker.json(
      'POST',
      '/api/time-entries',
      { taskId: w.taskId, day: '2026-06-08', minutes: 60 },
      201,
    );
    await w.worker.json('POST', '/api/time-entries/timer/start', { taskId: w.taskId, day: '2026-06-09' });
    const response = await w.worker.request(
      'POST',
      `/api/workspaces/${w.workspaceId}/timesheets/2026-06-08/submit`,
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'TIMER_RUNNING' } });
    await w.worker.json('POST', '/api/time-entries/timer/stop');
  });

  it('answers 404 for a timer on a task the caller cannot see and 409 in a submitted week', async () => {
    const hidden = await w.guest.request('POST', '/api/time-entries/timer/start', {
      body: { taskId: w.taskId },
    });
    expect(hidden.status).toBe(404);
    await w.worker.json(
      'POST',
      '/api/time-entries',
      { taskId: w.taskId, day: '2026-06-15', minutes: 60 },
      201,
    );
    await w.worker.json('POST', `/api/workspaces/${w.workspaceId}/timesheets/2026-06-15/submit`);
    const locked = await w.worker.request('POST', '/api/time-entries/timer/start', {
      body: { taskId: w.taskId, day: '2026-06-16' },
    });
    expect(locked.status).toBe(409);
    expect(await locked.json()).toMatchObject({ error: { code: 'TIMESHEET_LOCKED' } });
  });
});
