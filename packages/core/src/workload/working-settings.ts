import { parseDay } from '../calendar/day-number';
import {
  type Calendar,
  type CalendarException,
  calendarId,
  type DayPattern,
  type WeekPattern,
} from '../calendar/model';

/** Working time as a person types it: working weekdays, the hours of a working day and named holidays. */
export interface WorkingSettings {
  /** Working days of the week, 0 Sunday … 6 Saturday; Monday to Friday when absent. */
  readonly workingDays?: readonly number[] | undefined;
  /** Working hours of a working day, `HH:MM` pairs in order; 08:00–12:00 and 13:00–17:00 when absent. */
  readonly workingHours?: readonly { readonly start: string; readonly finish: string }[] | undefined;
  /** Non-working days, `YYYY-MM-DD`, with a name. */
  readonly holidays?: readonly { readonly date: string; readonly name: string }[] | undefined;
}

const standardHours = [
  { start: '08:00', finish: '12:00' },
  { start: '13:00', finish: '17:00' },
] as const;

function minuteOf(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) {
    throw new RangeError(`"${text}" is not a time of day HH:MM`);
  }
  return hour * 60 + minute;
}

/** The day pattern of the working hours; throws a RangeError when they are out of order or overlap. */
export function dayPatternOf(hours: WorkingSettings['workingHours']): DayPattern {
  const pattern = (hours ?? standardHours).map(({ start, finish }) => ({
    from: minuteOf(start),
    to: minuteOf(finish),
  }));
  for (const [index, interval] of pattern.entries()) {
    const previous = pattern[index - 1];
    if (interval.from >= interval.to || (previous && interval.from < previous.to)) {
      throw new RangeError('Working hours must be increasing, non-overlapping start–finish pairs');
    }
  }
  return pattern;
}

/** Working minutes in a day of these hours (the standard day when none), for "hours per day" unit conversion. */
export function workingMinutesPerDay(hours: WorkingSettings['workingHours']): number {
  return dayPatternOf(hours).reduce((sum, part) => sum + part.to - part.from, 0);
}

const weekdays = [1, 2, 3, 4, 5] as const;

/**
 * The calendar of simple working settings (a project's or a resource's), for the calendar engine; each holiday is a
 * non-working day.
 * @example compileCalendar([calendarFromSettings('r1', { workingDays: [1, 2, 3, 4, 5] })], calendarId('r1'));
 */
export function calendarFromSettings(id: string, settings: WorkingSettings, name?: string): Calendar {
  // Stored settings may carry an empty list of hours: that means the standard day, as an absent list does.
  const workday = dayPatternOf(settings.workingHours?.length ? settings.workingHours : undefined);
  const days = new Set(settings.workingDays ?? weekdays);
  const week = [0, 1, 2, 3, 4, 5, 6].map((day) => (days.has(day) ? workday : [])) as unknown as WeekPattern;
  const exceptions: CalendarException[] = (settings.holidays ?? []).map((holiday) => {
    const day = parseDay(holiday.date);
    return { name: holiday.name, fromDay: day, toDay: day, intervals: [] };
  });
  return { id: calendarId(id), ...(name ? { name } : {}), week, exceptions, workWeeks: [] };
}
