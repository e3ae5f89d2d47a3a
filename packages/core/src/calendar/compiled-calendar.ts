/**
 * The fast {@link WorkingTime}: a lazily grown dense table over the days in use holds, per day, the cumulative working
 * minutes before it and its interned pattern, so workBetween is two array reads and addWork a search over a sorted
 * array. Outside the days that exceptions and work weeks touch, every week is the same, so the engine skips whole
 * weeks arithmetically instead of growing the table: a duration of years costs what a duration of days does.
 */
import { dayOfWeek, MINUTES_PER_DAY } from './day-number';
import { type CompiledDayPattern, finishOfMinute, PatternPool, startOfMinute } from './day-pattern';
import {
  type CalendarId,
  type DayNumber,
  type DayPattern,
  type Instant,
  type WorkMinutes,
  wallMinutes,
  workMinutes,
} from './model';
import type { ResolvedCalendar } from './resolve';
import type { IndexedWorkingTime } from './working-time';

const INITIAL_BEFORE = 64;
const INITIAL_AFTER = 448;
const MIN_GROWTH = 256;

/** Working minutes of a day before a (possibly fractional) minute of that day. */
function workBefore(pattern: CompiledDayPattern, minute: number): number {
  const whole = Math.floor(minute);
  const before = pattern.before[whole] as number;
  if (whole === minute) return before;
  // Inside a working minute, a fraction of it is done.
  return before + ((pattern.before[whole + 1] as number) - before) * (minute - whole);
}

/** An {@link IndexedWorkingTime} over a resolved calendar; build it with `compileCalendar`. */
export class CompiledCalendar implements IndexedWorkingTime {
  readonly id: CalendarId;
  private readonly resolved: ResolvedCalendar;
  private readonly pool = new PatternPool();
  private readonly byPattern = new Map<DayPattern, CompiledDayPattern>();
  /** Compiled regular week, by day of week. */
  private readonly week: readonly CompiledDayPattern[];
  private readonly weekWork: number;
  /** weekCumulative[k] = working minutes of the regular week's days 0 … k−1 (Sunday first). */
  private readonly weekCumulative = new Float64Array(8);
  private readonly irregularFirst: number;
  private readonly irregularLast: number;

  /** First day of the table. */
  private start = 0;
  /** Number of days in the table (0 until first use). */
  private length = 0;
  /** cumulative[i] = working minutes from an arbitrary origin to the start of day start + i (length + 1 entries). */
  private cumulative = new Float64Array(1);
  /** The compiled pattern of each table day. */
  private dayPatterns: CompiledDayPattern[] = [];
  /** Table index of the day last read by workAt: searches start there, since a finish is usually near its start. */
  private hint = 0;

  constructor(resolved: ResolvedCalendar) {
    this.id = resolved.id;
    this.resolved = resolved;
    this.week = resolved.regularWeek.map((p) => this.compile(p));
    for (let dow = 0; dow < 7; dow++) {
      this.weekCumulative[dow + 1] =
        (this.weekCumulative[dow] as number) + (this.week[dow] as CompiledDayPattern).total;
    }
    this.weekWork = this.weekCumulative[7] as number;
    this.irregularFirst = resolved.irregular?.first ?? Number.POSITIVE_INFINITY;
    this.irregularLast = resolved.irregular?.last ?? Number.NEGATIVE_INFINITY;
  }

  dayPattern(day: DayNumber): DayPattern {
    return this.resolved.dayPattern(day);
  }

  isWorking(t: Instant): boolean {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const minute = Math.floor(t - day * MINUTES_PER_DAY);
    const { before } = this.patternOf(day);
    return (before[minute + 1] as number) > (before[minute] as number);
  }

  nextWorkStart(t: Instant): Instant {
    return this.startAt(this.workAt(t));
  }

  previousWorkFinish(t: Instant): Instant {
    return this.finishAt(this.workAt(t));
  }

  addWork(start: Instant, work: WorkMinutes): Instant {
    if (work > 0) return this.finishAt(this.workAt(start) + work);
    if (work < 0) return this.startAt(this.workAt(start) + work);
    return this.nextWorkStart(start);
  }

  subtractWork(finish: Instant, work: WorkMinutes): Instant {
    if (work > 0) return this.startAt(this.workAt(finish) - work);
    if (work < 0) return this.finishAt(this.workAt(finish) - work);
    return this.previousWorkFinish(finish);
  }

  workBetween(a: Instant, b: Instant): WorkMinutes {
    return workMinutes(this.workAt(b) - this.workAt(a));
  }

