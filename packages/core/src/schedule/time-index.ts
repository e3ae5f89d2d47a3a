import type { DayNumber, DayPattern, Instant } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';
import { InputError } from './network';

const DAY = 1440;
/** log2 of the working minutes per entry of the coordinate → interval table (about an hour). */
const BUCKET_BITS = 6;
/** Years of non-working time after which a calendar is declared empty instead of searched forever. */
const MAX_SPAN_DAYS = 366 * 200;

/**
 * A calendar turned into a "work coordinate": the number of working minutes between a fixed origin and an instant.
 * Inside the passes every date is such a coordinate, so adding a duration or a lag is one addition; instants are
 * produced only at the edges. Coordinates never change when the covered day range grows (the origin is fixed).
 */
export class TimeIndex {
  private lo = 0;
  private hi = 0;
  /** cum[k] = coordinate of the start of day lo + k; length hi − lo + 1. */
  private cum = new Float64Array(1);
  /** Intervals of day lo + k are ivFrom/ivTo[first[k] .. first[k + 1]). */
  private first = new Int32Array(1);
  private ivFrom = new Int32Array(0);
  private ivTo = new Int32Array(0);
  /** Every interval of the range in order: the coordinate where it starts (one more entry: the range's end). */
  private ivCum = new Float64Array(1);
  /** The instant at which interval j starts. */
  private ivAt = new Float64Array(0);
  /** bucketIv[b] = the last interval starting at or before coordinate cum[0] + b·2^BUCKET_BITS. */
  private bucketIv = new Int32Array(1);
  private readonly originDay: number;
  /** Day patterns already asked of the calendar, so growing the range never asks twice. */
  private readonly patterns = new Map<number, DayPattern>();

  constructor(
    readonly calendar: Pick<WorkingTime, 'id' | 'dayPattern'>,
    origin: Instant,
  ) {
    this.originDay = Math.floor(origin / DAY);
    this.build(this.originDay - 30, this.originDay + 800);
  }

  private build(lo: number, hi: number): void {
    if (hi - lo > MAX_SPAN_DAYS * 2) {
      throw new InputError(
        `calendar ${this.calendar.id} has no working time within ${MAX_SPAN_DAYS} days`,
        'calendars',
      );
    }
    const days = hi - lo;
    const cum = new Float64Array(days + 1);
    const first = new Int32Array(days + 1);
    const from: number[] = [];
    const to: number[] = [];
    let total = 0;
    let originCum = 0;
    for (let k = 0; k < days; k++) {
      if (lo + k === this.originDay) originCum = total;
      cum[k] = total;
      first[k] = from.length;
      let pattern = this.patterns.get(lo + k);
      if (pattern === undefined) {
        pattern = this.calendar.dayPattern((lo + k) as DayNumber);
        this.patterns.set(lo + k, pattern);
      }
      for (const iv of pattern) {
        from.push(iv.from);
        to.push(iv.to);
        total += iv.to - iv.from;
      }
    }
    if (hi === this.originDay) originCum = total;
    cum[days] = total;
    first[days] = from.length;
    for (let k = 0; k <= days; k++) cum[k] = cum[k]! - originCum;
    this.lo = lo;
    this.hi = hi;
    this.cum = cum;
    this.first = first;
    this.ivFrom = Int32Array.from(from);
    this.ivTo = Int32Array.from(to);
    const count = from.length;
    const ivCum = new Float64Array(count + 1);
    const ivAt = new Float64Array(count);
    for (let k = 0; k < days; k++) {
      let w = cum[k]!;
      for (let j = first[k]!; j < first[k + 1]!; j++) {
        ivCum[j] = w;
        ivAt[j] = (lo + k) * DAY + from[j]!;
        w += to[j]! - from[j]!;
      }
    }
    ivCum[count] = cum[days]!;
    const buckets = ((cum[days]! - cum[0]!) >> BUCKET_BITS) + 1;
    const bucketIv = new Int32Array(buckets);
    let j = 0;
    for (let b = 0; b < buckets; b++) {
      const at = cum[0]! + b * 2 ** BUCKET_BITS;
      while (j + 1 < count && ivCum[j + 1]! <= at) j++;
      bucketIv[b] = j;
    }
    this.ivCum = ivCum;
    this.ivAt = ivAt;
    this.bucketIv = bucketIv;
  }

  private growToDay(day: number): void {
    let lo = this.lo;
    let hi = this.hi;
    while (day < lo) lo -= Math.max(366, hi - lo);
    while (day >= hi) hi += Math.max(366, hi - lo);
    this.build(lo, hi);
  }

  /** Grows the covered range until it holds every coordinate in [low, high]. */
  private ensureCoords(low: number, high: number): void {
    while (low < this.cum[0]! || high > this.cum[this.cum.length - 1]!) {
      // One day beyond the range is enough: growToDay doubles the span.
      if (low < this.cum[0]!) this.growToDay(this.lo - 1);
      else this.growToDay(this.hi);
    }
  }

  /** Working minutes from the origin to `t` (negative before it). */
  toCoord(t: number): number {
    const day = Math.floor(t / DAY);
    if (day < this.lo || day >= this.hi) this.growToDay(day);
    const k = day - this.lo;
    const m = t - day * DAY;
    let w = this.cum[k]!;
    const end = this.first[k + 1]!;
    for (let j = this.first[k]!; j < end; j++) {
      const a = this.ivFrom[j]!;
      if (m <= a) break;
      const b = this.ivTo[j]!;
      w += (m < b ? m : b) - a;
    }
    return w;
  }

  /** Some interval j with ivCum[j] ≤ w (w within the range), at most a bucket's worth of work before the last one. */
  private intervalAtOrBefore(w: number): number {
    // Coordinates in the range differ by far less than 2^31, so a shift is the floor of the division.
    return this.bucketIv[(w - this.ivCum[0]!) >> BUCKET_BITS]!;
  }

  /** The instant at which work at coordinate `w` starts (MS Project's next work start). */
  startInstant(w: number): Instant {
    if (w < this.cum[0]! || w >= this.cum[this.cum.length - 1]!) this.ensureCoords(w, w + 1);
    // The last interval starting at or before w, which holds working minute w.
    const ivCum = this.ivCum;
    let j = this.intervalAtOrBefore(w);
    while (ivCum[j + 1]! <= w) j++;
    return (this.ivAt[j]! + (w - ivCum[j]!)) as Instant;
  }

  /** The instant at which work up to coordinate `w` finishes (MS Project's previous work finish). */
  finishInstant(w: number): Instant {
    if (w <= this.cum[0]! || w > this.cum[this.cum.length - 1]!) this.ensureCoords(w - 1, w);
    // The last interval starting before w, which holds working minute w − 1 (coordinates are whole minutes).
    const ivCum = this.ivCum;
    let j = this.intervalAtOrBefore(Math.max(w - 1, ivCum[0]!));
    while (ivCum[j + 1]! < w) j++;
    return (this.ivAt[j]! + (w - ivCum[j]!)) as Instant;
  }
}
