import { formatDay, parseDay } from '../calendar/day-number';
import { dayNumber } from '../calendar/model';

/** A report's period: its first and last day, `YYYY-MM-DD`. */
export interface ReportPeriod {
  start: string;
  finish: string;
}

/**
 * The period a new status report covers unless told otherwise: up to today, from the day after the previous report's
 * period when that day is not after today (reports follow one another without a gap), else the seven days ending today.
 * @example defaultReportPeriod('2026-03-13', '2026-03-06'); // { start: '2026-03-07', finish: '2026-03-13' }
 */
export function defaultReportPeriod(today: string, previousFinish: string | undefined): ReportPeriod {
  const finish = parseDay(today);
  const after = previousFinish === undefined ? undefined : dayNumber(parseDay(previousFinish) + 1);
  const start = after !== undefined && after <= finish ? after : dayNumber(finish - 6);
  return { start: formatDay(start), finish: formatDay(finish) };
}