  workAt(t: Instant): number {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const minute = t - day * MINUTES_PER_DAY;
    const i = day - this.start;
    if (i >= 0 && i < this.length) {
      this.hint = i;
      const pattern = this.dayPatterns[i] as CompiledDayPattern;
      return (this.cumulative[i] as number) + workBefore(pattern, minute);
    }
    const atDay = this.cumulativeAt(day);
    return atDay + workBefore(this.patternOf(day), minute);
  }

  finishAt(target: number): Instant {
    this.ensureTable(0);
    for (;;) {
      const n = this.length;
      const last = this.cumulative[n] as number;
      if (target > last) {
        if (this.start + n <= this.irregularLast) {
          this.growRight(this.irregularLast + 1);
          continue;
        }
        this.requireWork(target, 'after');
        // Whole weeks that end strictly before the target, so the walk finishes inside the next week.
        const weeks = Math.ceil((target - last) / this.weekWork) - 1;
        return this.walkToFinish(this.start + n + 7 * weeks, last + weeks * this.weekWork, target);
      }
      const first = this.cumulative[0] as number;
      if (target <= first) {
        if (this.start > this.irregularFirst) {
          this.growLeft(this.irregularFirst);
          continue;
        }
        this.requireWork(target, 'before');
        const weeks = Math.floor((first - target) / this.weekWork) + 1;
        return this.walkToFinish(this.start - 7 * weeks, first - weeks * this.weekWork, target);
      }
      // The finish lies in day j − 1 for the smallest j with cumulative[j] ≥ target.
      const i = this.search(target, 0) - 1;
      const pattern = this.dayPatterns[i] as CompiledDayPattern;
      const minute = finishOfMinute(pattern, target - (this.cumulative[i] as number));
      return wallMinutes((this.start + i) * MINUTES_PER_DAY + minute);
    }
  }

  startAt(target: number): Instant {
    this.ensureTable(0);
    for (;;) {
      const n = this.length;
      const last = this.cumulative[n] as number;
      if (target >= last) {
        if (this.start + n <= this.irregularLast) {
          this.growRight(this.irregularLast + 1);
          continue;
        }
        this.requireWork(target, 'after');
        const weeks = Math.floor((target - last) / this.weekWork);
        return this.walkToStart(this.start + n + 7 * weeks, last + weeks * this.weekWork, target);
      }
      const first = this.cumulative[0] as number;
      if (target < first) {
        if (this.start > this.irregularFirst) {
          this.growLeft(this.irregularFirst);
          continue;
        }
        this.requireWork(target, 'before');
        const weeks = Math.ceil((first - target) / this.weekWork);
        return this.walkToStart(this.start - 7 * weeks, first - weeks * this.weekWork, target);
      }
      // The start lies in day j − 1 for the smallest j with cumulative[j] > target.
      const i = this.search(target, 1) - 1;
      const pattern = this.dayPatterns[i] as CompiledDayPattern;
      const minute = startOfMinute(pattern, target - (this.cumulative[i] as number));
      return wallMinutes((this.start + i) * MINUTES_PER_DAY + minute);
    }
  }

