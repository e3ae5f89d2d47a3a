/**
 * Resolves the working intervals of any day of a calendar through its base-calendar chain, the way MS Project (and
 * MPXJ's ProjectCalendar.getRanges) does: an exception of the calendar, else one of its bases; else the work week that
 * covers the day (the calendar's, else a base's); else the default week, whose unset days come from the base.
 */
import { dayOfWeek } from './day-number';
import { nonWorkingDay, normalizeDayPattern } from './day-pattern';
import type {
  Calendar,
  CalendarId,
  DayNumber,
  DayOfWeek,
  DayPattern,
  Recurrence,
  WeekPattern,
} from './model';
import { exceptionDays } from './recurrence';

/** MS Project's default for a base calendar's unset day: 08:00–12:00 and 13:00–17:00 on weekdays. */
const standardWorkday: DayPattern = Object.freeze([
  Object.freeze({ from: 480, to: 720 }),
  Object.freeze({ from: 780, to: 1020 }),
]);
const standardWeek: readonly DayPattern[] = [
  nonWorkingDay,
  standardWorkday,
  standardWorkday,
  standardWorkday,
  standardWorkday,
  standardWorkday,
  nonWorkingDay,
];

type NormalizedWeek = readonly (DayPattern | undefined)[];

interface ResolvedWorkWeek {
  readonly fromDay: number;
  readonly toDay: number;
  readonly week: NormalizedWeek;
}

interface ChainLink {
  readonly calendar: Calendar;
  readonly week: NormalizedWeek;
  readonly exceptions: ReadonlyMap<number, DayPattern>;
  /** Latest entry first, because the later of two overlapping work weeks wins. */
  readonly workWeeks: readonly ResolvedWorkWeek[];
}

/** A calendar flattened through its base chain. */
export interface ResolvedCalendar {
  readonly id: CalendarId;
  /** The working intervals of a day (normalized, shared; do not mutate). */
  dayPattern(day: DayNumber): DayPattern;
  /** The default week after inheritance: the pattern of every day outside {@link ResolvedCalendar.irregular}. */
  readonly regularWeek: readonly DayPattern[];
  /** First and last day that an exception or work week of the chain touches; undefined when none does. */
  readonly irregular: { readonly first: number; readonly last: number } | undefined;
}

function normalizeWeek(week: WeekPattern, where: string): NormalizedWeek {
  if (week.length !== 7) throw new RangeError(`${where}: a week pattern needs 7 days, got ${week.length}`);
  return week.map((day, dow) =>
    day === undefined ? undefined : normalizeDayPattern(day, `${where}, day ${dow}`),
  );
}

function toMap(
  calendars: ReadonlyMap<CalendarId, Calendar> | readonly Calendar[],
): ReadonlyMap<CalendarId, Calendar> {
  if (!Array.isArray(calendars)) return calendars as ReadonlyMap<CalendarId, Calendar>;
  const map = new Map<CalendarId, Calendar>();
  for (const calendar of calendars as readonly Calendar[]) map.set(calendar.id, calendar);
  return map;
}

const nonRecurringRank = 4;

/**
 * Where recurring exceptions overlap, MS Project lets a single-date or date-range exception win over every recurring
 * one, then every-n-days over yearly, yearly over monthly, and monthly over weekly, whatever their order in the list
 * (MPXJ's ProjectCalendar orders them so; the "exception precedence" files MS Project saved agree).
 */
