import { describe, expect, it } from 'vitest';
import { type Calendar, calendarId } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import { at, fmt, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import type { ScheduledTask, ScheduleProject } from './model';
import { scheduleProject } from './schedule';

/** Nights: 22:00–06:00, Monday night to Saturday morning. */
const nightShift: Calendar = {
  id: calendarId('night'),
  week: [
    [],
    [{ from: 1320, to: 1440 }],
    [
      { from: 0, to: 360 },
      { from: 1320, to: 1440 },
    ],
    [
      { from: 0, to: 360 },
      { from: 1320, to: 1440 },
    ],
    [
      { from: 0, to: 360 },
      { from: 1320, to: 1440 },
    ],
    [
      { from: 0, to: 360 },
      { from: 1320, to: 1440 },
    ],
    [{ from: 0, to: 360 }],
  ],
  exceptions: [],
  workWeeks: [],
};
/** The Standard calendar with Wednesday 4 March 2026 off. */
const withHoliday: Calendar = {
  ...standardCalendar,
  id: calendarId('holiday'),
  exceptions: [{ name: 'Holiday', fromDay: 20516 as never, toDay: 20516 as never, intervals: [] }],
};

function run(tasks: TaskSketch[], links: LinkSketch[] = [], options: Partial<ScheduleProject> = {}) {
  const result = scheduleProject(
    sketchProject(tasks, links, { calendars: [standardCalendar, nightShift, withHoliday], ...options }),
  );
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  const byId = new Map<string, ScheduledTask>(result.tasks.map((t) => [t.id, t]));
  return (id: string) => [fmt(byId.get(id)!.start), fmt(byId.get(id)!.finish)];
}

describe('calendars and elapsed time', () => {
  it('runs an elapsed duration through the weekend on the 24-hour clock', () => {
    const get = run(
      [
        {
          id: 'A',
          durationMinutes: 1440,
          elapsed: true,
          constraint: { type: 'snet', date: at('2026-03-06T08:00') },
        },
        { id: 'B', days: 1 },
      ],
      [['A', 'B']],
    );
    expect(get('A')).toEqual(['2026-03-06T08:00', '2026-03-07T08:00']);
    expect(get('B')).toEqual(['2026-03-09T08:00', '2026-03-09T17:00']);
  });

  it('hands a day-shift finish to a night-shift successor at the next night', () => {
    const get = run(
      [
        { id: 'A', days: 1 },
        { id: 'B', durationMinutes: 240, calendarId: nightShift.id },
      ],
      [['A', 'B']],
    );
    expect(get('B')).toEqual(['2026-03-02T22:00', '2026-03-03T02:00']);
  });

  it('skips a holiday on the project calendar', () => {
    const get = run([{ id: 'A', days: 3 }], [], { calendarId: withHoliday.id });
    expect(get('A')).toEqual(['2026-03-02T08:00', '2026-03-05T17:00']);
  });

  it('gives a summary the span of its children on different calendars', () => {
    const get = run([
      { id: 'S' },
      { id: 'A', days: 1, parentId: 'S' },
      { id: 'B', durationMinutes: 120, parentId: 'S', calendarId: nightShift.id },
    ]);
    expect(get('S')).toEqual(['2026-03-02T08:00', '2026-03-03T00:00']);
  });
});
