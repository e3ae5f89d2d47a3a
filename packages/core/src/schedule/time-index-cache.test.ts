import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import type { Calendar, DayNumber } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import { at, fmt, sketchProject } from './build-project';
import { scheduleProject } from './schedule';
import { TimeIndex } from './time-index';
import { TimeIndexCache } from './time-index-cache';

/** Wednesday 4 March 2026 off. */
const holiday = (calendar: Calendar): Calendar => ({
  ...calendar,
  exceptions: [{ fromDay: 20516 as DayNumber, toDay: 20516 as DayNumber, intervals: [] }],
});

function finishOf(calendars: readonly Calendar[]): string {
  const result = scheduleProject(sketchProject([{ id: 'A', days: 5 }], [], { calendars }));
  if (!result.ok) throw new Error('schedule failed');
  return fmt(result.finish);
}

describe('time indices kept between runs', () => {
  it('hands an equal list of calendars, loaded again, the shelf of the first', () => {
    const cache = new TimeIndexCache();
    const first = cache.shelfFor([standardCalendar]);
    expect(cache.shelfFor(structuredClone([standardCalendar]))).toBe(first);
  });

  it('hands calendars that differ in content under the same id another shelf', () => {
    const cache = new TimeIndexCache();
    expect(cache.shelfFor([holiday(standardCalendar)])).not.toBe(cache.shelfFor([standardCalendar]));
  });

  it('keeps one index per origin day and calendar on a shelf', () => {
    const shelf = new TimeIndexCache().shelfFor([standardCalendar]);
    const make = (origin: string) => () =>
      new TimeIndex(compileCalendar([standardCalendar], standardCalendar.id), at(origin));
    const monday = shelf.take(20514, 'id standard', make('2026-03-02T08:00'));
    expect(shelf.take(20514, 'id standard', make('2026-03-02T08:00'))).toBe(monday);
    expect(shelf.take(20515, 'id standard', make('2026-03-03T08:00'))).not.toBe(monday);
  });

  it('follows a calendar that gained a holiday since the project was last scheduled', () => {
    expect(finishOf([standardCalendar])).toBe('2026-03-06T17:00');
    expect(finishOf([holiday(standardCalendar)])).toBe('2026-03-09T17:00');
    expect(finishOf([standardCalendar])).toBe('2026-03-06T17:00');
  });
});
