import { describe, expect, it } from 'vitest';
import type { Schedule, ScheduledTask } from '../../../api/plan';
import { mergeSchedule } from './schedule-delta';

const task = (id: string, start: string, finish: string, outline: string): ScheduledTask => ({
  id,
  outline,
  level: 1,
  summary: false,
  start,
  finish,
  durationMinutes: 480,
  percentComplete: 0,
  totalSlack: 0,
  critical: true,
});

const held: Schedule = {
  planRevision: 7,
  start: '2026-01-05T08:00',
  finish: '2026-01-07T17:00',
  statusDate: null,
  cycle: null,
  tasks: [
    task('a', '2026-01-05T08:00', '2026-01-05T17:00', '1'),
    task('b', '2026-01-06T08:00', '2026-01-06T17:00', '2'),
    task('c', '2026-01-07T08:00', '2026-01-07T17:00', '3'),
  ],
  criticalPath: ['a', 'b', 'c'],
};

describe('mergeSchedule', () => {
  it('replaces the changed tasks in place, drops the removed ones and takes the project fields of the delta', () => {
    const movedC = task('c', '2026-01-08T08:00', '2026-01-08T17:00', '2');
    const merged = mergeSchedule(held, {
      delta: true,
      since: 7,
      removed: ['b'],
      planRevision: 9,
      start: '2026-01-05T08:00',
      finish: '2026-01-08T17:00',
      statusDate: '2026-01-06',
      cycle: null,
      tasks: [movedC],
      criticalPath: ['a', 'c'],
    });
    expect(merged).toEqual({
      planRevision: 9,
      start: '2026-01-05T08:00',
      finish: '2026-01-08T17:00',
      statusDate: '2026-01-06',
      cycle: null,
      tasks: [held.tasks[0], movedC],
      criticalPath: ['a', 'c'],
    });
  });

  it('keeps the held tasks when the delta has none', () => {
    const merged = mergeSchedule(held, {
      ...held,
      planRevision: 7,
      delta: true,
      since: 7,
      tasks: [],
      removed: [],
    });
    expect(merged).toEqual(held);
  });

  it('takes a full reply as it is, without its delta marker', () => {
    const full = { ...held, planRevision: 12, tasks: [held.tasks[2] as ScheduledTask] };
    expect(mergeSchedule(held, { ...full, delta: false })).toEqual(full);
    expect(mergeSchedule(undefined, full)).toEqual(full);
  });

  it('refuses a delta computed against another revision than the one held', () => {
    const delta = { ...held, planRevision: 9, delta: true, since: 8, tasks: [], removed: [] };
    expect(mergeSchedule(held, delta)).toBeUndefined();
    expect(mergeSchedule(undefined, delta)).toBeUndefined();
  });

  it('applies a columns delta: new values by row, a shared difference, and the held critical path when absent', () => {
    const merged = mergeSchedule(held, {
      delta: true,
      shape: 'columns',
      since: 7,
      count: 3,
      planRevision: 8,
      start: '2026-01-05T08:00',
      finish: '2026-01-08T17:00',
      statusDate: null,
      cycle: null,
      columns: {
        start: { at: [2, 1], values: ['2026-01-08T08:00'] },
        finish: { at: [2, 1], values: ['2026-01-08T17:00'] },
        totalSlack: { at: [0, 2], add: 480 },
      },
    });
    expect(merged).toEqual({
      planRevision: 8,
      start: '2026-01-05T08:00',
      finish: '2026-01-08T17:00',
      statusDate: null,
      cycle: null,
      tasks: [
        { ...held.tasks[0], totalSlack: 480 },
        { ...held.tasks[1], totalSlack: 480 },
        { ...held.tasks[2], start: '2026-01-08T08:00', finish: '2026-01-08T17:00' },
      ],
      criticalPath: ['a', 'b', 'c'],
    });
    // The held schedule is not changed: the cache may still hand it to a render in progress.
    expect(held.tasks[0]?.totalSlack).toBe(0);
  });

  it('refuses a columns delta against another revision or another number of tasks', () => {
    const delta = {
      delta: true as const,
      shape: 'columns' as const,
      since: 7,
      count: 3,
      planRevision: 8,
      start: held.start,
      finish: held.finish,
      statusDate: null,
      cycle: null,
      columns: {},
    };
    expect(mergeSchedule(held, { ...delta, since: 6 })).toBeUndefined();
    expect(mergeSchedule(held, { ...delta, count: 4 })).toBeUndefined();
    expect(mergeSchedule(held, delta)).toEqual({ ...held, planRevision: 8 });
  });
});
