import { parseDay } from '../calendar/day-number';

/** The columns of a now/next/later roadmap. */
export type Horizon = 'now' | 'next' | 'later';

/** What bucketing needs of an initiative: its status and planned dates ("YYYY-MM-DD", null when unplanned). */
export interface HorizonItem {
  readonly status: string;
  readonly plannedStart: string | null;
  readonly plannedFinish: string | null;
}

/** Days ahead of today that still count as "next" when no other horizon is given: one quarter. */
export const defaultNextDays = 90;

/**
 * The column an initiative falls in on `asOf`: `now` when under way (in progress, or started and not yet finished),
 * `next` when it starts within `nextDays`, `later` beyond that or unplanned; null for done and cancelled work, which
 * has left the roadmap.
 * @example horizonOf({ status: 'planned', plannedStart: '2026-12-01', plannedFinish: null }, '2026-11-23') === 'next'
 */
export function horizonOf(item: HorizonItem, asOf: string, nextDays = defaultNextDays): Horizon | null {
  if (item.status === 'done' || item.status === 'cancelled') return null;
  if (item.status === 'in_progress') return 'now';
  const today = parseDay(asOf);
  const start = item.plannedStart === null ? null : parseDay(item.plannedStart);
  const finish = item.plannedFinish === null ? null : parseDay(item.plannedFinish);
  // Started and not closed: still under way, even past its planned finish (it is late, not gone).
  if (start !== null && start <= today) return 'now';
  if (start === null) {
    // A finish alone still says when the work is wanted.
    if (finish !== null && finish - today <= nextDays) return 'next';
    return 'later';
  }
  return start - today <= nextDays ? 'next' : 'later';
}

/** Items split into the three columns (done and cancelled left out), each column keeping the input order. */
export function bucketByHorizon<T extends HorizonItem>(
  items: readonly T[],
  asOf: string,
  nextDays = defaultNextDays,
): Record<Horizon, T[]> {
  const columns: Record<Horizon, T[]> = { now: [], next: [], later: [] };
  for (const item of items) {
    const horizon = horizonOf(item, asOf, nextDays);
    if (horizon !== null) columns[horizon].push(item);
  }
  return columns;
}
