import { formatInstant } from '@tandem/core/calendar/day-number';
import { type Instant, wallMinutes } from '@tandem/core/calendar/model';

/** MSPDI dates are floating wall-clock `YYYY-MM-DDTHH:MM[:SS[.fff]]`; the seconds stay as a fraction of a minute. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;
const DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Parses an MSPDI date into wall-clock minutes since 1970-01-01T00:00, or returns undefined when malformed. */
export function parseMspdiDate(text: string): Instant | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59) return undefined;
  const millis = Date.UTC(Number(y), month - 1, day, hour, minute);
  return wallMinutes(millis / 60_000 + Number(s) / 60);
}

/** Formats wall-clock minutes as an MSPDI date (`2016-02-08T08:00:00`); a fraction of a minute becomes seconds. */
export function formatMspdiDate(instant: number): string {
  return formatInstant(wallMinutes(instant));
}

/**
 * Parses an ISO 8601 duration as MS Project writes it (`PT8H0M0S`, `-PT4H0M0S`) into minutes; a day is 24 hours as in
 * XML Schema. Years and months are refused because their length is ambiguous.
 */
export function parseMspdiDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, sign, d = '0', h = '0', m = '0', s = '0'] = match;
  const minutes = Number(d) * 1440 + Number(h) * 60 + Number(m) + Number(s) / 60;
  return sign ? -minutes : minutes;
}

/** Formats minutes as an MSPDI duration (`PT8H0M0S`), keeping fractions of a minute as seconds. */
export function formatMspdiDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const totalSeconds = Math.round(Math.abs(minutes) * 60 * 1000) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const mins = Math.floor((totalSeconds - hours * 3600) / 60);
  const secs = Math.round((totalSeconds - hours * 3600 - mins * 60) * 1000) / 1000;
  return `${sign}PT${hours}H${mins}M${secs}S`;
}

/** Parses a time of day (`08:00:00`) into minutes after midnight. */
export function parseMspdiTime(text: string): number | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** Formats minutes after midnight as `HH:MM:SS`; 1440 (midnight at day end) is written `00:00:00` as MS Project does. */
export function formatMspdiTime(minutes: number): string {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
}
