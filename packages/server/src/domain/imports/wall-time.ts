import { formatInstant, parseInstant } from '@tandem/core/calendar/day-number';
import type { Instant } from '@tandem/core/calendar/model';

/** A wall-clock instant (minutes since 1970-01-01T00:00, no zone) as a `timestamp without time zone` literal. */
export function storedWallClock(t: Instant | number): string {
  return formatInstant(t as Instant).replace('T', ' ');
}

/** A wall-clock instant as the API writes plan dates: `YYYY-MM-DDTHH:MM`. */
export function wallClockText(t: Instant | number): string {
  return formatInstant(t as Instant).slice(0, 16);
}

/** A stored or API plan date-time (`YYYY-MM-DD HH:MM[:SS]` or with `T`) as a wall-clock instant. */
export function instantOf(text: string): Instant {
  return parseInstant(text.replace(' ', 'T').slice(0, 19));
}

/** The day of a wall-clock instant, `YYYY-MM-DD`. */
export function dayText(t: Instant | number): string {
  return formatInstant(t as Instant).slice(0, 10);
}
