import { describe, expect, it } from 'vitest';
import { compileCalendar, elapsedTime } from './compile';
import { formatInstant, parseDay, parseInstant } from './day-number';
import {
  type Calendar,
  type CalendarException,
  calendarId,
  type DayPattern,
  type WeekPattern,
  workMinutes,
} from './model';
import { nightShiftCalendar, standardCalendar, twentyFourHourCalendar } from './presets';

// 2026-03-02 is a Monday; 2026-02-27 the Friday before it.
const at = (text: string) => parseInstant(text);
const show = (t: number) => formatInstant(t as ReturnType<typeof at>).slice(0, 16);
const standard = compileCalendar([standardCalendar], standardCalendar.id);
const workday: DayPattern = [
  { from: 480, to: 720 },
  { from: 780, to: 1020 },
];

function calendar(id: string, parts: Partial<Calendar> = {}): Calendar {
  return {
    id: calendarId(id),
    week: [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    exceptions: [],
    workWeeks: [],
    ...parts,
  };
}

const holiday = (from: string, to = from, intervals: DayPattern = []): CalendarException => ({
  fromDay: parseDay(from),
  toDay: parseDay(to),
  intervals,
});

describe('the standard calendar', () => {
  it.each([
    ['a full day from Monday 08:00', '2026-03-02T08:00', 480, '2026-03-02T17:00'],
    [
      'a morning that ends at the lunch break, which stays at 12:00',
      '2026-03-02T08:00',
      240,
      '2026-03-02T12:00',
    ],
    ['a start at 12:00 that moves to 13:00', '2026-03-02T12:00', 60, '2026-03-02T14:00'],
    ['two hours from Friday 16:00 that end on Monday 09:00', '2026-02-27T16:00', 120, '2026-03-02T09:00'],
    ['an hour from Saturday morning that runs on Monday', '2026-02-28T10:00', 60, '2026-03-02T09:00'],
    ['a start in the evening that moves to the next morning', '2026-03-02T19:30', 30, '2026-03-03T08:30'],
    ['one week that ends on Friday 17:00', '2026-03-02T08:00', 2400, '2026-03-06T17:00'],
    ['zero work from Saturday that gives the next start', '2026-02-28T10:00', 0, '2026-03-02T08:00'],
    ['zero work from 17:00 that gives the next morning', '2026-03-02T17:00', 0, '2026-03-03T08:00'],
    ['negative work that goes back over the weekend', '2026-03-02T09:00', -120, '2026-02-27T16:00'],
    ['ten years of weeks', '2026-03-02T08:00', 2400 * 521, '2036-02-22T17:00'],
  ])('adds %s', (_name, start, work, finish) => {
    expect(show(standard.addWork(at(start), workMinutes(work)))).toBe(finish);
  });

  it.each([
    ['two hours back from Monday 09:00 to Friday 16:00', '2026-03-02T09:00', 120, '2026-02-27T16:00'],
    ['zero work from Monday 08:00 to the Friday 17:00 finish', '2026-03-02T08:00', 0, '2026-02-27T17:00'],
    ['a morning back from 13:00, which counts as 12:00', '2026-03-02T13:00', 240, '2026-03-02T08:00'],
    ['negative work that goes forward', '2026-02-27T16:00', -120, '2026-03-02T09:00'],
  ])('subtracts %s', (_name, finish, work, start) => {
    expect(show(standard.subtractWork(at(finish), workMinutes(work)))).toBe(start);
  });

  it.each([
    ['12:00, a finish, which stays at 12:00', '2026-03-02T12:00', '2026-03-02T12:00'],
    ['12:30, in the break, back to 12:00', '2026-03-02T12:30', '2026-03-02T12:00'],
    ['08:00 Monday back to Friday 17:00', '2026-03-02T08:00', '2026-02-27T17:00'],
    ['Sunday noon back to Friday 17:00', '2026-03-01T12:00', '2026-02-27T17:00'],
    ['10:15 in the morning, which stays', '2026-03-02T10:15', '2026-03-02T10:15'],
  ])('snaps a finish at %s', (_name, t, expected) => {
    expect(show(standard.previousWorkFinish(at(t)))).toBe(expected);
  });

  it.each([
    ['12:00 forward to 13:00', '2026-03-02T12:00', '2026-03-02T13:00'],
    ['08:00, which stays', '2026-03-02T08:00', '2026-03-02T08:00'],
    ['17:00 Friday forward to Monday 08:00', '2026-02-27T17:00', '2026-03-02T08:00'],
    ['07:59 forward to 08:00', '2026-03-02T07:59', '2026-03-02T08:00'],
  ])('snaps a start at %s', (_name, t, expected) => {
    expect(show(standard.nextWorkStart(at(t)))).toBe(expected);
  });

  it.each([
    ['a working week', '2026-03-02T08:00', '2026-03-06T17:00', 2400],
    ['the lunch break', '2026-03-02T12:00', '2026-03-02T13:00', 0],
    ['a weekend and two hours', '2026-02-27T16:00', '2026-03-02T09:00', 120],
    ['a reversed range', '2026-03-06T17:00', '2026-03-02T08:00', -2400],
    ['an empty range', '2026-03-02T10:00', '2026-03-02T10:00', 0],
  ])('counts the work in %s', (_name, a, b, expected) => {
    expect(standard.workBetween(at(a), at(b))).toBe(expected);
  });

  it.each([
    ['2026-03-02T08:00', true],
    ['2026-03-02T11:59', true],
    ['2026-03-02T12:00', false],
    ['2026-03-02T13:00', true],
    ['2026-03-02T17:00', false],
    ['2026-02-28T10:00', false],
  ])('tells whether the minute at %s works (%s)', (t, expected) => {
    expect(standard.isWorking(at(t))).toBe(expected);
  });
});

describe('week patterns', () => {
  const shifts = compileCalendar(
    [
      calendar('shifts', {
        week: [
          [],
          [
            { from: 360, to: 600 },
            { from: 660, to: 840 },
            { from: 1320, to: 1440 },
          ],
          [{ from: 0, to: 360 }],
          [],
          [],
          [],
          [],
        ],
      }),
    ],
    calendarId('shifts'),
  );

  it('works through three intervals in one day', () => {
    expect(show(shifts.addWork(at('2026-03-02T06:00'), workMinutes(240 + 180)))).toBe('2026-03-02T14:00');
  });

  it('runs a night shift across midnight when the interval ends at 1440', () => {
    expect(show(shifts.addWork(at('2026-03-02T22:00'), workMinutes(180)))).toBe('2026-03-03T01:00');
  });

  it('finishes a night shift exactly at midnight', () => {
    expect(show(shifts.addWork(at('2026-03-02T22:00'), workMinutes(120)))).toBe('2026-03-03T00:00');
    expect(shifts.workBetween(at('2026-03-02T23:00'), at('2026-03-03T01:00'))).toBe(120);
  });

  it('treats midnight after a 1440 interval as both a finish and a start', () => {
    expect(show(shifts.previousWorkFinish(at('2026-03-03T00:00')))).toBe('2026-03-03T00:00');
    expect(show(shifts.nextWorkStart(at('2026-03-03T00:00')))).toBe('2026-03-03T00:00');
  });

  it('merges touching intervals so the day pattern lists one', () => {
    const merged = compileCalendar(
      [
        calendar('m', {
          week: [
            [],
            [
              { from: 480, to: 720 },
              { from: 720, to: 780 },
            ],
            [],
            [],
            [],
            [],
            [],
          ],
        }),
      ],
      calendarId('m'),
    );
    expect(merged.dayPattern(parseDay('2026-03-02'))).toEqual([{ from: 480, to: 780 }]);
  });

  it('gives a base calendar without days MS Project’s standard week', () => {
    const blank = compileCalendar([calendar('blank')], calendarId('blank'));
    expect(blank.dayPattern(parseDay('2026-03-02'))).toEqual(workday);
    expect(blank.dayPattern(parseDay('2026-03-01'))).toEqual([]);
  });
});

describe('base calendars', () => {
  const base = calendar('base', {
    week: [[], workday, workday, workday, workday, workday, []],
    exceptions: [holiday('2026-03-04'), holiday('2026-03-05')],
  });
  const middle = calendar('middle', {
    baseCalendarId: calendarId('base'),
    week: [undefined, undefined, undefined, undefined, undefined, undefined, [{ from: 540, to: 780 }]],
  });
  const derived = calendar('derived', {
    baseCalendarId: calendarId('middle'),
    week: [undefined, [{ from: 420, to: 900 }], undefined, undefined, undefined, undefined, undefined],
    exceptions: [holiday('2026-03-05', '2026-03-05', [{ from: 600, to: 660 }])],
  });
  const time = compileCalendar([base, middle, derived], calendarId('derived'));

  it.each([
    ['its own Monday', '2026-03-02', [{ from: 420, to: 900 }]],
    ['the base’s Tuesday', '2026-03-03', workday],
    ['the middle calendar’s Saturday', '2026-03-07', [{ from: 540, to: 780 }]],
    ['the base’s holiday, since it has none that day', '2026-03-04', []],
    ['its own exception over the base’s holiday', '2026-03-05', [{ from: 600, to: 660 }]],
  ])('gives the derived calendar %s', (_name, day, expected) => {
    expect(time.dayPattern(parseDay(day))).toEqual(expected);
  });

  it('schedules on the inherited days', () => {
    expect(show(time.addWork(at('2026-03-03T16:00'), workMinutes(120)))).toBe('2026-03-05T11:00');
  });

  it('accepts the calendars as a map', () => {
    const map = new Map([base, middle, derived].map((c) => [c.id, c]));
    expect(compileCalendar(map, calendarId('derived')).dayPattern(parseDay('2026-03-07'))).toEqual([
      { from: 540, to: 780 },
    ]);
  });

  it.each([
    ['a missing calendar', [base], 'nope', /calendar "nope" does not exist/],
    ['a missing base', [middle], 'middle', /missing base calendar "base"/],
    [
      'a cycle of bases',
      [
        calendar('a', { baseCalendarId: calendarId('b') }),
        calendar('b', { baseCalendarId: calendarId('a') }),
      ],
      'a',
      /cycle/,
    ],
    [
      'an interval that ends before it starts',
      [
        calendar('bad', {
          week: [[{ from: 600, to: 500 }], undefined, undefined, undefined, undefined, undefined, undefined],
        }),
      ],
      'bad',
      /600–500/,
    ],
    [
      'an interval past midnight',
      [
        calendar('bad', {
          week: [[{ from: 600, to: 1500 }], undefined, undefined, undefined, undefined, undefined, undefined],
        }),
      ],
      'bad',
      /≤ 1440/,
    ],
  ] as const)('refuses %s', (_name, calendars, id, message) => {
    expect(() => compileCalendar(calendars as readonly Calendar[], calendarId(id))).toThrow(message);
  });
});

describe('work weeks and date-range exceptions', () => {
  const shortFridays: WeekPattern = [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    [{ from: 480, to: 720 }],
    undefined,
  ];
  const summer = calendar('summer', {
    baseCalendarId: standardCalendar.id,
    workWeeks: [
      { name: 'summer', fromDay: parseDay('2026-07-01'), toDay: parseDay('2026-08-31'), week: shortFridays },
    ],
    exceptions: [
      holiday('2026-12-24', '2026-12-31'),
      holiday('2026-12-26', '2026-12-26', [{ from: 540, to: 720 }]),
    ],
  });
  const time = compileCalendar([standardCalendar, summer], calendarId('summer'));

  it.each([
    ['a summer Friday is a half day', '2026-07-03', [{ from: 480, to: 720 }]],
    ['a summer Thursday keeps the default week', '2026-07-02', workday],
    ['a Friday after the work week is whole again', '2026-09-04', workday],
    ['a day of the holiday range is off', '2026-12-29', []],
    ['the later working exception wins inside the range', '2026-12-26', [{ from: 540, to: 720 }]],
  ])('%s', (_name, day, expected) => {
    expect(time.dayPattern(parseDay(day))).toEqual(expected);
  });

  it('carries work over the Christmas shutdown', () => {
    expect(show(time.addWork(at('2026-12-23T16:00'), workMinutes(120)))).toBe('2026-12-26T10:00');
    expect(show(time.addWork(at('2026-12-26T11:00'), workMinutes(120)))).toBe('2027-01-01T09:00');
  });

  it('gives an unset work-week day of a base calendar MS Project’s default times, not its own default week', () => {
    const early: DayPattern = [{ from: 360, to: 840 }];
    const base = calendar('early', {
      week: [[], early, early, early, early, early, []],
      workWeeks: [{ fromDay: parseDay('2026-07-01'), toDay: parseDay('2026-07-31'), week: shortFridays }],
    });
    const time = compileCalendar([base], calendarId('early'));
    expect(time.dayPattern(parseDay('2026-07-06'))).toEqual(workday);
    expect(time.dayPattern(parseDay('2026-07-10'))).toEqual([{ from: 480, to: 720 }]);
    expect(time.dayPattern(parseDay('2026-08-03'))).toEqual(early);
  });

  it('gives an unset work-week day of a derived calendar its base’s default day', () => {
    const late: DayPattern = [{ from: 600, to: 1080 }];
    const base = calendar('late', { week: [[], late, late, late, late, late, []] });
    const child = calendar('child', {
      baseCalendarId: calendarId('late'),
      week: [undefined, [{ from: 420, to: 900 }], undefined, undefined, undefined, undefined, undefined],
      workWeeks: [{ fromDay: parseDay('2026-07-01'), toDay: parseDay('2026-07-31'), week: shortFridays }],
    });
    const time = compileCalendar([base, child], calendarId('child'));
    expect(time.dayPattern(parseDay('2026-07-06'))).toEqual(late);
    expect(time.dayPattern(parseDay('2026-08-03'))).toEqual([{ from: 420, to: 900 }]);
  });

  it('lets a derived calendar inherit the work week of its base', () => {
    const child = calendar('child', { baseCalendarId: calendarId('summer') });
    expect(
      compileCalendar([standardCalendar, summer, child], calendarId('child')).dayPattern(
        parseDay('2026-07-03'),
      ),
    ).toEqual([{ from: 480, to: 720 }]);
  });
});

describe('the 24-hour calendar', () => {
  it('counts every minute of every day', () => {
    const time = compileCalendar([twentyFourHourCalendar], twentyFourHourCalendar.id);
    expect(show(time.addWork(at('2026-02-28T10:30'), workMinutes(3 * 1440)))).toBe('2026-03-03T10:30');
    expect(elapsedTime.workBetween(at('2026-03-01T00:00'), at('2026-04-01T00:00'))).toBe(31 * 1440);
  });

  it('keeps midnight as a finish and a start', () => {
    expect(show(elapsedTime.addWork(at('2026-03-01T00:00'), workMinutes(1440)))).toBe('2026-03-02T00:00');
    expect(show(elapsedTime.subtractWork(at('2026-03-02T00:00'), workMinutes(1440)))).toBe(
      '2026-03-01T00:00',
    );
  });
});

describe('the night shift calendar', () => {
  const nights = compileCalendar([nightShiftCalendar], nightShiftCalendar.id);

  it.each([
    ['one night from Monday 23:00 ends on Tuesday 08:00', '2026-03-02T23:00', 480, '2026-03-03T08:00'],
    ['a week of nights ends on Saturday 08:00', '2026-03-02T23:00', 2400, '2026-03-07T08:00'],
    ['an hour across midnight runs on after the 03:00 break', '2026-03-03T02:30', 60, '2026-03-03T04:30'],
    ['work from Saturday noon waits for Monday night', '2026-03-07T12:00', 30, '2026-03-09T23:30'],
  ])('%s', (_name, start, work, finish) => {
    expect(show(nights.addWork(at(start), workMinutes(work)))).toBe(finish);
  });

  it('works 40 hours a week', () => {
    expect(nights.workBetween(at('2026-03-01T00:00'), at('2026-03-08T00:00'))).toBe(2400);
  });

  it('snaps a finish in the 03:00 break back to 03:00 and a start forward to 04:00', () => {
    expect(show(nights.previousWorkFinish(at('2026-03-04T03:30')))).toBe('2026-03-04T03:00');
    expect(show(nights.nextWorkStart(at('2026-03-04T03:30')))).toBe('2026-03-04T04:00');
  });
});

describe('calendars without working time', () => {
  it('explains that work cannot be placed', () => {
    const idle = compileCalendar(
      [calendar('idle', { week: [[], [], [], [], [], [], []] })],
      calendarId('idle'),
    );
    expect(() => idle.addWork(at('2026-03-02T08:00'), workMinutes(60))).toThrow(
      /calendar "idle" has no working time/,
    );
  });

  it('still places work on the working exceptions of an otherwise idle calendar', () => {
    const idle = compileCalendar(
      [
        calendar('idle', {
          week: [[], [], [], [], [], [], []],
          exceptions: [holiday('2026-03-10', '2026-03-10', workday)],
        }),
      ],
      calendarId('idle'),
    );
    expect(show(idle.addWork(at('2026-03-02T08:00'), workMinutes(300)))).toBe('2026-03-10T14:00');
    expect(idle.workBetween(at('2020-01-01T00:00'), at('2030-01-01T00:00'))).toBe(480);
  });
});
