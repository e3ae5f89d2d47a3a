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
});
