import type { Calendar } from '../calendar/model';
import type { TimeIndex } from './time-index';

/** Projects whose calendars differ in content that keep their time indices at once (least recently used goes). */
const CONTENT_ENTRIES = 8;

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
 * Time indices kept between runs, per calendar compiler. Compiling a calendar and tabulating its years of days cost as
 * much as scheduling a thousand tasks, and a project is usually scheduled again and again with the same calendars. A
 * time index depends only on the calendars' content and its origin day, and its coordinates never change as it grows,
 * so sharing one gives the same numbers as building it afresh. The same array of calendars is found by identity
 * (calendars are read-only data); an equal array, loaded again, by its serialised content.
 */
export class TimeIndexCache {
  private readonly byArray = new WeakMap<readonly Calendar[], TimeIndexShelf>();
  private readonly byContent = new Map<string, TimeIndexShelf>();

  /** The shelf for this list of calendars. */
  shelfFor(calendars: readonly Calendar[]): TimeIndexShelf {
    const known = this.byArray.get(calendars);
    if (known !== undefined) return known;
    const key = JSON.stringify(calendars);
    let shelf = this.byContent.get(key);
    if (shelf === undefined) {
      shelf = new TimeIndexShelf();
      if (this.byContent.size >= CONTENT_ENTRIES) {
        this.byContent.delete(this.byContent.keys().next().value!);
      }
    } else this.byContent.delete(key);
    // Re-inserted so the map's order is least recently used first.
    this.byContent.set(key, shelf);
    this.byArray.set(calendars, shelf);
    return shelf;
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
