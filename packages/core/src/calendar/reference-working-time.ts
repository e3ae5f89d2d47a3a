/**
 * The slow, obviously correct {@link WorkingTime}: it walks day by day over `dayPattern`. Tests hold the fast engine
 * to it; it is also handy for one-off questions where compiling a table is not worth it.
 */
import { dayOfInstant, MINUTES_PER_DAY, minuteOfDay } from './day-number';
import {
  type DayNumber,
  type DayPattern,
  type Instant,
  type WorkMinutes,
  wallMinutes,
  workMinutes,
} from './model';
import type { WorkingTime } from './working-time';

/** How far the reference walks before it concludes that a calendar has no working time left. */
const MAX_DAYS = 400_000;

/** Builds the day-by-day {@link WorkingTime} over a day-pattern function. */
export function referenceWorkingTime(source: Pick<WorkingTime, 'id' | 'dayPattern'>): WorkingTime {
  const pattern = (day: number): DayPattern => source.dayPattern(day as DayNumber);

  const nextWorkStart = (t: Instant): Instant => {
    const first = dayOfInstant(t);
    for (let d = first; d < first + MAX_DAYS; d++) {
      const floor = d === first ? minuteOfDay(t) : 0;
      const hit = pattern(d).find((i) => i.to > floor);
      if (hit !== undefined) return wallMinutes(d * MINUTES_PER_DAY + Math.max(hit.from, floor));
    }
    throw new RangeError(`calendar "${source.id}" has no working time after ${t}`);
  };

  const previousWorkFinish = (t: Instant): Instant => {
    const first = dayOfInstant(t);
    for (let d = first; d > first - MAX_DAYS; d--) {
      const ceiling = d === first ? minuteOfDay(t) : MINUTES_PER_DAY;
      const hit = pattern(d).findLast((i) => i.from < ceiling);
      if (hit !== undefined) return wallMinutes(d * MINUTES_PER_DAY + Math.min(hit.to, ceiling));
    }
    throw new RangeError(`calendar "${source.id}" has no working time before ${t}`);
  };

  const forward = (start: Instant, work: number): Instant => {
    let rest = work;
    const first = dayOfInstant(start);
    for (let d = first; d < first + MAX_DAYS; d++) {
      const floor = d === first ? minuteOfDay(start) : 0;
      for (const { from, to } of pattern(d)) {
        const begin = Math.max(from, floor);
        if (to <= begin) continue;
        if (rest <= to - begin) return wallMinutes(d * MINUTES_PER_DAY + begin + rest);
        rest -= to - begin;
      }
    }
    throw new RangeError(`calendar "${source.id}" has no working time after ${start}`);
  };

  const backward = (finish: Instant, work: number): Instant => {
    let rest = work;
    const first = dayOfInstant(finish);
    for (let d = first; d > first - MAX_DAYS; d--) {
      const ceiling = d === first ? minuteOfDay(finish) : MINUTES_PER_DAY;
      for (const { from, to } of [...pattern(d)].reverse()) {
        const end = Math.min(to, ceiling);
        if (end <= from) continue;
        if (rest <= end - from) return wallMinutes(d * MINUTES_PER_DAY + end - rest);
        rest -= end - from;
      }
    }
    throw new RangeError(`calendar "${source.id}" has no working time before ${finish}`);
  };

  const between = (a: number, b: number): number => {
    let total = 0;
    for (let d = Math.floor(a / MINUTES_PER_DAY); d * MINUTES_PER_DAY < b; d++) {
      for (const { from, to } of pattern(d)) {
        const begin = Math.max(d * MINUTES_PER_DAY + from, a);
        const end = Math.min(d * MINUTES_PER_DAY + to, b);
        if (end > begin) total += end - begin;
      }
    }
    return total;
  };

  return {
    id: source.id,
    dayPattern: source.dayPattern,
    isWorking: (t) => pattern(dayOfInstant(t)).some((i) => i.from <= minuteOfDay(t) && minuteOfDay(t) < i.to),
    nextWorkStart,
    previousWorkFinish,
    addWork: (start: Instant, work: WorkMinutes) =>
      work > 0 ? forward(start, work) : work < 0 ? backward(start, -work) : nextWorkStart(start),
    subtractWork: (finish: Instant, work: WorkMinutes) =>
      work > 0 ? backward(finish, work) : work < 0 ? forward(finish, -work) : previousWorkFinish(finish),
    workBetween: (a: Instant, b: Instant) => workMinutes(b >= a ? between(a, b) : 0 - between(b, a)),
  };
}
