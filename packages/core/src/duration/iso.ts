/**
 * ISO 8601 durations as MSPDI files carry them ("PT8H0M0S"). MS Project writes hours, minutes and seconds of working
 * time; other tools also write days, weeks, months and years, which count as the project's working day, week and
 * month (a year is twelve months). A leading minus ("-PT8H") and MSPDI's negative components ("PT-8H0M0S") both mean
 * a negative duration.
 */
import type { UnitSettings } from '../calendar';
import type { DurationParseResult } from './duration';

const isoPattern =
  /^(-)?P(?:(-?\d+(?:\.\d+)?)Y)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)W)?(?:(-?\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an MSPDI duration into whole minutes (rounded to the nearest minute). With `elapsed`, days, weeks and months
 * are on the 24-hour clock (1440, 10080 and 30 × 1440 minutes) instead of the project's working day.
 *
 * @example parseIsoDuration('PT8H0M0S', defaultUnitSettings) // { ok: true, value: 480 }
 */
export function parseIsoDuration(
  text: string,
  settings: UnitSettings,
  elapsed = false,
): DurationParseResult<number> {
  const trimmed = text.trim();
  const match = isoPattern.exec(trimmed);
  // A lone "P" or a "T" with nothing after it is not a duration; MSPDI writers also emit a bare "0" for zero.
  if (trimmed === '0') return { ok: true, value: 0 };
  if (match === null || /^-?PT?$/.test(trimmed) || trimmed.endsWith('T')) {
    return {
      ok: false,
      error: { code: 'INVALID_DURATION', message: `"${text}" is not an ISO 8601 duration such as PT8H0M0S` },
    };
  }
  const [, minus, years, months, weeks, days, hours, minutes, seconds] = match;
  const day = elapsed ? 1440 : settings.minutesPerDay;
  const week = elapsed ? 10_080 : settings.minutesPerWeek;
  const month = elapsed ? 30 * 1440 : settings.daysPerMonth * settings.minutesPerDay;
  const part = (value: string | undefined, scale: number): number =>
    value === undefined ? 0 : Number(value) * scale;
  const total =
    part(years, 12 * month) +
    part(months, month) +
    part(weeks, week) +
    part(days, day) +
    part(hours, 60) +
    part(minutes, 1) +
    part(seconds, 1 / 60);
  const rounded = Math.round(minus === '-' ? -total : total);
  return { ok: true, value: rounded === 0 ? 0 : rounded };
}

/**
 * Writes minutes the way MS Project does in MSPDI: hours, minutes and seconds, with a leading minus when negative.
 *
 * @example formatIsoDuration(510) === 'PT8H30M0S'
 */
export function formatIsoDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const hours = Math.floor(totalSeconds / 3600);
  const rest = totalSeconds - hours * 3600;
  return `${sign}PT${hours}H${Math.floor(rest / 60)}M${rest % 60}S`;
}
