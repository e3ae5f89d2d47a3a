import type { Instant } from '../calendar/model';

/** A span of wall-clock time, start inclusive, finish exclusive. */
export interface Span {
  readonly start: Instant;
  readonly finish: Instant;
}
