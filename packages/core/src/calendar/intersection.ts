/**
 * The working time common to several calendars. MS Project schedules a task that has its own calendar and assigned
 * resources only in the periods where both the task calendar and the resource calendar work (unless the task ignores
 * resource calendars); this builds that calendar once so that every later question is as fast as on a plain one.
 */
import { CompiledCalendar } from './compiled-calendar';
import { nonWorkingDay } from './day-pattern';
import {
  type Calendar,
  type CalendarId,
  calendarId,
  type DayNumber,
  type DayPattern,
  type WorkingInterval,
} from './model';
import { type ResolvedCalendar, resolveCalendar } from './resolve';
import type { IndexedWorkingTime } from './working-time';

/** The intervals where both normalized patterns work. */
export function intersectDayPatterns(a: DayPattern, b: DayPattern): DayPattern {
  if (a.length === 0 || b.length === 0) return nonWorkingDay;
  const result: WorkingInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as WorkingInterval;
    const y = b[j] as WorkingInterval;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (from < to) result.push({ from, to });
    if (x.to <= y.to) i++;
    else j++;
  }
  return result.length === 0 ? nonWorkingDay : result;
}

function intersectResolved(parts: readonly ResolvedCalendar[], id: CalendarId): ResolvedCalendar {
  // Equal results share one object, so the compiled table interns them by identity.
  const shared = new Map<string, DayPattern>();
  const intern = (pattern: DayPattern): DayPattern => {
    const key = pattern.map((i) => `${i.from}-${i.to}`).join(',');
    let known = shared.get(key);
    if (known === undefined) {
      known = Object.freeze(pattern.map((i) => Object.freeze({ ...i })));
      shared.set(key, known);
    }
    return known;
  };
  const combine = (patterns: readonly DayPattern[]): DayPattern =>
    intern(patterns.reduce((acc, pattern) => intersectDayPatterns(acc, pattern)));

  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    if (part.irregular === undefined) continue;
    first = Math.min(first, part.irregular.first);
    last = Math.max(last, part.irregular.last);
  }
  return {
    id,
    regularWeek: [0, 1, 2, 3, 4, 5, 6].map((dow) =>
      combine(parts.map((p) => p.regularWeek[dow] as DayPattern)),
    ),
    irregular: first <= last ? { first, last } : undefined,
    dayPattern: (day: DayNumber) => combine(parts.map((p) => p.dayPattern(day))),
  };
}

/**
 * Compiles the working time common to calendars `ids` (each with its base calendars): a minute works only when it
 * works in every one of them. Throws like `compileCalendar` for a missing calendar.
 *
 * @example compileCalendarIntersection(calendars, [taskCalendarId, resourceCalendarId])
 */
export function compileCalendarIntersection(
  calendars: ReadonlyMap<CalendarId, Calendar> | readonly Calendar[],
  ids: readonly CalendarId[],
): IndexedWorkingTime {
  if (ids.length === 0) throw new RangeError('an intersection of calendars needs at least one calendar');
  const parts = ids.map((id) => resolveCalendar(calendars, id));
  if (parts.length === 1) return new CompiledCalendar(parts[0] as ResolvedCalendar);
  return new CompiledCalendar(intersectResolved(parts, calendarId(ids.join(' ∩ '))));
}
