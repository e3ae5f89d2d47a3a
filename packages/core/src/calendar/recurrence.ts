/**
 * Expands a calendar exception into the days it covers. Recurring exceptions follow MS Project's rules as MPXJ's
 * RecurringData reproduces them: weekly counts weeks from the Sunday that starts the first day's week, monthly counts
 * months from the first day's month, a day of month past the month's end is clamped to its last day, and position 5
 * means the last such weekday of the month.
 */
import { civilFromDay, dayFromCivil, dayOfWeek, daysInMonth } from './day-number';
import {
  type CalendarException,
  type DayNumber,
  type DayOfWeek,
  dayNumber,
  type Recurrence,
  type WeekPosition,
} from './model';

/** The most days one exception may cover: about 550 years, far beyond MS Project's 1984–2149 range. */
export const MAX_EXCEPTION_DAYS = 200_000;

/** The n-th (1–4) or last (5) `weekday` of a month. */
export function weekdayOfMonth(
  year: number,
  month: number,
  position: WeekPosition,
  weekday: DayOfWeek,
): DayNumber {
  if (position === 5) {
    const lastDay = dayFromCivil(year, month, daysInMonth(year, month));
    return (lastDay - ((dayOfWeek(lastDay) - weekday + 7) % 7)) as DayNumber;
  }
  const firstDay = dayFromCivil(year, month, 1);
  return (firstDay + ((weekday - dayOfWeek(firstDay) + 7) % 7) + 7 * (position - 1)) as DayNumber;
}

/** The clamped day `dayOfMonth` of a month: the 31st of April is the 30th. */
function clampedDay(year: number, month: number, dayOfMonth: number): number {
  return dayFromCivil(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

function checkInteger(value: number, min: number, max: number, what: string, where: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${where}: ${what} ${value} must be a whole number from ${min} to ${max}`);
  }
}

function checkRecurrence(r: Recurrence, where: string): void {
  if ('every' in r) checkInteger(r.every, 1, 10_000, 'interval', where);
  if ('month' in r) checkInteger(r.month, 1, 12, 'month', where);
  if ('dayOfMonth' in r) checkInteger(r.dayOfMonth, 1, 31, 'day of month', where);
  if ('position' in r) checkInteger(r.position, 1, 5, 'week position', where);
  if ('dayOfWeek' in r) checkInteger(r.dayOfWeek, 0, 6, 'day of week', where);
  if (r.kind === 'weekly') {
    if (r.daysOfWeek.length === 0)
      throw new RangeError(`${where}: a weekly recurrence needs at least one day of week`);
    for (const d of r.daysOfWeek) checkInteger(d, 0, 6, 'day of week', where);
  }
}

/** Candidate days of a recurrence from `first` on, ascending, unbounded (the caller stops it). */
function* candidates(r: Recurrence, first: number): Generator<number> {
  const start = civilFromDay(first as DayNumber);
  switch (r.kind) {
    case 'daily':
      for (let day = first; ; day += r.every) yield day;
    case 'weekly': {
      const days = [...new Set(r.daysOfWeek)].sort((a, b) => a - b);
      for (let sunday = first - dayOfWeek(first as DayNumber); ; sunday += 7 * r.every) {
        for (const dow of days) if (sunday + dow >= first) yield sunday + dow;
      }
    }
    case 'monthlyByDay': {
      // MS Project starts in the next month when the wanted day (before clamping) is earlier than the first day.
      let index = start.year * 12 + start.month - 1 + (r.dayOfMonth < start.day ? 1 : 0);
      for (; ; index += r.every) yield clampedDay(Math.floor(index / 12), (index % 12) + 1, r.dayOfMonth);
    }
    case 'monthlyByPosition':
      for (let index = start.year * 12 + start.month - 1; ; index += r.every) {
        const day = weekdayOfMonth(Math.floor(index / 12), (index % 12) + 1, r.position, r.dayOfWeek);
        if (day >= first) yield day;
      }
    case 'yearlyByDate':
      for (let year = start.year; ; year++) {
        const day = clampedDay(year, r.month, r.dayOfMonth);
        if (day >= first) yield day;
      }
    case 'yearlyByPosition':
      for (let year = start.year; ; year++) {
        const day = weekdayOfMonth(year, r.month, r.position, r.dayOfWeek);
        if (day >= first) yield day;
      }
    default:
      return assertNever(r);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected recurrence ${JSON.stringify(value)}`);
}

/**
 * The days an exception covers, ascending: every day of its range, or the occurrences of its recurrence that fall
 * between `fromDay` and `toDay` (and among the first `occurrences`, when set).
 */
export function exceptionDays(exception: CalendarException, where = 'calendar exception'): DayNumber[] {
  const { fromDay, toDay, recurrence, occurrences } = exception;
  checkInteger(fromDay, -10_000_000, 10_000_000, 'first day', where);
  checkInteger(toDay, fromDay, 10_000_000, 'last day', where);
  if (occurrences !== undefined) checkInteger(occurrences, 1, 1_000_000, 'occurrences', where);
  const limit = occurrences ?? Number.POSITIVE_INFINITY;
  const days: DayNumber[] = [];
  // MS Project's dates run from 1984 to 2149 (about 60,000 days); far beyond that a range is a data error, and
  // expanding it would only exhaust memory.
  if (recurrence === undefined && Math.min(toDay - fromDay + 1, limit) > MAX_EXCEPTION_DAYS) {
    throw new RangeError(`${where}: covers more than ${MAX_EXCEPTION_DAYS} days`);
  }
  if (recurrence === undefined) {
    for (let day = fromDay; day <= toDay && days.length < limit; day++) days.push(dayNumber(day));
    return days;
  }
  checkRecurrence(recurrence, where);
  for (const day of candidates(recurrence, fromDay)) {
    if (day > toDay || days.length >= limit) break;
    if (days.length === MAX_EXCEPTION_DAYS)
      throw new RangeError(`${where}: covers more than ${MAX_EXCEPTION_DAYS} days`);
    days.push(dayNumber(day));
  }
  return days;
}
