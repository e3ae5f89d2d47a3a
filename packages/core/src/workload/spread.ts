import type { Instant } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';

/** A span of wall-clock time, start inclusive, finish exclusive. */
export interface Span {
  readonly start: Instant;
  readonly finish: Instant;
}

/**
 * Spreads `work` minutes evenly over the working time of `span` on `time` and returns the share of each period: a
 * period gets the work in proportion to the working minutes it shares with the span. A span with no working time
 * (a milestone) places no work, since it has nowhere to go.
 * @example spreadWork(standard, { start: monday8, finish: tuesday17 }, 480, [monday, tuesday]) // [240, 240]
 */
export function spreadWork(time: WorkingTime, span: Span, work: number, periods: readonly Span[]): number[] {
  const total = span.finish > span.start ? time.workBetween(span.start, span.finish) : 0;
  return periods.map((period) => {
    if (total <= 0 || work <= 0) return 0;
    const start = Math.max(span.start, period.start) as Instant;
    const finish = Math.min(span.finish, period.finish) as Instant;
    if (finish <= start) return 0;
    return (work * time.workBetween(start, finish)) / total;
  });
}
