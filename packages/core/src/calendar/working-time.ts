import type { CalendarId, DayNumber, DayPattern, Instant, WorkMinutes } from './model';

/**
 * A compiled calendar: answers working-time questions in O(log n) or amortised O(1) per call. All instants are
 * {@link Instant}s (wall-clock minutes). "Start" snapping moves forward to the next moment work can begin; "finish"
 * snapping moves backward to the end of the last working moment, the way MS Project places starts and finishes.
 * Instants and work are whole minutes in the model, but fractions (seconds in MSPDI dates, percent lags) are honoured
 * exactly: a fraction of a working minute counts as that fraction of work.
 */
export interface WorkingTime {
  readonly id: CalendarId;
  /** The working intervals of one day after inheritance, work weeks and exceptions. */
  dayPattern(day: DayNumber): DayPattern;
  /** True when the minute starting at `t` is working time. */
  isWorking(t: Instant): boolean;
  /** The earliest instant ≥ `t` at which work can start (t itself when it is working and not at an interval end). */
  nextWorkStart(t: Instant): Instant;
  /** The latest instant ≤ `t` at which work can finish (t itself when the minute before it is working). */
  previousWorkFinish(t: Instant): Instant;
  /**
   * The finish of `work` working minutes starting at `start` (snapped forward first). Zero work returns the snapped
   * start. Negative work moves backward (see {@link WorkingTime.subtractWork}).
   */
  addWork(start: Instant, work: WorkMinutes): Instant;
  /** The start of `work` working minutes that finish at `finish` (snapped backward first). */
  subtractWork(finish: Instant, work: WorkMinutes): Instant;
  /** Working minutes in [a, b); negative when b < a. */
  workBetween(a: Instant, b: Instant): WorkMinutes;
}

/**
 * A {@link WorkingTime} that also exposes its work coordinates: the working minutes between an origin, fixed for the
 * life of the object, and an instant. A scheduler can keep dates as coordinates so that adding a duration or a lag is
 * one addition, and turn them into instants only at the edges.
 */
export interface IndexedWorkingTime extends WorkingTime {
  /** The work coordinate of `t`; `workAt(b) − workAt(a)` equals `workBetween(a, b)`. */
  workAt(t: Instant): number;
  /** The earliest instant whose coordinate is `coordinate`: where work that reaches it finishes (snapped backward). */
  finishAt(coordinate: number): Instant;
  /** The latest instant whose coordinate is `coordinate` and after which work goes on: where work from it starts. */
  startAt(coordinate: number): Instant;
}

/** The project-wide figures MS Project uses to convert durations between units. */
export interface UnitSettings {
  /** Working minutes in a "day" of duration (MS Project default 480). */
  readonly minutesPerDay: number;
  /** Working minutes in a "week" of duration (default 2400). */
  readonly minutesPerWeek: number;
  /** Working days in a "month" of duration (default 20). */
  readonly daysPerMonth: number;
}

/** MS Project's defaults: 8 hours a day, 40 hours a week, 20 days a month. */
export const defaultUnitSettings: UnitSettings = {
  minutesPerDay: 480,
  minutesPerWeek: 2400,
  daysPerMonth: 20,
};