function recurrenceRank(recurrence: Recurrence | undefined): number {
  if (recurrence === undefined) return nonRecurringRank;
  switch (recurrence.kind) {
    case 'weekly':
      return 0;
    case 'monthlyByDay':
    case 'monthlyByPosition':
      return 1;
    case 'yearlyByDate':
    case 'yearlyByPosition':
      return 2;
    case 'daily':
      // Every single day of a range is just a range.
      return recurrence.every === 1 ? nonRecurringRank : 3;
    default:
      return assertNever(recurrence);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected recurrence ${JSON.stringify(value)}`);
}

function linkOf(calendar: Calendar): ChainLink {
  const where = `calendar "${calendar.id}"`;
  const exceptions = new Map<number, DayPattern>();
  const expanded = calendar.exceptions.map((exception) => {
    const label = `${where}, exception "${exception.name ?? exception.fromDay}"`;
    const days = exceptionDays(exception, label);
    const rank = days.length === 1 ? nonRecurringRank : recurrenceRank(exception.recurrence);
    return { rank, days, pattern: normalizeDayPattern(exception.intervals, label) };
  });
  // Lower ranks first so that higher ranks overwrite them. Among dated exceptions the shorter range is applied last:
  // Microsoft documents that "only the lowest-level exception will apply", so a holiday inside a month of reduced
  // hours stays a holiday. The sort is stable, so the later of two equals wins.
  expanded.sort(
    (a, b) => a.rank - b.rank || (a.rank === nonRecurringRank ? b.days.length - a.days.length : 0),
  );
  for (const { days, pattern } of expanded) for (const day of days) exceptions.set(day, pattern);
  const workWeeks = calendar.workWeeks
    .map((w) => {
      const label = `${where}, work week "${w.name ?? w.fromDay}"`;
      if (w.toDay < w.fromDay)
        throw new RangeError(`${label}: ends (${w.toDay}) before it starts (${w.fromDay})`);
      return { fromDay: w.fromDay, toDay: w.toDay, week: normalizeWeek(w.week, label) };
    })
    .reverse();
  return { calendar, week: normalizeWeek(calendar.week, where), exceptions, workWeeks };
}

function chainOf(calendars: ReadonlyMap<CalendarId, Calendar>, id: CalendarId): ChainLink[] {
  const chain: ChainLink[] = [];
  const seen = new Set<CalendarId>();
  let next: CalendarId | undefined = id;
  while (next !== undefined) {
    if (seen.has(next)) {
      throw new RangeError(`calendar "${id}" has a base-calendar cycle through "${next}"`);
    }
    seen.add(next);
    const calendar = calendars.get(next);
    if (calendar === undefined) {
      throw new RangeError(
        next === id
          ? `calendar "${id}" does not exist`
          : `calendar "${chain.at(-1)?.calendar.id}" names a missing base calendar "${next}"`,
      );
    }
    chain.push(linkOf(calendar));
    next = calendar.baseCalendarId;
  }
  return chain;
}

/** Flattens calendar `id` through its bases; throws a RangeError naming the calendar when the data is inconsistent. */
export function resolveCalendar(
  calendars: ReadonlyMap<CalendarId, Calendar> | readonly Calendar[],
  id: CalendarId,
): ResolvedCalendar {
  const chain = chainOf(toMap(calendars), id);

  const defaultDay = (from: number, dow: DayOfWeek): DayPattern => {
    for (let k = from; k < chain.length; k++) {
      const day = chain[k]?.week[dow];
      if (day !== undefined) return day;
    }
    return standardWeek[dow] as DayPattern;
  };
  const regularWeek = ([0, 1, 2, 3, 4, 5, 6] as const).map((dow) => defaultDay(0, dow));

  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const link of chain) {
    for (const day of link.exceptions.keys()) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
    for (const w of link.workWeeks) {
      if (w.fromDay < first) first = w.fromDay;
      if (w.toDay > last) last = w.toDay;
    }
  }

  const dayPattern = (day: DayNumber): DayPattern => {
    if (day < first || day > last) return regularWeek[dayOfWeek(day)] as DayPattern;
    for (const link of chain) {
      const exception = link.exceptions.get(day);
      if (exception !== undefined) return exception;
    }
    const dow = dayOfWeek(day);
    for (let k = 0; k < chain.length; k++) {
      const workWeek = chain[k]?.workWeeks.find((w) => w.fromDay <= day && day <= w.toDay);
      // An unset day of a work week is MS Project's "use times from base calendar" (on a base calendar, "use Project
      // default times"): the base's default week, as MPXJ's getRanges does, else the standard day.
      if (workWeek !== undefined) return workWeek.week[dow] ?? defaultDay(k + 1, dow);
    }
    return regularWeek[dow] as DayPattern;
  };

  return {
    id,
    dayPattern,
    regularWeek,
    irregular: first <= last ? { first, last } : undefined,
  };
}
