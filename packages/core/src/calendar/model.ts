/**
 * Plain-data contract for working-time calendars. Instants are integer minutes on a floating local wall clock
 * (minutes since 1970-01-01T00:00 with no time zone), the way MS Project stores dates.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An instant: whole minutes since 1970-01-01T00:00 on a floating wall clock (no zone, no DST). */
export type WallMinutes = Brand<number, 'WallMinutes'>;
/** Alias of {@link WallMinutes}, the engine's only notion of a point in time. */
export type Instant = WallMinutes;
/** A span of working time in whole minutes (may be negative for lags and slack). */
export type WorkMinutes = Brand<number, 'WorkMinutes'>;
/** A span of wall-clock (24-hour, elapsed) time in minutes. */
export type ElapsedMinutes = Brand<number, 'ElapsedMinutes'>;
/** A calendar day: whole days since 1970-01-01 (day 0 is a Thursday). */
export type DayNumber = Brand<number, 'DayNumber'>;
/** Identifies a calendar within one project. */
export type CalendarId = Brand<string, 'CalendarId'>;

/** Brands a number of wall-clock minutes since 1970-01-01T00:00. */
export const wallMinutes = (n: number): WallMinutes => n as WallMinutes;
/** Brands a number of working minutes. */
export const workMinutes = (n: number): WorkMinutes => n as WorkMinutes;
/** Brands a number of elapsed minutes. */
export const elapsedMinutes = (n: number): ElapsedMinutes => n as ElapsedMinutes;
/** Brands a day number. */
export const dayNumber = (n: number): DayNumber => n as DayNumber;
/** Brands a calendar id. */
export const calendarId = (s: string): CalendarId => s as CalendarId;

/** 0 Sunday … 6 Saturday, as in MSPDI's DayType minus one and JavaScript's getUTCDay. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One working interval inside a day, in minutes after midnight; `to` may be 1440 (midnight at day end). */
export interface WorkingInterval {
  /** Start, minutes after midnight, 0 ≤ from < to. */
  readonly from: number;
  /** End (exclusive), minutes after midnight, ≤ 1440. */
  readonly to: number;
}

/** The working time of one day: an empty list means a non-working day. Intervals are sorted and disjoint. */
export type DayPattern = readonly WorkingInterval[];

/**
 * A week of day patterns indexed by {@link DayOfWeek}; an `undefined` entry means "inherit the base calendar's day"
 * (or, on a base calendar, the standard 08:00–12:00, 13:00–17:00 weekday and non-working weekend).
 */
export type WeekPattern = readonly [
  DayPattern | undefined,
  DayPattern | undefined,
  DayPattern | undefined,
  DayPattern | undefined,
  DayPattern | undefined,
  DayPattern | undefined,
  DayPattern | undefined,
];

/** 1–4 for first … fourth, 5 for last, as in MS Project's recurring exceptions. */
export type WeekPosition = 1 | 2 | 3 | 4 | 5;

/** How an exception repeats between its first and last day. */
export type Recurrence =
  | {
      /** Every `every` days. */
      readonly kind: 'daily';
      readonly every: number;
    }
  | {
      /** Every `every` weeks on the listed days. */
      readonly kind: 'weekly';
      readonly every: number;
      readonly daysOfWeek: readonly DayOfWeek[];
    }
  | {
      /** Every `every` months on day `dayOfMonth` (clamped to the month's length). */
      readonly kind: 'monthlyByDay';
      readonly every: number;
      readonly dayOfMonth: number;
    }
  | {
      /** Every `every` months on the n-th (or last) given weekday. */
      readonly kind: 'monthlyByPosition';
      readonly every: number;
      readonly position: WeekPosition;
      readonly dayOfWeek: DayOfWeek;
    }
  | {
      /** Every year on `month` (1–12) / `dayOfMonth`. */
      readonly kind: 'yearlyByDate';
      readonly month: number;
      readonly dayOfMonth: number;
    }
  | {
      /** Every year in `month` (1–12) on the n-th (or last) given weekday. */
      readonly kind: 'yearlyByPosition';
      readonly month: number;
      readonly position: WeekPosition;
      readonly dayOfWeek: DayOfWeek;
    };

/**
 * A calendar exception: the listed days are non-working (`intervals` empty) or work the given intervals.
 * A single-date or date-range exception (no recurrence) overrides a recurring one on the same day, and a shorter
 * range overrides a longer one; among recurring ones every-n-days beats yearly, yearly beats monthly and monthly beats
 * weekly, as in MS Project; among equals the later entry wins.
 */
export interface CalendarException {
  /** Display name, e.g. "Christmas". */
  readonly name?: string;
  /** First day the exception may apply (inclusive). */
  readonly fromDay: DayNumber;
  /** Last day the exception may apply (inclusive); with `occurrences` the range ends at the last occurrence. */
  readonly toDay: DayNumber;
  /** Working intervals on the affected days; empty means the days are non-working. */
  readonly intervals: DayPattern;
  /** Absent for a plain date range (every day from `fromDay` to `toDay`). */
  readonly recurrence?: Recurrence;
  /** When set, only the first n occurrences from `fromDay` apply. */
  readonly occurrences?: number;
}

/** A work week: a week pattern that replaces the default week between two days (inclusive). */
export interface WorkWeek {
  readonly name?: string;
  readonly fromDay: DayNumber;
  readonly toDay: DayNumber;
  /**
   * Day patterns for this period; an `undefined` day takes the base calendar's default week (MS Project's "use times
   * from base calendar"), or on a base calendar the standard day ("use Project default times").
   */
  readonly week: WeekPattern;
}

/** A working-time calendar: the project's, a resource's or a task's. */
export interface Calendar {
  readonly id: CalendarId;
  readonly name?: string;
  /** The calendar this one derives from; its days and exceptions apply where this one is silent. */
  readonly baseCalendarId?: CalendarId;
  /** The default week; `undefined` days inherit from the base calendar. */
  readonly week: WeekPattern;
  /** Exceptions, in their saved order. */
  readonly exceptions: readonly CalendarException[];
  /** Work weeks that override the default week in a date range. */
  readonly workWeeks: readonly WorkWeek[];
}
