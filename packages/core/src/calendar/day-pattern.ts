/**
 * Day patterns in the two forms the engine needs: a validated, sorted, merged list of intervals (what callers see), and
 * an interned compiled form with a per-minute prefix table so that "working minutes before 10:37" is one array read.
 */
import { MINUTES_PER_DAY } from './day-number';
import type { DayPattern, WorkingInterval } from './model';

/** A day pattern with its prefix table; interned so that equal patterns share one object. */
export interface CompiledDayPattern {
  /** Position in the owning {@link PatternPool}. */
  readonly index: number;
  readonly intervals: DayPattern;
  /** Working minutes in the day. */
  readonly total: number;
  /** `before[m]` = working minutes in [00:00, m), for m = 0 … 1440. */
  readonly before: Uint16Array;
  /** Interval starts and ends, parallel arrays. */
  readonly froms: Int32Array;
  readonly tos: Int32Array;
  /** `finishes[n]` = minute of the day at which the n-th working minute ends (1 ≤ n ≤ total). */
  readonly finishes: Uint16Array;
  /** `starts[n]` = minute of the day at which working minute n + 1 begins (0 ≤ n < total). */
  readonly starts: Uint16Array;
}

/** A non-working day. */
export const nonWorkingDay: DayPattern = Object.freeze([]);

/**
 * Validates intervals (integer minutes, 0 ≤ from < to ≤ 1440), sorts them and merges overlapping or touching ones,
 * so that 08:00–12:00 plus 12:00–13:00 is one interval and the set of working minutes alone decides every answer.
 */
export function normalizeDayPattern(intervals: readonly WorkingInterval[], where: string): DayPattern {
  if (intervals.length === 0) return nonWorkingDay;
  for (const { from, to } of intervals) {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > MINUTES_PER_DAY || from >= to) {
      throw new RangeError(
        `${where}: working interval ${from}–${to} must satisfy 0 ≤ from < to ≤ 1440 in whole minutes`,
      );
    }
  }
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const merged: WorkingInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.from <= last.to) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, interval.to) };
    } else {
      merged.push({ from: interval.from, to: interval.to });
    }
  }
  return Object.freeze(merged.map((i) => Object.freeze(i)));
}

/** Interns compiled day patterns by their intervals. */
export class PatternPool {
  readonly patterns: CompiledDayPattern[] = [];
  private readonly byKey = new Map<string, CompiledDayPattern>();

  /** The compiled form of a normalized pattern. */
  intern(intervals: DayPattern): CompiledDayPattern {
    const key = intervals.map((i) => `${i.from}-${i.to}`).join(',');
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const before = new Uint16Array(MINUTES_PER_DAY + 1);
    const froms = new Int32Array(intervals.length);
    const tos = new Int32Array(intervals.length);
    let total = 0;
    let minute = 0;
    intervals.forEach(({ from, to }, k) => {
      froms[k] = from;
      tos[k] = to;
      for (; minute <= from; minute++) before[minute] = total;
      for (; minute <= to; minute++) before[minute] = total + (minute - from);
      total += to - from;
    });
    for (; minute <= MINUTES_PER_DAY; minute++) before[minute] = total;
    const finishes = new Uint16Array(total + 1);
    const starts = new Uint16Array(total + 1);
    let n = 0;
    for (const { from, to } of intervals) {
      for (let m = from; m < to; m++) {
        starts[n] = m;
        n++;
        finishes[n] = m + 1;
      }
    }
    const compiled: CompiledDayPattern = {
      index: this.patterns.length,
      intervals,
      total,
      before,
      finishes,
      starts,
      froms,
      tos,
    };
    this.patterns.push(compiled);
    this.byKey.set(key, compiled);
    return compiled;
  }
}

/**
 * The minute of the day at which `n` working minutes of the day are done (0 < n ≤ total); a fractional n ends inside
 * its working minute.
 */
export function finishOfMinute(pattern: CompiledDayPattern, n: number): number {
  if (!(n > 0 && n <= pattern.total)) {
    throw new RangeError(`${n} working minutes are outside the day's ${pattern.total}`);
  }
  const whole = Math.ceil(n);
  return (pattern.finishes[whole] as number) - (whole - n);
}

/** The minute of the day at which work resumes after `n` working minutes of the day (0 ≤ n < total). */
export function startOfMinute(pattern: CompiledDayPattern, n: number): number {
  if (!(n >= 0 && n < pattern.total)) {
    throw new RangeError(`${n} working minutes are outside the day's ${pattern.total}`);
  }
  const whole = Math.floor(n);
  return (pattern.starts[whole] as number) + (n - whole);
}
