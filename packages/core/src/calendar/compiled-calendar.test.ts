import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from './compile';
import { instantFromCivil } from './day-number';
import {
  type Calendar,
  type CalendarException,
  calendarId,
  type DayPattern,
  dayNumber,
  type Recurrence,
  type WeekPattern,
  wallMinutes,
  workMinutes,
} from './model';
import { referenceWorkingTime } from './reference-working-time';

const around = instantFromCivil(2026, 1, 1);
const aroundDay = Math.floor(around / 1440);

/** A day of 0–3 intervals on quarter hours, sometimes running to midnight. */
const dayPatternArbitrary: fc.Arbitrary<DayPattern> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const intervals = [];
    for (let k = 0; k + 1 < sorted.length; k += 2) {
      intervals.push({ from: (sorted[k] as number) * 15, to: (sorted[k + 1] as number) * 15 });
    }
    return intervals;
  });

const weekArbitrary = (allowUnset: boolean): fc.Arbitrary<WeekPattern> =>
  fc.tuple(
    ...Array.from({ length: 7 }, () =>
      allowUnset
        ? fc.option(dayPatternArbitrary, { nil: undefined })
        : dayPatternArbitrary.map((d) => d as DayPattern | undefined),
    ),
  ) as unknown as fc.Arbitrary<WeekPattern>;

