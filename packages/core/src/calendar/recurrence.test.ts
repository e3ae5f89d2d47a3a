import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from './compile';
import { civilFromDay, dayOfWeek, formatDay, instantAt, parseDay } from './day-number';
import {
  type CalendarException,
  calendarId,
  type DayOfWeek,
  dayNumber,
  type Recurrence,
  workMinutes,
} from './model';
import { standardCalendar } from './presets';
import { exceptionDays, weekdayOfMonth } from './recurrence';

const days = (exception: CalendarException) => exceptionDays(exception).map((d) => formatDay(d));

function recurring(
  recurrence: Recurrence,
  from: string,
  to: string,
  occurrences?: number,
): CalendarException {
  return {
    fromDay: parseDay(from),
    toDay: parseDay(to),
    intervals: [],
    recurrence,
    ...(occurrences === undefined ? {} : { occurrences }),
  };
}

describe('recurring exceptions as MS Project expands them', () => {
  // First day, occurrences and the last occurrence that MS Project 2016 saved for recurring exceptions built in its UI.
  it.each([
    ['daily', { kind: 'daily', every: 1 }, '2000-01-01', 3, '2000-01-03'],
    ['every 3 days', { kind: 'daily', every: 3 }, '2000-02-01', 4, '2000-02-10'],
    ['every 7 days', { kind: 'daily', every: 7 }, '2000-04-01', 6, '2000-05-06'],
    ['weekly on Monday', { kind: 'weekly', every: 1, daysOfWeek: [1] }, '2001-01-01', 3, '2001-01-15'],
    [
      'every 2 weeks on Tuesday',
      { kind: 'weekly', every: 2, daysOfWeek: [2] },
      '2001-01-01',
      4,
      '2001-02-13',
    ],
    [
      'every 3 weeks on Wednesday',
      { kind: 'weekly', every: 3, daysOfWeek: [3] },
      '2001-01-01',
      5,
      '2001-03-28',
    ],
    ['every 5 weeks on Friday', { kind: 'weekly', every: 5, daysOfWeek: [5] }, '2001-01-01', 7, '2001-08-03'],
    [
      'every 7 weeks on Sunday, counted from the week of the first day',
      { kind: 'weekly', every: 7, daysOfWeek: [0] },
      '2001-01-01',
      9,
      '2002-03-17',
    ],
    [
      'every 2 months on the first Monday',
      { kind: 'monthlyByPosition', every: 2, position: 1, dayOfWeek: 1 },
      '2002-01-01',
      3,
      '2002-05-06',
    ],
    [
      'every 3 months on the second Tuesday',
      { kind: 'monthlyByPosition', every: 3, position: 2, dayOfWeek: 2 },
      '2002-01-01',
      4,
      '2002-10-08',
    ],
    [
      'every 4 months on the third Wednesday',
      { kind: 'monthlyByPosition', every: 4, position: 3, dayOfWeek: 3 },
      '2002-01-01',
      5,
      '2003-05-21',
    ],
    [
      'every 5 months on the fourth Thursday',
      { kind: 'monthlyByPosition', every: 5, position: 4, dayOfWeek: 4 },
      '2002-01-01',
      6,
      '2004-02-26',
    ],
    [
      'every 6 months on the last Friday',
      { kind: 'monthlyByPosition', every: 6, position: 5, dayOfWeek: 5 },
      '2002-01-01',
      7,
      '2005-01-28',
    ],
    [
      'every 8 months on the second Sunday',
      { kind: 'monthlyByPosition', every: 8, position: 2, dayOfWeek: 0 },
      '2002-01-01',
      9,
      '2007-05-13',
    ],
    [
      'every 2 months on day 1',
      { kind: 'monthlyByDay', every: 2, dayOfMonth: 1 },
      '2003-01-01',
      3,
      '2003-05-01',
    ],
    [
      'every 5 months on day 4',
      { kind: 'monthlyByDay', every: 5, dayOfMonth: 4 },
      '2003-01-01',
      6,
      '2005-02-04',
    ],
    [
      'yearly on the first Tuesday of March',
      { kind: 'yearlyByPosition', month: 3, position: 1, dayOfWeek: 2 },
      '2004-01-01',
      4,
      '2007-03-06',
    ],
    [
      'yearly on the third Thursday of May',
      { kind: 'yearlyByPosition', month: 5, position: 3, dayOfWeek: 4 },
      '2004-01-01',
      6,
      '2009-05-21',
    ],
    [
      'yearly on 1 February',
      { kind: 'yearlyByDate', month: 2, dayOfMonth: 1 },
      '2005-01-01',
      3,
      '2007-02-01',
    ],
    ['yearly on 3 April', { kind: 'yearlyByDate', month: 4, dayOfMonth: 3 }, '2005-01-01', 5, '2009-04-03'],
  ] as const)('ends %s where MS Project does', (_name, recurrence, from, occurrences, last) => {
    const expanded = days(recurring(recurrence, from, '2099-12-31', occurrences));
    expect(expanded).toHaveLength(occurrences);
    expect(expanded.at(-1)).toBe(last);
  });

  it.each([
    [
      'clamps day 31 to the end of short months',
      { kind: 'monthlyByDay', every: 1, dayOfMonth: 31 },
      '2026-01-01',
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'],
    ],
    [
      'clamps day 30 to 29 February in a leap year',
      { kind: 'monthlyByDay', every: 1, dayOfMonth: 30 },
      '2028-01-31',
      ['2028-02-29', '2028-03-30', '2028-04-30', '2028-05-30'],
    ],
    [
      'starts next month when the day has passed',
      { kind: 'monthlyByDay', every: 3, dayOfMonth: 10 },
      '2026-01-15',
      ['2026-02-10', '2026-05-10', '2026-08-10', '2026-11-10'],
    ],
    [
      'skips a position already passed in the first month but keeps the month count',
      { kind: 'monthlyByPosition', every: 2, position: 1, dayOfWeek: 1 },
      '2026-03-03',
      ['2026-05-04', '2026-07-06', '2026-09-07', '2026-11-02'],
    ],
    [
      'finds the last Monday of each month',
      { kind: 'monthlyByPosition', every: 1, position: 5, dayOfWeek: 1 },
      '2026-01-01',
      ['2026-01-26', '2026-02-23', '2026-03-30', '2026-04-27'],
    ],
    [
      'lists several weekdays in one week, in order',
      { kind: 'weekly', every: 2, daysOfWeek: [5, 1, 3] },
      '2026-03-04',
      ['2026-03-04', '2026-03-06', '2026-03-16', '2026-03-18'],
    ],
    [
      'moves 29 February to the 28th in common years',
      { kind: 'yearlyByDate', month: 2, dayOfMonth: 29 },
      '2027-01-01',
      ['2027-02-28', '2028-02-29', '2029-02-28', '2030-02-28'],
    ],
    [
      'starts next year when this year’s date has passed',
      { kind: 'yearlyByDate', month: 1, dayOfMonth: 1 },
      '2026-03-01',
      ['2027-01-01', '2028-01-01', '2029-01-01', '2030-01-01'],
    ],
    [
      'finds the last Monday of May',
      { kind: 'yearlyByPosition', month: 5, position: 5, dayOfWeek: 1 },
      '2026-01-01',
      ['2026-05-25', '2027-05-31', '2028-05-29', '2029-05-28'],
    ],
    [
      'finds the fourth Thursday of November',
      { kind: 'yearlyByPosition', month: 11, position: 4, dayOfWeek: 4 },
      '2026-12-01',
      ['2027-11-25', '2028-11-23', '2029-11-22', '2030-11-28'],
    ],
  ] as const)('%s', (_name, recurrence, from, expected) => {
    expect(days(recurring(recurrence, from, '2099-12-31', 4))).toEqual(expected);
  });

  it('stops at the last day when no count is given', () => {
    expect(days(recurring({ kind: 'daily', every: 2 }, '2026-03-01', '2026-03-08'))).toEqual([
      '2026-03-01',
      '2026-03-03',
      '2026-03-05',
      '2026-03-07',
    ]);
  });

  it('stops at the last day even when the count would go further', () => {
    expect(days(recurring({ kind: 'daily', every: 1 }, '2026-03-01', '2026-03-02', 10))).toEqual([
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('lists every day of a plain range', () => {
    expect(days({ fromDay: parseDay('2026-12-30'), toDay: parseDay('2027-01-01'), intervals: [] })).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ]);
  });

  it.each([
    ['an interval of zero', { kind: 'daily', every: 0 }, /interval 0/],
    ['a weekly recurrence without days', { kind: 'weekly', every: 1, daysOfWeek: [] }, /at least one day/],
    ['month 13', { kind: 'yearlyByDate', month: 13, dayOfMonth: 1 }, /month 13/],
    ['day 32', { kind: 'monthlyByDay', every: 1, dayOfMonth: 32 }, /day of month 32/],
  ] as const)('refuses %s', (_name, recurrence, message) => {
    expect(() => exceptionDays(recurring(recurrence as Recurrence, '2026-01-01', '2026-12-31'))).toThrow(
      message,
    );
  });

  it('refuses a range or recurrence that covers more days than any plan can use', () => {
    expect(() =>
      exceptionDays({ fromDay: dayNumber(-400_000), toDay: dayNumber(400_000), intervals: [] }),
    ).toThrow(/more than 200000 days/);
    expect(() => exceptionDays(recurring({ kind: 'daily', every: 1 }, '1000-01-01', '2999-12-31'))).toThrow(
      /more than 200000 days/,
    );
    expect(
      exceptionDays({
        fromDay: dayNumber(-400_000),
        toDay: dayNumber(400_000),
        intervals: [],
        occurrences: 3,
      }),
    ).toHaveLength(3);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() =>
      exceptionDays({ fromDay: parseDay('2026-03-02'), toDay: parseDay('2026-03-01'), intervals: [] }),
    ).toThrow(/last day/);
  });

  it.each([
    [2026, 3, 1, 1, '2026-03-02'],
    [2026, 3, 4, 1, '2026-03-23'],
    [2026, 3, 5, 2, '2026-03-31'],
    [2026, 2, 5, 6, '2026-02-28'],
  ] as const)(
    'finds in %i-%i the weekday at position %i (weekday %i) on %s',
    (year, month, position, weekday, expected) => {
      expect(formatDay(weekdayOfMonth(year, month, position, weekday))).toBe(expected);
    },
  );
});

describe('recurrences against their definitions', () => {
  const range = fc.tuple(fc.integer({ min: 18_000, max: 22_000 }), fc.integer({ min: 0, max: 900 }));

  it('repeats a daily exception exactly every n days from its first day', () => {
    fc.assert(
      fc.property(range, fc.integer({ min: 1, max: 40 }), ([from, length], every) => {
        const listed = new Set(
          exceptionDays({
            fromDay: dayNumber(from),
            toDay: dayNumber(from + length),
            intervals: [],
            recurrence: { kind: 'daily', every },
          }),
        );
        for (let day = from; day <= from + length; day++)
          expect(listed.has(dayNumber(day))).toBe((day - from) % every === 0);
      }),
    );
  });

  it('repeats a weekly exception on its weekdays of every n-th week counted from the Sunday of its first week', () => {
    fc.assert(
      fc.property(
        range,
        fc.integer({ min: 1, max: 6 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        ([from, length], every, days) => {
          const daysOfWeek = days as DayOfWeek[];
          const recurrence: Recurrence = { kind: 'weekly', every, daysOfWeek };
          const listed = new Set(
            exceptionDays({
              fromDay: dayNumber(from),
              toDay: dayNumber(from + length),
              intervals: [],
              recurrence,
            }),
          );
          const firstSunday = from - dayOfWeek(dayNumber(from));
          for (let day = from; day <= from + length; day++) {
            const inWeek = Math.floor((day - firstSunday) / 7) % every === 0;
            expect(listed.has(dayNumber(day))).toBe(inWeek && daysOfWeek.includes(dayOfWeek(dayNumber(day))));
          }
        },
      ),
    );
  });

  it('places a monthly-by-position exception on the right weekday and week of the month', () => {
    fc.assert(
      fc.property(
        range,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(1, 2, 3, 4, 5),
        fc.integer({ min: 0, max: 6 }),
        ([from, length], every, position, weekday) => {
          const recurrence: Recurrence = {
            kind: 'monthlyByPosition',
            every,
            position: position as 1,
            dayOfWeek: weekday as DayOfWeek,
          };
          for (const day of exceptionDays({
            fromDay: dayNumber(from),
            toDay: dayNumber(from + length),
            intervals: [],
            recurrence,
          })) {
            const { year, month, day: dom } = civilFromDay(day);
            expect(dayOfWeek(day)).toBe(weekday);
            if (position === 5) expect(civilFromDay(dayNumber(day + 7)).month).not.toBe(month);
            else expect(Math.ceil(dom / 7)).toBe(position);
            const start = civilFromDay(dayNumber(from));
            expect((year * 12 + month - (start.year * 12 + start.month)) % every).toBe(0);
          }
        },
      ),
    );
  });
});

describe('precedence of exceptions in a calendar', () => {
  const workday = [
    { from: 480, to: 720 },
    { from: 780, to: 1020 },
  ];
  const monthlyFridayOff = recurring(
    { kind: 'monthlyByPosition', every: 1, position: 1, dayOfWeek: 5 },
    '2026-01-01',
    '2026-12-31',
  );

  it('lets a single-date exception override a recurring one on the same day, whatever the order', () => {
    const single: CalendarException = {
      fromDay: parseDay('2026-03-06'),
      toDay: parseDay('2026-03-06'),
      intervals: [{ from: 600, to: 720 }],
    };
    for (const exceptions of [
      [single, monthlyFridayOff],
      [monthlyFridayOff, single],
    ]) {
      const time = compileCalendar([{ ...standardCalendar, exceptions }], standardCalendar.id);
      expect(time.dayPattern(parseDay('2026-03-06'))).toEqual([{ from: 600, to: 720 }]);
      expect(time.dayPattern(parseDay('2026-04-03'))).toEqual([]);
    }
  });

  // 2026-05-08 is the second Friday of May, a Friday of the every-other-week series and the 8th of the month.
  const fridays = (every: number) =>
    recurring({ kind: 'weekly', every, daysOfWeek: [5] }, '2026-01-01', '2026-12-31');
  const eighth = recurring({ kind: 'monthlyByDay', every: 1, dayOfMonth: 8 }, '2026-01-01', '2026-12-31');
  const secondFridayOfMay = recurring(
    { kind: 'yearlyByPosition', month: 5, position: 2, dayOfWeek: 5 },
    '2026-01-01',
    '2030-12-31',
  );
  const everyOtherDay = recurring({ kind: 'daily', every: 2 }, '2026-05-02', '2026-05-31');
  const morning = [{ from: 480, to: 720 }];
  const afternoon = [{ from: 780, to: 1020 }];
  const evening = [{ from: 1080, to: 1200 }];
  it.each([
    [
      'a yearly exception beats a weekly one listed after it',
      [
        { ...secondFridayOfMay, intervals: [] },
        { ...fridays(2), intervals: morning },
      ],
      [],
    ],
    [
      'a yearly exception beats a monthly one listed before it',
      [
        { ...eighth, intervals: morning },
        { ...secondFridayOfMay, intervals: afternoon },
      ],
      afternoon,
    ],
    [
      'a monthly exception beats a weekly one listed after it',
      [
        { ...eighth, intervals: morning },
        { ...fridays(1), intervals: afternoon },
      ],
      morning,
    ],
    [
      'an every-n-days exception beats a yearly one',
      [
        { ...everyOtherDay, intervals: evening },
        { ...secondFridayOfMay, intervals: [] },
      ],
      evening,
    ],
    [
      'the later of two weekly exceptions wins',
      [
        { ...fridays(1), intervals: morning },
        { ...fridays(2), intervals: afternoon },
      ],
      afternoon,
    ],
    [
      'a recurrence with one occurrence counts as a single date',
      [
        {
          ...recurring({ kind: 'monthlyByDay', every: 1, dayOfMonth: 8 }, '2026-05-01', '2026-05-31', 1),
          intervals: morning,
        },
        { ...everyOtherDay, intervals: evening },
      ],
      morning,
    ],
  ] as const)('%s', (_name, exceptions, expected) => {
    const time = compileCalendar([{ ...standardCalendar, exceptions }], standardCalendar.id);
    expect(time.dayPattern(parseDay('2026-05-08'))).toEqual(expected);
  });

  it('keeps a holiday inside a longer range of reduced hours, whatever the order', () => {
    const reducedMarch: CalendarException = {
      fromDay: parseDay('2026-03-01'),
      toDay: parseDay('2026-03-31'),
      intervals: [{ from: 480, to: 720 }],
    };
    const holiday: CalendarException = {
      fromDay: parseDay('2026-03-10'),
      toDay: parseDay('2026-03-10'),
      intervals: [],
    };
    for (const exceptions of [
      [holiday, reducedMarch],
      [reducedMarch, holiday],
    ]) {
      const time = compileCalendar([{ ...standardCalendar, exceptions }], standardCalendar.id);
      expect(time.dayPattern(parseDay('2026-03-10'))).toEqual([]);
      expect(time.dayPattern(parseDay('2026-03-11'))).toEqual([{ from: 480, to: 720 }]);
    }
  });

  it('makes a recurring working exception work on a weekend', () => {
    const saturdays = {
      ...recurring(
        { kind: 'monthlyByPosition', every: 1, position: 1, dayOfWeek: 6 },
        '2010-01-01',
        '2010-12-31',
        3,
      ),
      intervals: workday,
    };
    const time = compileCalendar([{ ...standardCalendar, exceptions: [saturdays] }], standardCalendar.id);
    expect(time.dayPattern(parseDay('2010-03-06'))).toEqual(workday);
    expect(time.dayPattern(parseDay('2010-04-03'))).toEqual([]);
    expect(time.workBetween(instantAt(parseDay('2010-01-01')), instantAt(parseDay('2010-04-01')))).toBe(
      (64 + 3) * 480,
    );
  });

  it('skips the recurring holidays when adding work', () => {
    const time = compileCalendar(
      [{ ...standardCalendar, exceptions: [monthlyFridayOff] }],
      calendarId('standard'),
    );
    // Thursday 5 March 2026 16:00 plus two hours: Friday the 6th is the first Friday, so work resumes on Monday.
    const finish = time.addWork(instantAt(parseDay('2026-03-05'), 960), workMinutes(120));
    expect(finish).toBe(instantAt(parseDay('2026-03-09'), 540));
  });
});
