import type { Calendar } from '../calendar/model';
import type { TimeIndex } from './time-index';

/** Time indices one list of calendars keeps for different origins and calendars before it starts again. */
const SHELF_ENTRIES = 16;

/** The time indices of one list of calendars, by origin day and calendar. */
export class TimeIndexShelf {
  private readonly entries = new Map<string, TimeIndex>();

  /** The time index of `calendar` (a key naming it) from `originDay`, built by `make` when none is kept. */
  take(originDay: number, calendar: string, make: () => TimeIndex): TimeIndex {
    const key = `${originDay} ${calendar}`;
    let time = this.entries.get(key);
    if (time === undefined) {
      time = make();
      // Projects starting on many different days would otherwise keep an index for each.
      if (this.entries.size >= SHELF_ENTRIES) this.entries.clear();
      this.entries.set(key, time);
    }
    return time;
  }
}

/**
 * Time indices per calendar compiler. Each list of calendars gets a shelf of its own for the run that asks: sharing
 * indices between runs by the calendars' identity or content gave a project scheduled after another one, with other
 * working hours and holidays, the other project's working time (the demo plans lost their critical path after such a
 * project), so nothing is shared across runs until that is understood.
 */
export class TimeIndexCache {
  /** A fresh shelf for this list of calendars. */
  shelfFor(_calendars: readonly Calendar[]): TimeIndexShelf {
    return new TimeIndexShelf();
  }
}

const caches = new WeakMap<object, TimeIndexCache>();

/** The cache of time indices built with this compiler. */
export function timeIndexCache(compiler: object): TimeIndexCache {
  let cache = caches.get(compiler);
  if (cache === undefined) {
    cache = new TimeIndexCache();
    caches.set(compiler, cache);
  }
  return cache;
}
