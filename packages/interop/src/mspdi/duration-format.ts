import type { DurationUnit } from '@tandem/core/schedule/model';

/**
 * MSPDI duration format codes (`DurationFormat`, `LagFormat`): 3 m, 5 h, 7 d, 9 w, 11 mo, 19 %, each +1 for its elapsed
 * variant; +32 marks an estimated duration ("3d?"); 53 is "days, estimated" as new tasks get it; 21 means unset.
 */
export type MspdiDurationFormat = number;

const ELAPSED = new Set([4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]);
const PERCENT = new Set([19, 20, 51, 52]);

/** True when the format runs on the 24-hour clock (em, eh, ed, ew, emo, e%). */
export function isElapsedFormat(format: MspdiDurationFormat | undefined): boolean {
  return format !== undefined && ELAPSED.has(format);
}

/** True when a link lag in this format is a percentage of the predecessor's duration. */
export function isPercentFormat(format: MspdiDurationFormat | undefined): boolean {
  return format !== undefined && PERCENT.has(format);
}

/** The unit a duration in this format was entered in; unset and percent formats count as days. */
export function durationUnitOf(format: MspdiDurationFormat | undefined): DurationUnit {
  switch (format) {
    case 3:
    case 4:
    case 35:
    case 36:
      return 'minutes';
    case 5:
    case 6:
    case 37:
    case 38:
      return 'hours';
    case 9:
    case 10:
    case 41:
    case 42:
      return 'weeks';
    case 11:
    case 12:
    case 43:
    case 44:
      return 'months';
    default:
      return 'days';
  }
}
