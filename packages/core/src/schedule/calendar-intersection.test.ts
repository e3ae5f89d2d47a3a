import { describe, expect, it } from 'vitest';
import { standardCalendar, twentyFourHourCalendar } from '../calendar/presets';
import { fmt, sketchProject } from './build-project';
import { intersectDayPatterns } from './calendar-intersection';
import { type Assignment, resourceId, taskId } from './model';
import { scheduleProject } from './schedule';

const span = (from: number, to: number) => ({ from, to });
const standardDay = [span(480, 720), span(780, 1020)];

describe('the working time a task calendar and a resource calendar share', () => {
  it.each([
    { case: 'a whole day and the standard day', a: [span(0, 1440)], b: standardDay, both: standardDay },
    { case: 'a non-working day and the standard day', a: [], b: standardDay, both: [] },
    {
      case: 'a night shift and the standard day',
      a: [span(0, 180), span(240, 480), span(1380, 1440)],
      b: standardDay,
      both: [],
    },
    {
      case: 'overlapping shifts',
      a: [span(420, 660), span(720, 960)],
      b: standardDay,
      both: [span(480, 660), span(780, 960)],
    },
    {
      case: 'one interval spanning two',
      a: [span(600, 900)],
      b: standardDay,
      both: [span(600, 720), span(780, 900)],
    },
  ])('keeps what $case share', ({ a, b, both }) => {
    expect(intersectDayPatterns(a, b)).toEqual(both);
    expect(intersectDayPatterns(b, a)).toEqual(both);
  });

  const project = (ignoreResourceCalendar: boolean) =>
    sketchProject(
      [
        { id: 'A', days: 2, calendarId: twentyFourHourCalendar.id, ignoreResourceCalendar },
        { id: 'B', days: 20 },
      ],
      [],
      {
        calendars: [standardCalendar, twentyFourHourCalendar],
        resources: [{ id: resourceId('r'), name: 'R', maxUnits: 1, standardRate: 0 as never }],
        assignments: [
          {
            taskId: taskId('A'),
            resourceId: resourceId('r'),
            units: 1,
            workMinutes: 780,
          } satisfies Assignment,
        ],
      },
    );

  it('works a task on a 24-hour calendar only in its resource’s working hours, measuring slack on its own', () => {
    const result = scheduleProject(project(false));
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    const a = result.tasks[0]!;
    // 13 h on the Standard calendar from Monday 08:00: Tuesday 14:00 (not Monday 21:00, as on the 24-hour clock).
    expect(fmt(a.finish)).toBe('2026-03-03T14:00');
    // B ends on Friday 27 March at 17:00, so A's 13 h may start as late as Thursday 11:00; its slack, 24 days and
    // 3 hours, is counted on its own 24-hour calendar.
    expect(fmt(a.lateStart)).toBe('2026-03-26T11:00');
    expect(a.totalSlack).toBe(24 * 1440 + 180);
  });

  it('works a task on its own calendar alone when it ignores its resources’ calendars', () => {
    const result = scheduleProject(project(true));
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    expect(fmt(result.tasks[0]!.finish)).toBe('2026-03-02T21:00');
  });
});
