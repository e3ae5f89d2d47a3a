import { MINUTES_PER_DAY } from '../calendar/day-number';
import type { Instant } from '../calendar/model';
import type { IndexedWorkingTime } from '../calendar/working-time';
import type { EarnedValueTask } from './planned-value';
import { earnedValueOf } from './planned-value';

/** A task with the span over which its progress was made, to draw the earned value line back in time. */
export interface ProgressedTask extends EarnedValueTask {
  /** When work on it began (its actual start, else its scheduled start). */
  readonly progressStart: Instant;
  /** When its progress so far was reached (its actual finish, else the status date). */
  readonly progressFinish: Instant;
}

/** A cost incurred at an instant (a day's time entries and expenses). */
export interface DatedAmount {
  readonly at: Instant;
  readonly amount: number;
}

/** One point of an S-curve: cumulative PV, and EV and AC up to the status date (null after it). */
export interface SCurvePoint {
  readonly at: Instant;
  readonly pv: number;
  readonly ev: number | null;
  readonly ac: number | null;
}

const WEEK = 7 * MINUTES_PER_DAY;

/**
 * Points a week apart from `start`, the last one at `finish` (and `statusDate` among them when it falls inside), at
 * most `limit` of them: a plan longer than that many weeks is sampled every few weeks instead.
 */
export function weeklyPoints(
  start: Instant,
  finish: Instant,
  statusDate: Instant | null,
  limit = 260,
): Instant[] {
  const end = Math.max(start, finish) as Instant;
  const weeks = Math.ceil((end - start) / WEEK);
  const step = WEEK * Math.max(1, Math.ceil(weeks / limit));
  const points = new Set<number>();
  for (let t: number = start; t < end; t += step) points.add(t);
  points.add(end);
  if (statusDate !== null && statusDate > start && statusDate < end) points.add(statusDate);
  return [...points].sort((a, b) => a - b) as Instant[];
}

/** The fraction of [from, to] in work done by `at` on `time`, given the coordinates of both ends. */
function fractionAt(fromWork: number, toWork: number, atWork: number, at: Instant, to: Instant): number {
  const span = toWork - fromWork;
  // No working time between the ends (a milestone, a one-instant span): all of it at the end.
  if (span <= 0) return at >= to ? 1 : 0;
  return Math.min(1, Math.max(0, (atWork - fromWork) / span));
}

/**
 * The S-curve of a plan: at each point, the planned value (the baselined budgets time-phased by their accrual), the
 * earned value (each task's earned budget spread over the span its progress was made in) and the actual cost (the
 * dated costs summed), the last two only up to the status date. Work coordinates are taken once per task and once per
 * point, so the cost is O(tasks × points) additions rather than calendar walks.
 */
export function sCurve(
  tasks: readonly ProgressedTask[],
  costs: readonly DatedAmount[],
  points: readonly Instant[],
  statusDate: Instant,
  time: IndexedWorkingTime,
): SCurvePoint[] {
  const pointWork = points.map((at) => time.workAt(at));
  const pv = new Float64Array(points.length);
  const ev = new Float64Array(points.length);
  for (const task of tasks) {
    const startWork = time.workAt(task.baselineStart);
    const finishWork = time.workAt(task.baselineFinish);
    const earned = earnedValueOf(task);
    const progressStartWork = time.workAt(task.progressStart);
    const progressFinishWork = time.workAt(task.progressFinish);
    for (let i = 0; i < points.length; i++) {
      const at = points[i] as Instant;
      const atWork = pointWork[i] as number;
      pv[i] = (pv[i] as number) + plannedShare(task, at, startWork, finishWork, atWork);
      if (earned !== 0) {
        ev[i] =
          (ev[i] as number) +
          earned * fractionAt(progressStartWork, progressFinishWork, atWork, at, task.progressFinish);
      }
    }
  }
  const spent = cumulativeAt(costs, points);
  return points.map((at, i) => {
    const measured = at <= statusDate;
    return {
      at,
      pv: pv[i] as number,
      ev: measured ? (ev[i] as number) : null,
      ac: measured ? (spent[i] as number) : null,
    };
  });
}

/** The sum of the amounts dated at or before each point (points ascending): a cumulative cost line. */
export function cumulativeAt(costs: readonly DatedAmount[], points: readonly Instant[]): number[] {
  const sorted = [...costs].sort((a, b) => a.at - b.at);
  let spent = 0;
  let next = 0;
  return points.map((at) => {
    while (next < sorted.length && (sorted[next] as DatedAmount).at <= at) {
      spent += (sorted[next] as DatedAmount).amount;
      next++;
    }
    return spent;
  });
}

function plannedShare(
  task: EarnedValueTask,
  at: Instant,
  startWork: number,
  finishWork: number,
  atWork: number,
): number {
  if (at < task.baselineStart) return 0;
  if (at >= task.baselineFinish) return task.budget;
  switch (task.accrual) {
    case 'start':
      return task.budget;
    case 'end':
      return 0;
    case 'prorated':
      return finishWork - startWork <= 0
        ? 0
        : (task.budget * (atWork - startWork)) / (finishWork - startWork);
  }
}
