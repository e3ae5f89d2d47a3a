import { dayNumber, formatDay, mondayOf, parseDay } from '@tandem/core';
import { ApiError } from '../../http/errors';
import { invalid } from '../shared/errors';

/** The Monday starting the week of a day, `YYYY-MM-DD`; a timesheet covers Monday to Sunday. */
export function weekStartOf(day: string): string {
  return formatDay(mondayOf(parseDay(day)));
}

/** The Sunday ending the week that starts on `weekStart`. */
export function weekEndOf(weekStart: string): string {
  return formatDay(dayNumber(parseDay(weekStart) + 6));
}

/** Checks a week's first day is a Monday (a 400 naming `field` otherwise). */
export function assertMonday(weekStart: string, field = 'weekStart'): void {
  if (weekStartOf(weekStart) !== weekStart) {
    throw invalid(field, `A timesheet week starts on a Monday; ${weekStart} is not one`);
  }
}

/** Days between two dates inclusive, and a 400 naming `to` when the range is reversed or longer than `maxDays`. */
export function assertRange(from: string, to: string, maxDays: number): number {
  const days = parseDay(to) - parseDay(from) + 1;
  if (days < 1) throw invalid('to', `The range ends (${to}) before it starts (${from})`);
  if (days > maxDays) throw invalid('to', `The range covers ${days} days; ask for at most ${maxDays}`);
  return days;
}

/** The 409 for a write to a week that is waiting for approval or approved. */
export function weekLocked(weekStart: string, state: 'submitted' | 'approved'): ApiError {
  const why =
    state === 'submitted'
      ? 'is submitted for approval; its time entries are locked until it is approved or sent back'
      : 'is approved; its time entries are locked';
  return new ApiError(409, 'TIMESHEET_LOCKED', `The week of ${weekStart} ${why}`);
}

/** Today's date on the server's clock, for a timer started without the caller's own day. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
