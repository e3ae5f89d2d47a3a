import { describe, expect, it } from 'vitest';
import { toCoreCalendars, toDayPattern } from './calendar-mapping';
import type { MspdiCalendar, MspdiException } from './model';
import { parseMspdiDate } from './values';

const day = (text: string) => (parseMspdiDate(`${text}T00:00:00`) as number) / 1440;

function withException(exception: Partial<MspdiException>): MspdiCalendar {
  return {
    UID: 1,
    weekDays: [],
    workWeeks: [],
    other: [],
    exceptions: [
      {
        workingTimes: [],
        timePeriod: {
          from: parseMspdiDate('2026-01-01T00:00:00') as number,
          to: parseMspdiDate('2026-12-31T23:59:00') as number,
        },
        ...exception,
      },
    ],
  };
}

describe('toCoreCalendars', () => {
  it.each([
    ['1 (daily, a plain range)', { Type: 1 }, undefined],
    ['7 every day', { Type: 7, Period: 1 }, undefined],
    ['7 every 3 days', { Type: 7, Period: 3 }, { kind: 'daily', every: 3 }],
    [
      '6 weekly on Monday and Friday',
      { Type: 6, Period: 2, DaysOfWeek: 2 + 32 },
      { kind: 'weekly', every: 2, daysOfWeek: [1, 5] },
    ],
    [
      '4 monthly on day 15',
      { Type: 4, Period: 1, MonthDay: 15 },
      { kind: 'monthlyByDay', every: 1, dayOfMonth: 15 },
    ],
    [
      '5 monthly on the last Sunday',
      { Type: 5, Period: 2, MonthItem: 3, MonthPosition: 4 },
      { kind: 'monthlyByPosition', every: 2, position: 5, dayOfWeek: 0 },
    ],
    [
      '2 yearly on 25 December',
      { Type: 2, Month: 11, MonthDay: 25 },
      { kind: 'yearlyByDate', month: 12, dayOfMonth: 25 },
    ],
    [
      '3 yearly on the second Friday of May',
      { Type: 3, Month: 4, MonthItem: 8, MonthPosition: 1 },
      { kind: 'yearlyByPosition', month: 5, position: 2, dayOfWeek: 5 },
    ],
  ] as const)('maps exception Type %s', (_name, exception, recurrence) => {
    const [calendar] = toCoreCalendars([withException(exception)]);
    expect(calendar?.exceptions[0]?.recurrence).toEqual(recurrence);
    expect(calendar?.exceptions[0]).toMatchObject({ fromDay: day('2026-01-01'), toDay: day('2026-12-31') });
  });

  it('drops a weekly exception that selects no day, as MS Project ignores it', () => {
    expect(toCoreCalendars([withException({ Type: 6, DaysOfWeek: 0 })])[0]?.exceptions).toEqual([]);
  });

  it('keeps the number of occurrences of a recurring exception', () => {
    const [calendar] = toCoreCalendars([withException({ Type: 7, Period: 2, Occurrences: 5 })]);
    expect(calendar?.exceptions[0]).toMatchObject({
      recurrence: { kind: 'daily', every: 2 },
      occurrences: 5,
    });
  });

  it('gives working exceptions their hours and non-working ones none', () => {
    const times = [{ from: 480, to: 720 }];
    expect(
      toCoreCalendars([withException({ DayWorking: true, workingTimes: times })])[0]?.exceptions[0]
        ?.intervals,
    ).toEqual(times);
    expect(
      toCoreCalendars([withException({ DayWorking: false, workingTimes: times })])[0]?.exceptions[0]
        ?.intervals,
    ).toEqual([]);
  });

  it('ignores a base calendar that does not exist or is the calendar itself', () => {
    const base = { UID: 1, weekDays: [], exceptions: [], workWeeks: [], other: [] };
    const calendars = toCoreCalendars([
      { ...base, BaseCalendarUID: -1 },
      { ...base, UID: 2, BaseCalendarUID: 1 },
      { ...base, UID: 3, BaseCalendarUID: 3 },
      { ...base, UID: 4, BaseCalendarUID: 99 },
    ]);
    expect(calendars.map((calendar) => calendar.baseCalendarId)).toEqual([
      undefined,
      '1',
      undefined,
      undefined,
    ]);
  });
});

describe('toDayPattern', () => {
  it('reads a ToTime of midnight as the end of the day and sorts the intervals', () => {
    expect(
      toDayPattern([
        { from: 1380, to: 0 },
        { from: 0, to: 180 },
      ]),
    ).toEqual([
      { from: 0, to: 180 },
      { from: 1380, to: 1440 },
    ]);
  });
});
