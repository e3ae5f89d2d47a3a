import type { WallMinute } from './wall-clock';

/** Working periods of a day in minutes after midnight: MS Project's standard 08:00–12:00 and 13:00–17:00. */
export const standardHours: readonly (readonly [number, number])[] = [
  [480, 720],
  [780, 1020],
];

/**
 * Working minutes between two wall-clock minutes on a weekly calendar, for turning a bar stretched to a new finish
 * into a duration; the server reschedules with the project's full calendar, holidays included.
 */
export function workingMinutesBetween(
  from: WallMinute,
  to: WallMinute,
  workingDays: readonly number[] = [1, 2, 3, 4, 5],
  hours: readonly (readonly [number, number])[] = standardHours,
): number {
  if (to <= from) return 0;
  let total = 0;
  for (let day = Math.floor(from / 1440) * 1440; day < to; day += 1440) {
    const weekday = new Date(day * 60_000).getUTCDay();
    if (!workingDays.includes(weekday)) continue;
    for (const [start, end] of hours) {
      const a = Math.max(from, day + start);
      const b = Math.min(to, day + end);
      if (b > a) total += b - a;
    }
  }
  return total;
}
