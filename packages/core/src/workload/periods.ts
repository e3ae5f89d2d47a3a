import { dayOfWeek, formatDay, instantAt } from '../calendar/day-number';
import { type DayNumber, dayNumber, type Instant } from '../calendar/model';

/** The width of one column of a workload grid. */
export type PeriodUnit = 'day' | 'week';

/** One column of a workload grid: whole days from `firstDay` to `lastDay`, inclusive. */
export interface Period {
  /** The first day, `YYYY-MM-DD`, as the column is labelled. */
  readonly key: string;
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  /** Midnight starting the first day. */
  readonly start: Instant;
  /** Midnight ending the last day. */
  readonly finish: Instant;
}

/** The Monday on or before `day` (weeks run Monday to Sunday, as ISO 8601 has them). */
export function mondayOf(day: DayNumber): DayNumber {
  return dayNumber(day - ((dayOfWeek(day) + 6) % 7));
}

/**
 * The columns covering `from` to `to` inclusive: one per day, or one per Monday-to-Sunday week (the first starting on
 * the Monday on or before `from`, the last ending on the Sunday on or after `to`).
 * @example workloadPeriods(parseDay('2026-03-04'), parseDay('2026-03-10'), 'week') // weeks of 2 and 9 March
 */
export function workloadPeriods(from: DayNumber, to: DayNumber, unit: PeriodUnit): Period[] {
  const periods: Period[] = [];
  const step = unit === 'day' ? 1 : 7;
  const first = unit === 'day' ? from : mondayOf(from);
  for (let day = first; day <= to; day = dayNumber(day + step)) {
    const lastDay = dayNumber(day + step - 1);
    periods.push({
      key: formatDay(day),
      firstDay: day,
      lastDay,
      start: instantAt(day),
      finish: instantAt(dayNumber(lastDay + 1)),
    });
  }
  return periods;
}
