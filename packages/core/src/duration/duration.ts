/**
 * Durations as users and MS Project write them: a value in a unit, working (m, h, d, w, mo, converted with the
 * project's {@link UnitSettings}) or elapsed (em … emo, on the 24-hour clock), possibly marked estimated.
 */
import { type UnitSettings, type WorkMinutes, workMinutes } from '../calendar';

/** Working units, then their elapsed twins. */
export type DurationUnitCode = 'm' | 'h' | 'd' | 'w' | 'mo' | 'em' | 'eh' | 'ed' | 'ew' | 'emo';

/** A duration as entered: `value` in `unit`, estimated when written with a trailing "?". */
export interface Duration {
  readonly value: number;
  readonly unit: DurationUnitCode;
  readonly estimated: boolean;
}

/** An expected parse failure, with the offending text in the message. */
export interface DurationParseError {
  readonly code: 'INVALID_DURATION';
  readonly message: string;
}

/** The outcome of parsing user or file text. */
export type DurationParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DurationParseError };

/** Every unit code, working units first. */
export const durationUnitCodes: readonly DurationUnitCode[] = [
  'm',
  'h',
  'd',
  'w',
  'mo',
  'em',
  'eh',
  'ed',
  'ew',
  'emo',
];

/** True for the elapsed (24-hour clock) units. */
export function isElapsedUnit(unit: DurationUnitCode): boolean {
  return unit.startsWith('e');
}

/** The unit's name in the schedule model ("minutes" … "months"), elapsed or not. */
export function unitName(unit: DurationUnitCode): 'minutes' | 'hours' | 'days' | 'weeks' | 'months' {
  switch (unit) {
    case 'm':
    case 'em':
      return 'minutes';
    case 'h':
    case 'eh':
      return 'hours';
    case 'd':
    case 'ed':
      return 'days';
    case 'w':
    case 'ew':
      return 'weeks';
    case 'mo':
    case 'emo':
      return 'months';
    default:
      return assertNever(unit);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected duration unit ${String(value)}`);
}

/**
 * Minutes in one unit: working minutes by the project's settings for working units ("1d" = minutesPerDay), and
 * wall-clock minutes for elapsed ones ("1ed" = 1440, "1ew" = 10080, "1emo" = 30 days, as in MS Project).
 */
export function minutesPerUnit(unit: DurationUnitCode, settings: UnitSettings): number {
  switch (unit) {
    case 'm':
    case 'em':
      return 1;
    case 'h':
    case 'eh':
      return 60;
    case 'd':
      return settings.minutesPerDay;
    case 'w':
      return settings.minutesPerWeek;
    case 'mo':
      return settings.daysPerMonth * settings.minutesPerDay;
    case 'ed':
      return 1440;
    case 'ew':
      return 10_080;
    case 'emo':
      return 30 * 1440;
    default:
      return assertNever(unit);
  }
}

/**
 * The duration in whole minutes, rounded to the nearest minute: working minutes for working units, minutes on the
 * 24-hour clock for elapsed units (which are the working minutes of the 24-hour calendar).
 *
 * @example durationMinutes({ value: 2.5, unit: 'w', estimated: false }, defaultUnitSettings) === 6000
 */
export function durationMinutes(duration: Duration, settings: UnitSettings): WorkMinutes {
  return workMinutes(Math.round(duration.value * minutesPerUnit(duration.unit, settings)));
}

/** Expresses `minutes` in `unit` (the inverse of {@link durationMinutes}, without rounding). */
export function durationFromMinutes(
  minutes: number,
  unit: DurationUnitCode,
  settings: UnitSettings,
  estimated = false,
): Duration {
  return { value: minutes / minutesPerUnit(unit, settings), unit, estimated };
}
