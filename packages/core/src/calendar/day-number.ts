/**
 * Pure integer date arithmetic on {@link DayNumber}s and {@link Instant}s: proleptic Gregorian calendar, no zone, no
 * Date object, so results never depend on the machine's time zone.
 */
import { type DayNumber, type DayOfWeek, dayNumber, type Instant, wallMinutes } from './model';

/** Minutes in one wall-clock day. */
export const MINUTES_PER_DAY = 1440;

/** A calendar date split into its parts; `month` is 1–12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The day of the week of a day number (day 0, 1970-01-01, is a Thursday). */
export function dayOfWeek(day: DayNumber): DayOfWeek {
  return ((((day + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** True in a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const length = monthLengths[month - 1];
  if (length === undefined) throw new RangeError(`month ${month} is outside 1–12`);
  return length;
}

/**
 * The day number of a civil date; days beyond the month's end roll over, as in Date.UTC.
 *
 * @example dayFromCivil(1970, 1, 1) === 0
 */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  // Howard Hinnant's days_from_civil: years counted from March so the leap day ends the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return dayNumber(era * 146097 + dayOfEra - 719468);
}

/** The civil date of a day number. */
export function civilFromDay(day: DayNumber): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfMonth };
}

/** The day that contains an instant. */
export function dayOfInstant(t: Instant): DayNumber {
  return dayNumber(Math.floor(t / MINUTES_PER_DAY));
}

/** Minutes after midnight of an instant, 0–1439. */
export function minuteOfDay(t: Instant): number {
  return t - Math.floor(t / MINUTES_PER_DAY) * MINUTES_PER_DAY;
}

/** The instant `minute` minutes after the midnight that starts `day` (minute may be 1440). */
export function instantAt(day: DayNumber, minute = 0): Instant {
  return wallMinutes(day * MINUTES_PER_DAY + minute);
}

/** The instant of a civil date and time of day. */
export function instantFromCivil(year: number, month: number, day: number, hour = 0, minute = 0): Instant {
  return instantAt(dayFromCivil(year, month, day), hour * 60 + minute);
}

const isoPattern = /^(-?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Parses an ISO 8601 local date or date-time ("2026-03-02", "2026-03-02T08:00", "2026-03-02T08:00:00") into an
 * instant; whole seconds become a fraction of a minute (MSPDI writes 09:08:24), fractions of a second are dropped, and
 * a zone designator is rejected because instants float on the wall clock.
 *
 * @example parseInstant('1970-01-02T08:00:00') === 1920
 */
export function parseInstant(text: string): Instant {
  const match = isoPattern.exec(text.trim());
  if (match === null) throw new RangeError(`"${text}" is not an ISO 8601 local date-time`);
  const [, y, mo, d, h, mi, sec] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`"${text}" names a day that does not exist`);
  }
  // 24:00 is allowed: MSPDI writes the end of a day that way.
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute !== 0 || second !== 0))) {
    throw new RangeError(`"${text}" names a time of day that does not exist`);
  }
  return wallMinutes(instantFromCivil(year, month, day, hour, minute) + second / 60);
}

/** Parses an ISO 8601 date ("2026-03-02") into a day number. */
export function parseDay(text: string): DayNumber {
  const t = parseInstant(text);
  if (minuteOfDay(t) !== 0) throw new RangeError(`"${text}" is a date-time, not a date`);
  return dayOfInstant(t);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats a day number as "YYYY-MM-DD". */
export function formatDay(day: DayNumber): string {
  const { year, month, day: d } = civilFromDay(day);
  const y = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${y}-${pad(month)}-${pad(d)}`;
}

/**
 * Formats an instant as "YYYY-MM-DDTHH:MM:SS", the form MSPDI uses; a fraction of a minute is written as seconds.
 *
 * @example formatInstant(parseInstant('2026-03-02T13:00')) === '2026-03-02T13:00:00'
 */
export function formatInstant(t: Instant): string {
  // Round to the second first, so 09:08:59.999 becomes 09:09:00 and can carry into the next day.
  const seconds = Math.round(t * 60);
  const day = Math.floor(seconds / 86_400);
  const ofDay = seconds - day * 86_400;
  const hour = Math.floor(ofDay / 3600);
  const minute = Math.floor((ofDay - hour * 3600) / 60);
  return `${formatDay(dayNumber(day))}T${pad(hour)}:${pad(minute)}:${pad(ofDay % 60)}`;
}