const recurrenceArbitrary: fc.Arbitrary<Recurrence> = fc.oneof(
  fc.record({ kind: fc.constant('daily' as const), every: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    kind: fc.constant('weekly' as const),
    every: fc.integer({ min: 1, max: 3 }),
    daysOfWeek: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
  }) as fc.Arbitrary<Recurrence>,
  fc.record({
    kind: fc.constant('monthlyByDay' as const),
    every: fc.integer({ min: 1, max: 3 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    kind: fc.constant('yearlyByPosition' as const),
    month: fc.integer({ min: 1, max: 12 }),
    position: fc.constantFrom(1, 2, 3, 4, 5),
    dayOfWeek: fc.constantFrom(0, 1, 2, 3, 4, 5, 6),
  }) as fc.Arbitrary<Recurrence>,
);

const exceptionArbitrary: fc.Arbitrary<CalendarException> = fc
  .record({
    from: fc.integer({ min: -800, max: 800 }),
    length: fc.integer({ min: 0, max: 20 }),
    intervals: fc.oneof(fc.constant([] as DayPattern), dayPatternArbitrary),
    recurrence: fc.option(recurrenceArbitrary, { nil: undefined }),
  })
  .map(({ from, length, intervals, recurrence }) => ({
    fromDay: dayNumber(aroundDay + from),
    toDay: dayNumber(aroundDay + from + (recurrence === undefined ? length : length * 30)),
    intervals,
    ...(recurrence === undefined ? {} : { recurrence }),
  }));

/** A derived calendar over a base, both random, with exceptions and a work week; some weeks have no work at all. */
const calendarsArbitrary = fc
  .record({
    baseWeek: weekArbitrary(false),
    week: weekArbitrary(true),
    baseExceptions: fc.array(exceptionArbitrary, { maxLength: 4 }),
    exceptions: fc.array(exceptionArbitrary, { maxLength: 6 }),
    workWeek: fc.option(
      fc.record({
        from: fc.integer({ min: -400, max: 400 }),
        length: fc.integer({ min: 0, max: 120 }),
        week: weekArbitrary(true),
      }),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ baseWeek, week, baseExceptions, exceptions, workWeek }): Calendar[] => [
    { id: calendarId('base'), week: baseWeek, exceptions: baseExceptions, workWeeks: [] },
    {
      id: calendarId('derived'),
      baseCalendarId: calendarId('base'),
      week,
      exceptions,
      workWeeks:
        workWeek === undefined
          ? []
          : [
              {
                fromDay: dayNumber(aroundDay + workWeek.from),
                toDay: dayNumber(aroundDay + workWeek.from + workWeek.length),
                week: workWeek.week,
              },
            ],
    },
  ]);

const instantArbitrary = fc
  .integer({ min: around - 1200 * 1440, max: around + 1200 * 1440 })
  .map(wallMinutes);
const workArbitrary = fc.oneof(
  fc.integer({ min: -3000, max: 3000 }),
  fc.integer({ min: -200_000, max: 200_000 }),
  fc.constant(0),
);

function hasWork(calendars: Calendar[]): boolean {
  const time = compileCalendar(calendars, calendarId('derived'));
  // A week with no work anywhere makes every long walk throw; those calendars are covered by their own tests.
  return Array.from({ length: 7 }, (_, k) => time.dayPattern(dayNumber(aroundDay + 2000 + k))).some(
    (d) => d.length > 0,
  );
}

describe('the compiled calendar against the day-by-day reference', () => {
  it('gives the same answers for random calendars, instants and amounts of work', () => {
    fc.assert(
      fc.property(
        calendarsArbitrary.filter(hasWork),
        fc.array(fc.tuple(instantArbitrary, workArbitrary), { minLength: 1, maxLength: 12 }),
        (calendars, queries) => {
          const fast = compileCalendar(calendars, calendarId('derived'));
          const slow = referenceWorkingTime(fast);
          for (const [t, w] of queries) {
            const work = workMinutes(w);
            expect(fast.addWork(t, work)).toBe(slow.addWork(t, work));
            expect(fast.subtractWork(t, work)).toBe(slow.subtractWork(t, work));
            expect(fast.nextWorkStart(t)).toBe(slow.nextWorkStart(t));
            expect(fast.previousWorkFinish(t)).toBe(slow.previousWorkFinish(t));
            expect(fast.isWorking(t)).toBe(slow.isWorking(t));
            const other = wallMinutes(t + w * 3);
            expect(fast.workBetween(t, other)).toBe(slow.workBetween(t, other));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('round-trips addWork through workBetween and inverts it with subtractWork from a working start', () => {
    fc.assert(
      fc.property(
        calendarsArbitrary.filter(hasWork),
        instantArbitrary,
        fc.integer({ min: 1, max: 500_000 }),
        (calendars, t, w) => {
          const time = compileCalendar(calendars, calendarId('derived'));
          const start = time.nextWorkStart(t);
          const finish = time.addWork(start, workMinutes(w));
          expect(time.workBetween(start, finish)).toBe(w);
          expect(time.workBetween(t, finish)).toBe(w);
          expect(time.subtractWork(finish, workMinutes(w))).toBe(start);
          expect(time.addWork(finish, workMinutes(-w))).toBe(start);
          expect(time.previousWorkFinish(finish)).toBe(finish);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fractions of a minute', () => {
  // Percent lags and MSPDI seconds give fractional minutes; quarter minutes keep the comparison exact.
  const quarterInstant = fc
    .integer({ min: (around - 400 * 1440) * 4, max: (around + 400 * 1440) * 4 })
    .map((q) => wallMinutes(q / 4));
  const quarterWork = fc.integer({ min: -400_000, max: 400_000 }).map((q) => q / 4);

  it('are placed exactly where the day-by-day reference places them', () => {
    fc.assert(
      fc.property(
        calendarsArbitrary.filter(hasWork),
        fc.array(fc.tuple(quarterInstant, quarterWork), { minLength: 1, maxLength: 10 }),
        (calendars, queries) => {
          const fast = compileCalendar(calendars, calendarId('derived'));
          const slow = referenceWorkingTime(fast);
          for (const [t, w] of queries) {
            const work = workMinutes(w);
            expect(fast.addWork(t, work)).toBe(slow.addWork(t, work));
            expect(fast.subtractWork(t, work)).toBe(slow.subtractWork(t, work));
            expect(fast.nextWorkStart(t)).toBe(slow.nextWorkStart(t));
            expect(fast.previousWorkFinish(t)).toBe(slow.previousWorkFinish(t));
            expect(fast.workBetween(t, wallMinutes(t + w))).toBe(slow.workBetween(t, wallMinutes(t + w)));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('finish a 40% lag of a day inside the afternoon', () => {
    const time = compileCalendar(
      [
        {
          id: calendarId('s'),
          week: [
            [],
            [
              { from: 480, to: 720 },
              { from: 780, to: 1020 },
            ],
            [],
            [],
            [],
            [],
            [],
          ],
          exceptions: [],
          workWeeks: [],
        },
      ],
      calendarId('s'),
    );
    const monday = instantFromCivil(2026, 3, 2, 8);
    expect(time.addWork(monday, workMinutes(0.4 * 480 + 0.5))).toBe(monday + 192.5);
    expect(time.addWork(monday, workMinutes(240.25))).toBe(monday + 300.25);
  });
});

describe('work coordinates', () => {
  it('turn differences into workBetween and coordinates back into the snapped finish and start', () => {
    fc.assert(
      fc.property(
        calendarsArbitrary.filter(hasWork),
        fc.array(instantArbitrary, { minLength: 1, maxLength: 8 }),
        (calendars, instants) => {
          const time = compileCalendar(calendars, calendarId('derived'));
          const first = instants[0] as (typeof instants)[number];
          for (const t of instants) {
            expect(time.workAt(t) - time.workAt(first)).toBe(time.workBetween(first, t));
            expect(time.finishAt(time.workAt(t))).toBe(time.previousWorkFinish(t));
            expect(time.startAt(time.workAt(t))).toBe(time.nextWorkStart(t));
            expect(time.workAt(time.finishAt(time.workAt(t) + 100))).toBe(time.workAt(t) + 100);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('long durations', () => {
  const standardWithHolidays: Calendar = {
    id: calendarId('h'),
    week: [
      [],
      [{ from: 480, to: 1020 }],
      [{ from: 480, to: 1020 }],
      [{ from: 480, to: 1020 }],
      [{ from: 480, to: 1020 }],
      [{ from: 480, to: 1020 }],
      [],
    ],
    exceptions: [{ fromDay: dayNumber(aroundDay + 10), toDay: dayNumber(aroundDay + 40), intervals: [] }],
    workWeeks: [],
  };

  it.each([1, 5, 50, 400])('places %i years of work exactly where the reference does', (years) => {
    const fast = compileCalendar([standardWithHolidays], calendarId('h'));
    const slow = referenceWorkingTime(fast);
    const work = workMinutes(years * 260 * 540 + 17);
    expect(fast.addWork(around, work)).toBe(slow.addWork(around, work));
    expect(fast.subtractWork(around, work)).toBe(slow.subtractWork(around, work));
    expect(fast.workBetween(fast.subtractWork(around, work), fast.addWork(around, work))).toBe(2 * work);
  });

  it('answers far from where the table was first built, in both directions', () => {
    const fast = compileCalendar([standardWithHolidays], calendarId('h'));
    const slow = referenceWorkingTime(fast);
    for (const t of [
      around,
      wallMinutes(around + 3_000_000),
      wallMinutes(around - 3_000_000),
      wallMinutes(around + 5000),
    ]) {
      expect(fast.addWork(t, workMinutes(12_345))).toBe(slow.addWork(t, workMinutes(12_345)));
      expect(fast.subtractWork(t, workMinutes(12_345))).toBe(slow.subtractWork(t, workMinutes(12_345)));
    }
  });
});
