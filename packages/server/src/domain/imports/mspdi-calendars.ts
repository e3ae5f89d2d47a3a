import type {
  Calendar,
  CalendarException,
  DayPattern,
  Recurrence,
  WeekPattern,
} from '@tandem/core/calendar/model';
import type { MspdiCalendar, MspdiException, MspdiWeekDay, MspdiWorkingTime } from '@tandem/interop';

const DAY = 1440;

function workingTimes(pattern: DayPattern): MspdiWorkingTime[] {
  // MSPDI writes midnight at the end of a day as 00:00.
  return pattern.map((interval) => ({ from: interval.from, to: interval.to % DAY }));
}

function weekDays(week: WeekPattern): MspdiWeekDay[] {
  return week.flatMap((pattern, day): MspdiWeekDay[] => {
    if (pattern === undefined) return [];
    return [
      pattern.length === 0
        ? { dayType: day + 1, dayWorking: false, workingTimes: [] }
        : { dayType: day + 1, dayWorking: true, workingTimes: workingTimes(pattern) },
    ];
  });
}

/** MSPDI's recurrence fields for a core recurrence (the inverse of the reader's mapping). */
function recurrenceFields(recurrence: Recurrence | undefined): Partial<MspdiException> {
  if (recurrence === undefined) return { Type: 1 };
  switch (recurrence.kind) {
    case 'daily':
      return { Type: 7, Period: recurrence.every };
    case 'weekly':
      return {
        Type: 6,
        Period: recurrence.every,
        DaysOfWeek: recurrence.daysOfWeek.reduce<number>((bits, day) => bits | (1 << day), 0),
      };
    case 'monthlyByDay':
      return { Type: 4, Period: recurrence.every, MonthDay: recurrence.dayOfMonth };
    case 'monthlyByPosition':
      return {
        Type: 5,
        Period: recurrence.every,
        MonthPosition: recurrence.position - 1,
        MonthItem: recurrence.dayOfWeek + 3,
      };
    case 'yearlyByDate':
      return { Type: 2, Month: recurrence.month - 1, MonthDay: recurrence.dayOfMonth };
    case 'yearlyByPosition':
      return {
        Type: 3,
        Month: recurrence.month - 1,
        MonthPosition: recurrence.position - 1,
        MonthItem: recurrence.dayOfWeek + 3,
      };
  }
}

function exception(entry: CalendarException): MspdiException {
  return {
    ...(entry.name === undefined ? {} : { Name: entry.name }),
    ...(entry.occurrences === undefined
      ? {}
      : { EnteredByOccurrences: true, Occurrences: entry.occurrences }),
    ...recurrenceFields(entry.recurrence),
    DayWorking: entry.intervals.length > 0,
    timePeriod: { from: entry.fromDay * DAY, to: entry.toDay * DAY + DAY - 1 },
    workingTimes: workingTimes(entry.intervals),
  };
}

/**
 * Core calendars as MSPDI calendars, numbered from 1 in their order; returns them with the UID each core calendar id
 * got. A calendar without a base is a base calendar, as MS Project requires of the project calendar.
 */
export function toMspdiCalendars(calendars: readonly Calendar[]): {
  calendars: MspdiCalendar[];
  uidOf: Map<string, number>;
} {
  const uidOf = new Map(calendars.map((calendar, index) => [calendar.id as string, index + 1]));
  return {
    uidOf,
    calendars: calendars.map((calendar, index) => {
      const base = calendar.baseCalendarId === undefined ? undefined : uidOf.get(calendar.baseCalendarId);
      return {
        UID: index + 1,
        Name: calendar.name ?? `Calendar ${index + 1}`,
        IsBaseCalendar: base === undefined,
        ...(base === undefined ? {} : { BaseCalendarUID: base }),
        weekDays: weekDays(calendar.week),
        exceptions: calendar.exceptions.map(exception),
        workWeeks: calendar.workWeeks.map((week) => ({
          ...(week.name === undefined ? {} : { name: week.name }),
          timePeriod: { from: week.fromDay * DAY, to: week.toDay * DAY + DAY - 1 },
          weekDays: weekDays(week.week),
        })),
        other: [],
      };
    }),
  };
}