  /**
   * The smallest j in [1, length] with cumulative[j] ≥ target (strict 0) or > target (strict 1), given that it
   * exists and cumulative[0] is below it. Gallops from an estimate near the hint, then bisects.
   */
  private search(target: number, strict: number): number {
    const c = this.cumulative;
    const n = this.length;
    // Cumulatives are whole minutes, so "> target" is "≥ ⌊target⌋ + 1" and "≥ target" is "≥ ⌈target⌉".
    const goal = strict === 1 ? Math.floor(target) + 1 : Math.ceil(target);
    let h = Math.min(Math.max(this.hint + 1, 1), n);
    // Jump to where an average week would put the goal; the gallop then fixes the few days of holidays and weekends.
    if (this.weekWork > 0) {
      h = Math.min(Math.max(h + Math.floor(((goal - (c[h] as number)) * 7) / this.weekWork), 1), n);
    }
    let lo: number;
    let hi: number;
    if ((c[h] as number) >= goal) {
      hi = h;
      let step = 1;
      let probe = h - 1;
      while (probe > 0 && (c[probe] as number) >= goal) {
        hi = probe;
        step *= 2;
        probe = h - step;
      }
      lo = probe > 0 ? probe + 1 : 1;
    } else {
      lo = h + 1;
      let step = 1;
      let probe = h + 1;
      while (probe < n && (c[probe] as number) < goal) {
        lo = probe + 1;
        step *= 2;
        probe = h + step;
      }
      hi = probe < n ? probe : n;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] as number) >= goal) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Walks regular days from `day` (cumulative `done` at its start, done < target) to the finish of `target`. */
  private walkToFinish(day: number, done: number, target: number): Instant {
    let d = day;
    let w = done;
    for (;;) {
      const pattern = this.patternOf(d);
      if (w + pattern.total >= target) {
        return wallMinutes(d * MINUTES_PER_DAY + finishOfMinute(pattern, target - w));
      }
      w += pattern.total;
      d++;
    }
  }

  /** Walks regular days from `day` (cumulative `done` at its start, done ≤ target) to the start after `target`. */
  private walkToStart(day: number, done: number, target: number): Instant {
    let d = day;
    let w = done;
    for (;;) {
      const pattern = this.patternOf(d);
      if (w + pattern.total > target) {
        return wallMinutes(d * MINUTES_PER_DAY + startOfMinute(pattern, target - w));
      }
      w += pattern.total;
      d++;
    }
  }

  private requireWork(target: number, side: 'before' | 'after'): void {
    if (this.weekWork <= 0) {
      const edge = side === 'after' ? this.start + this.length : this.start;
      throw new RangeError(
        `calendar "${this.id}" has no working time ${side} day ${edge}, so ${target} working minutes cannot be placed`,
      );
    }
  }

  /** Cumulative working minutes at the start of `day`, growing the table when the day is irregular. */
  private cumulativeAt(day: number): number {
    this.ensureTable(day);
    for (;;) {
      const end = this.start + this.length;
      if (day >= this.start && day <= end) return this.cumulative[day - this.start] as number;
      if (day > end) {
        if (end > this.irregularLast)
          return (this.cumulative[this.length] as number) + this.regularWork(end, day);
        this.growRight(Math.min(day, this.irregularLast + 1));
      } else {
        if (this.start <= this.irregularFirst)
          return (this.cumulative[0] as number) - this.regularWork(day, this.start);
        this.growLeft(Math.max(day, this.irregularFirst));
      }
    }
  }

  /** Working minutes in the regular days [from, to). */
  private regularWork(from: number, to: number): number {
    const count = to - from;
    const weeks = Math.floor(count / 7);
    const rest = count - weeks * 7;
    const dow = dayOfWeek(from as DayNumber);
    const end = dow + rest;
    const c = this.weekCumulative;
    const partial =
      end <= 7
        ? (c[end] as number) - (c[dow] as number)
        : this.weekWork - (c[dow] as number) + (c[end - 7] as number);
    return weeks * this.weekWork + partial;
  }

  private patternOf(day: number): CompiledDayPattern {
    const i = day - this.start;
    if (i >= 0 && i < this.length) return this.dayPatterns[i] as CompiledDayPattern;
    if (day < this.irregularFirst || day > this.irregularLast)
      return this.week[dayOfWeek(day as DayNumber)] as CompiledDayPattern;
    return this.compile(this.resolved.dayPattern(day as DayNumber));
  }

  private compile(pattern: DayPattern): CompiledDayPattern {
    let compiled = this.byPattern.get(pattern);
    if (compiled === undefined) {
      compiled = this.pool.intern(pattern);
      this.byPattern.set(pattern, compiled);
    }
    return compiled;
  }

  private ensureTable(day: number): void {
    if (this.length > 0) return;
    this.rebuild(day - INITIAL_BEFORE, day + INITIAL_AFTER);
  }

  /** Grows the table to end at least at `end` (exclusive), at least doubling it. */
  private growRight(end: number): void {
    const current = this.start + this.length;
    this.rebuild(this.start, Math.max(end, current + Math.max(this.length, MIN_GROWTH)));
  }

  /** Grows the table to start at least at `start`, at least doubling it. */
  private growLeft(start: number): void {
    this.rebuild(Math.min(start, this.start - Math.max(this.length, MIN_GROWTH)), this.start + this.length);
  }

  private rebuild(start: number, end: number): void {
    const length = end - start;
    const cumulative = new Float64Array(length + 1);
    const dayPatterns = new Array<CompiledDayPattern>(length);
    const offset = this.start - start;
    const keep = this.length;
    // Keep the origin of existing entries so the cumulative values of known days do not change.
    if (keep > 0) {
      for (let i = 0; i < keep; i++) dayPatterns[offset + i] = this.dayPatterns[i] as CompiledDayPattern;
      cumulative.set(this.cumulative, offset);
      for (let i = offset - 1; i >= 0; i--) {
        const pattern = this.compile(this.resolved.dayPattern((start + i) as DayNumber));
        dayPatterns[i] = pattern;
        cumulative[i] = (cumulative[i + 1] as number) - pattern.total;
      }
    }
    for (let i = keep > 0 ? offset + keep : 0; i < length; i++) {
      const pattern = this.compile(this.resolved.dayPattern((start + i) as DayNumber));
      dayPatterns[i] = pattern;
      cumulative[i + 1] = (cumulative[i] as number) + pattern.total;
    }
    this.start = start;
    this.length = length;
    this.cumulative = cumulative;
    this.dayPatterns = dayPatterns;
  }
}
