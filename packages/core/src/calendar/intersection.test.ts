import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from './compile';
import { instantFromCivil, parseDay } from './day-number';
import { normalizeDayPattern } from './day-pattern';
import { compileCalendarIntersection, intersectDayPatterns } from './intersection';
import { type Calendar, calendarId, type DayPattern, wallMinutes, workMinutes } from './model';
import { standardCalendar } from './presets';
import { referenceWorkingTime } from './reference-working-time';

const morning = { from: 480, to: 720 };
const afternoon = { from: 780, to: 1020 };

describe('intersecting day patterns', () => {
  it.each([
    ['two equal days', [morning, afternoon], [morning, afternoon], [morning, afternoon]],
    ['a day with a night shift', [morning, afternoon], [{ from: 0, to: 360 }], []],
    ['overlapping shifts', [{ from: 360, to: 840 }], [morning, afternoon], [morning, { from: 780, to: 840 }]],
    ['a day off', [morning], [], []],
    ['intervals that only touch', [{ from: 0, to: 720 }], [{ from: 720, to: 1440 }], []],
    [
      'a long day with two short ones',
      [{ from: 0, to: 1440 }],
      [
        { from: 60, to: 120 },
        { from: 1380, to: 1440 },
      ],
      [
        { from: 60, to: 120 },
        { from: 1380, to: 1440 },
      ],
    ],
  ] as const)('keeps what both work in %s', (_name, a, b, expected) => {
    expect(intersectDayPatterns(a, b)).toEqual(expected);
    expect(intersectDayPatterns(b, a)).toEqual(expected);
  });

  it('keeps exactly the minutes that both days work', () => {
    const day = fc
      .array(fc.record({ from: fc.integer({ min: 0, max: 1439 }), to: fc.integer({ min: 1, max: 1440 }) }), {
        maxLength: 4,
      })
      .map((list) =>
        normalizeDayPattern(
          list.filter((i) => i.from < i.to),
          'test',
        ),
      );
    const works = (pattern: DayPattern, minute: number) =>
      pattern.some((i) => i.from <= minute && minute < i.to);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const both = intersectDayPatterns(a, b);
        for (let minute = 0; minute < 1440; minute += 7)
          expect(works(both, minute)).toBe(works(a, minute) && works(b, minute));
      }),
    );
  });
});

describe('the intersection of calendars', () => {
  const earlyShift: Calendar = {
    id: calendarId('early'),
    week: [
      [],
      [{ from: 360, to: 840 }],
      [{ from: 360, to: 840 }],
      [{ from: 360, to: 840 }],
      [{ from: 360, to: 840 }],
      [{ from: 360, to: 840 }],
      [{ from: 360, to: 840 }],
    ],
    exceptions: [{ fromDay: parseDay('2026-03-04'), toDay: parseDay('2026-03-04'), intervals: [] }],
    workWeeks: [],
  };
  const standardWithHoliday: Calendar = {
    ...standardCalendar,
    exceptions: [{ fromDay: parseDay('2026-03-06'), toDay: parseDay('2026-03-06'), intervals: [] }],
  };
  const calendars = [earlyShift, standardWithHoliday];
  const both = compileCalendarIntersection(calendars, [earlyShift.id, standardWithHoliday.id]);

  it.each([
    ['a normal Monday', '2026-03-02', [morning, { from: 780, to: 840 }]],
    ['the early shift’s day off', '2026-03-04', []],
    ['the standard holiday', '2026-03-06', []],
    ['a Saturday only the early shift works', '2026-03-07', []],
  ])('works only the common hours on %s', (_name, day, expected) => {
    expect(both.dayPattern(parseDay(day))).toEqual(expected);
  });

  it('places work only in the common hours', () => {
    // From Monday 08:00: 4 h in the morning and 1 h after lunch a day, with Wednesday off, so 15 h end on Thursday 14:00.
    expect(both.addWork(instantFromCivil(2026, 3, 2, 8), workMinutes(900))).toBe(
      instantFromCivil(2026, 3, 5, 14),
    );
  });

  it('agrees with the day-by-day reference', () => {
    const slow = referenceWorkingTime(both);
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: -20_000, max: 20_000 }),
        (offset, work) => {
          const t = wallMinutes(instantFromCivil(2026, 3, 1) + offset);
          expect(both.addWork(t, workMinutes(work))).toBe(slow.addWork(t, workMinutes(work)));
          expect(both.workBetween(t, wallMinutes(t + work))).toBe(slow.workBetween(t, wallMinutes(t + work)));
        },
      ),
    );
  });

  it('is the calendar itself when only one is given', () => {
    const one = compileCalendarIntersection(calendars, [earlyShift.id]);
    const plain = compileCalendar(calendars, earlyShift.id);
    expect(one.dayPattern(parseDay('2026-03-07'))).toEqual(plain.dayPattern(parseDay('2026-03-07')));
  });

  it('refuses an empty list', () => {
    expect(() => compileCalendarIntersection(calendars, [])).toThrow(/at least one calendar/);
  });
});
