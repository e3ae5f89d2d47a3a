import { CompiledCalendar } from './compiled-calendar';
import type { Calendar, CalendarId } from './model';
import { twentyFourHourCalendar } from './presets';
import { resolveCalendar } from './resolve';
import type { IndexedWorkingTime } from './working-time';

/**
 * Compiles calendar `id` (with its base calendars, taken from `calendars`) into an {@link IndexedWorkingTime}. Throws a
 * RangeError naming the calendar when it or a base is missing, the bases form a cycle, or an interval is invalid.
 *
 * @example
 * const time = compileCalendar([standardCalendar], standardCalendar.id);
 * time.addWork(parseInstant('2026-03-06T16:00'), workMinutes(120)); // Monday 2026-03-09 09:00
 */
export function compileCalendar(
  calendars: ReadonlyMap<CalendarId, Calendar> | readonly Calendar[],
  id: CalendarId,
): IndexedWorkingTime {
  return new CompiledCalendar(resolveCalendar(calendars, id));
}

/** Working time on the 24-hour clock, for elapsed durations and elapsed lags. */
export const elapsedTime: IndexedWorkingTime = compileCalendar(
  [twentyFourHourCalendar],
  twentyFourHourCalendar.id,
);
