import { dayOfInstant } from '@tandem/core/calendar/day-number';
import {
  type Calendar,
  type CalendarException,
  calendarId,
  type DayOfWeek,
  type DayPattern,
  type Recurrence,
  type WeekPattern,
  type WeekPosition,
  type WorkWeek,
  wallMinutes,
} from '@tandem/core/calendar/model';
import type { MspdiCalendar, MspdiException, MspdiWeekDay, MspdiWorkingTime } from './model';

type MutableWeek = { -readonly [K in keyof WeekPattern]: WeekPattern[K] };

/** Converts MSPDI calendars to the core model; the ids are the calendars' UIDs as strings. */
export function toCoreCalendars(calendars: readonly MspdiCalendar[]): Calendar[] {
  const known = new Set(calendars.map((calendar) => calendar.UID));
  return calendars.flatMap((calendar) => {
    if (calendar.UID === undefined) return [];
    const base = calendar.BaseCalendarUID;
    const core: Calendar = {
      id: calendarId(String(calendar.UID)),
      ...(calendar.Name !== undefined && { name: calendar.Name }),
      ...(base !== undefined && base >= 0 && base !== calendar.UID && known.has(base)
        ? { baseCalendarId: calendarId(String(base)) }
        : {}),
      week: toWeek(calendar.weekDays),
      exceptions: toExceptions(calendar),
      workWeeks: calendar.workWeeks.flatMap((week): WorkWeek[] =>
        week.timePeriod
          ? [
              {
                ...(week.name !== undefined && { name: week.name }),
                fromDay: dayOf(week.timePeriod.from),
                toDay: dayOf(week.timePeriod.to),
                week: toWeek(week.weekDays),
              },
            ]
          : [],
      ),
    };
    return [core];
  });
}

const dayOf = (instant: number) => dayOfInstant(wallMinutes(instant));

/** Working times as sorted intervals; a `ToTime` of 00:00 (or any end not after its start) means midnight at day end. */
export function toDayPattern(times: readonly MspdiWorkingTime[]): DayPattern {
  return times
    .map((time) => ({ from: time.from, to: time.to <= time.from ? 1440 : time.to }))
    .sort((a, b) => a.from - b.from);
}

function toWeek(days: readonly MspdiWeekDay[]): WeekPattern {
  const week: MutableWeek = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  for (const day of days) {
    if (day.dayType < 1 || day.dayType > 7) continue;
    // A day marked working but with no times keeps the inherited (or default) hours, as MS Project shows it.
    if (day.dayWorking === false) week[day.dayType - 1] = [];
    else if (day.workingTimes.length > 0) week[day.dayType - 1] = toDayPattern(day.workingTimes);
  }
  return week;
}

function toExceptions(calendar: MspdiCalendar): CalendarException[] {
  if (calendar.exceptions.length > 0) return calendar.exceptions.flatMap(toException);
  // MS Project 2003 and older wrote exceptions as WeekDay entries of DayType 0; MPXJ reads them only when no
  // <Exceptions> exist, because 2007+ writes both and the <Exceptions> are the richer copy.
  return calendar.weekDays.flatMap((day): CalendarException[] =>
    day.dayType === 0 && day.timePeriod
      ? [
          {
            fromDay: dayOf(day.timePeriod.from),
            toDay: dayOf(day.timePeriod.to),
            intervals: day.dayWorking === false ? [] : toDayPattern(day.workingTimes),
          },
        ]
      : [],
  );
}

const DAY_BITS: readonly DayOfWeek[] = [0, 1, 2, 3, 4, 5, 6];

function toException(exception: MspdiException): CalendarException[] {
  if (!exception.timePeriod) return [];
  const recurrence = toRecurrence(exception);
  if (recurrence === null) return [];
  const occurrences = exception.Occurrences;
  return [
    {
      ...(exception.Name !== undefined && { name: exception.Name }),
      fromDay: dayOf(exception.timePeriod.from),
      toDay: dayOf(exception.timePeriod.to),
      intervals: exception.DayWorking === true ? toDayPattern(exception.workingTimes) : [],
      ...(recurrence && { recurrence }),
      ...(recurrence && occurrences !== undefined && occurrences > 0 && { occurrences }),
    },
  ];
}

/**
 * MSPDI exception `Type`: 1 daily (a plain range), 2 yearly by date, 3 yearly by position, 4 monthly by date, 5 monthly
 * by position, 6 weekly, 7 every n days. `MonthItem` 3–9 is Sunday–Saturday, `MonthPosition` 0–4 first…last, `Month`
 * 0–11. Returns undefined for a plain range and null for a recurrence that selects no day (MS Project ignores it).
 */
function toRecurrence(exception: MspdiException): Recurrence | undefined | null {
  const every = Math.max(1, exception.Period ?? 1);
  const position = ((exception.MonthPosition ?? 0) + 1) as WeekPosition;
  const dayOfWeek = ((exception.MonthItem ?? 3) - 3) as DayOfWeek;
  const month = (exception.Month ?? 0) + 1;
  const validDay = dayOfWeek >= 0 && dayOfWeek <= 6 && position >= 1 && position <= 5;
  switch (exception.Type) {
    case undefined:
    case 1:
      return undefined;
    case 7:
      return every === 1 ? undefined : { kind: 'daily', every };
    case 6: {
      const bits = exception.DaysOfWeek ?? 0;
      const daysOfWeek = DAY_BITS.filter((day) => (bits & (1 << day)) !== 0);
      return daysOfWeek.length === 0 ? null : { kind: 'weekly', every, daysOfWeek };
    }
    case 4:
      return exception.MonthDay === undefined
        ? null
        : { kind: 'monthlyByDay', every, dayOfMonth: exception.MonthDay };
    case 5:
      return validDay ? { kind: 'monthlyByPosition', every, position, dayOfWeek } : null;
    case 2:
      return exception.MonthDay === undefined
        ? null
        : { kind: 'yearlyByDate', month, dayOfMonth: exception.MonthDay };
    case 3:
      return validDay ? { kind: 'yearlyByPosition', month, position, dayOfWeek } : null;
    default:
      return null;
  }
}
