import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import { instantFromCivil } from '../calendar/day-number';
import {
  type Calendar,
  calendarId,
  type DayNumber,
  type DayPattern,
  type Instant,
  type WeekPattern,
} from '../calendar/model';
import { TimeIndex } from './time-index';

const origin = instantFromCivil(2026, 3, 2, 8, 0);
const originDay = Math.floor(origin / 1440);

/** A day of 0–3 intervals on quarter hours. */
const dayArbitrary: fc.Arbitrary<DayPattern> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const intervals = [];
    for (let k = 0; k + 1 < sorted.length; k += 2) {
      intervals.push({ from: sorted[k]! * 15, to: sorted[k + 1]! * 15 });
    }
    return intervals;
  });

/** A week with some work, and holidays within a few years of the origin. */
const calendarArbitrary: fc.Arbitrary<Calendar> = fc
  .record({
    week: fc.array(dayArbitrary, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: -400, max: 2000 }), { maxLength: 30 }),
  })
  .filter(({ week }) => week.some((day) => day.length > 0))
  .map(({ week, holidays }) => ({
    id: calendarId('random'),
    week: week as unknown as WeekPattern,
    exceptions: holidays.map((d) => ({
      fromDay: (originDay + d) as DayNumber,
      toDay: (originDay + d) as DayNumber,
      intervals: [],
    })),
    workWeeks: [],
  }));

describe('work coordinates of a time index', () => {
  it('turn into the instants the compiled calendar gives for the same working minute', () => {
    fc.assert(
      fc.property(
        calendarArbitrary,
        // Shares of five years of the calendar's weekly work, some before the origin.
        fc.array(fc.integer({ min: -200, max: 1000 }), { minLength: 1, maxLength: 40 }),
        (calendar, shares) => {
          const weekly = calendar.week.flat().reduce((sum, iv) => sum + iv!.to - iv!.from, 0);
          const coordinates = shares.map((share) => Math.round((share / 1000) * weekly * 52 * 5));
          const time = compileCalendar([calendar], calendar.id);
          const index = new TimeIndex(time, origin);
          // Both count working minutes; only their origins differ.
          const midnight = (originDay * 1440) as Instant;
          const offset = time.workAt(midnight) - index.toCoord(midnight);
          for (const w of coordinates) {
            expect(index.startInstant(w)).toBe(time.startAt(w + offset));
            expect(index.finishInstant(w)).toBe(time.finishAt(w + offset));
            expect(index.toCoord(index.startInstant(w))).toBe(w);
            expect(index.toCoord(index.finishInstant(w))).toBe(w);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
