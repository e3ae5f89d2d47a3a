import type { WorkingTime } from '@tandem/core/calendar/working-time';
import type { ScheduledTask } from '@tandem/core/schedule/model';
import type { MspdiTask } from './model';
import { formatMspdiDate } from './values';

/** The computed fields checked against MS Project's saved values. */
export type ComparedField =
  | 'Start'
  | 'Finish'
  | 'EarlyStart'
  | 'EarlyFinish'
  | 'LateStart'
  | 'LateFinish'
  | 'TotalSlack'
  | 'FreeSlack'
  | 'Critical';

/** One field where the engine disagrees with MS Project, with both values as text. */
export interface FieldDifference {
  readonly field: ComparedField;
  readonly expected: string;
  readonly got: string;
}

const DATE_FIELDS = [
  ['Start', 'start'],
  ['Finish', 'finish'],
  ['EarlyStart', 'earlyStart'],
  ['EarlyFinish', 'earlyFinish'],
  ['LateStart', 'lateStart'],
  ['LateFinish', 'lateFinish'],
] as const;
const SLACK_FIELDS = [
  ['TotalSlack', 'totalSlack'],
  ['FreeSlack', 'freeSlack'],
] as const;

/** Dates may differ by this many working minutes: MS Project keeps seconds and rounds its arithmetic. */
export const DATE_TOLERANCE_MINUTES = 0.29;

/**
 * Working minutes between two instants on a calendar, counting fractions of a minute (MS Project saves seconds).
 * Friday 17:00 and Monday 08:00 are zero working minutes apart.
 */
export function workingDistance(time: WorkingTime, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const loMinute = Math.floor(lo);
  const hiMinute = Math.floor(hi);
  const partial = (minute: number, fraction: number) => (time.isWorking(minute as never) ? fraction : 0);
  if (loMinute === hiMinute) return partial(loMinute, hi - lo);
  const whole = time.workBetween(Math.ceil(lo) as never, hiMinute as never) as number;
  return whole + partial(loMinute, Math.ceil(lo) - lo) + partial(hiMinute, hi - hiMinute);
}

/**
 * Compares one task's computed values with those MS Project saved in the file, by the corpus rules: dates in working
 * time on the task's calendar within {@link DATE_TOLERANCE_MINUTES}, slack (saved in tenths of a minute) to 0.01 minute,
 * criticality exactly. A field the file does not hold is not compared.
 */
export function compareWithSaved(saved: MspdiTask, got: ScheduledTask, time: WorkingTime): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const [field, key] of DATE_FIELDS) {
    const expected = saved[field];
    if (expected === undefined) continue;
    const actual = got[key];
    if (workingDistance(time, expected, actual) >= DATE_TOLERANCE_MINUTES) {
      differences.push({ field, expected: formatMspdiDate(expected), got: formatMspdiDate(actual) });
    }
  }
  for (const [field, key] of SLACK_FIELDS) {
    const saved10 = saved[field];
    if (saved10 === undefined) continue;
    const expected = saved10 / 10;
    const actual = got[key] as number;
    // Truncated to hundredths of a minute, as MPXJ's comparator does, so that float noise never decides.
    if (Math.trunc(expected * 100) !== Math.trunc(actual * 100)) {
      differences.push({ field, expected: formatSlack(expected), got: formatSlack(actual) });
    }
  }
  if (saved.Critical !== undefined && saved.Critical !== got.critical) {
    differences.push({ field: 'Critical', expected: String(saved.Critical), got: String(got.critical) });
  }
  return differences;
}

function formatSlack(minutes: number): string {
  return `${Math.round(minutes * 100) / 100} min`;
}
