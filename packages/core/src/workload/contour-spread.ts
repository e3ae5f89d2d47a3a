import type { Instant } from '../calendar/model';
import { workMinutes } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';
import { contourSlices } from '../schedule/contour-slices';
import type { WorkContour } from '../schedule/model';
import { contourShare } from '../schedule/work-contour';
import type { Span } from './spread';

/** How an assignment's work is shaped in time: MS Project's assignment fields the workload places work by. */
export interface AssignmentShape {
  /** Units of the resource the assignment takes, 1 = 100 %. */
  readonly units: number;
  /** How the work is spread over the assignment's span; flat when absent. */
  readonly contour?: WorkContour | undefined;
  /** The part of the work done as overtime, beyond the working day: it takes no working time. */
  readonly overtimeMinutes?: number | undefined;
  /** Working minutes after the task's start before the assignment begins. */
  readonly delayMinutes?: number | undefined;
  /**
   * The assignment runs to its task's finish whatever its work (a fixed-duration, manual or elapsed task, whose span
   * does not come from its work): MS Project then raises the contour's peak instead of stretching the span.
   */
  readonly fillsTask?: boolean | undefined;
}

/** The minutes an assignment places in each period: all its work, and the part of it that is overtime. */
export interface AssignmentSpread {
  readonly work: number[];
  readonly overtime: number[];
}

/**
 * The working span of an assignment on its resource's working time: from the task's start plus the delay, for its
 * regular work (work less overtime) over its units stretched by the contour's average rate, as the scheduler spans it
 * (a 40 h turtle at 100 % lasts 57.1 working hours); to the task's finish when the assignment fills its task.
 */
export function assignmentWindow(time: WorkingTime, task: Span, work: number, shape: AssignmentShape): Span {
  const start = time.addWork(task.start, workMinutes(Math.max(0, shape.delayMinutes ?? 0)));
  if (shape.fillsTask || !(shape.units > 0)) {
    return { start, finish: task.finish > start ? task.finish : start };
  }
  const share = contourShare(shape.contour ?? 'flat');
  const regular = Math.max(0, work - (shape.overtimeMinutes ?? 0));
  const length = regular / shape.units / share;
  return { start, finish: length > 0 ? time.addWork(start, workMinutes(length)) : start };
}

/** The share of the work a contour places in the first `x` of `length` working minutes of the span. */
function cumulativeShare(slices: readonly number[], total: number, length: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= length) return 1;
  const position = (x / length) * slices.length;
  const whole = Math.floor(position);
  let done = 0;
  for (let index = 0; index < whole; index++) done += slices[index] ?? 0;
  return (done + (slices[whole] ?? 0) * (position - whole)) / total;
}

/**
 * Places an assignment's work in periods as MS Project's timephased work does: the span ({@link assignmentWindow}) cut
 * into ten equal tenths of working time, each holding its contour's percentage of the work (a 10-day turtle puts
 * 25/700 of its work on the first day and 100/700 on the fourth), overtime spread in proportion with the regular
 * work. An assignment with no working time (all overtime, or a delay past its task's finish) places its work in the
 * period holding its start; a task with none (a milestone) places none, since it has nowhere to go.
 * @example spreadAssignment(standard, task, 4800, { units: 1, contour: 'turtle' }, days).work
 */
export function spreadAssignment(
  time: WorkingTime,
  task: Span,
  work: number,
  shape: AssignmentShape,
  periods: readonly Span[],
): AssignmentSpread {
  const overtimePart = work > 0 ? Math.min(1, Math.max(0, shape.overtimeMinutes ?? 0) / work) : 0;
  const window = assignmentWindow(time, task, work, shape);
  const length = time.workBetween(window.start, window.finish);
  const placed = work > 0 && !(task.finish <= task.start && length <= 0);
  const slices = contourSlices[shape.contour ?? 'flat'];
  const total = slices.reduce((sum, units) => sum + units, 0);
  // Periods usually follow one another, so where one ends the next begins: its share so far is carried over.
  let carriedAt = Number.NaN;
  let carried = 0;
  const shares = periods.map((period): number => {
    if (!placed) return 0;
    if (length <= 0) return period.start <= window.start && window.start < period.finish ? 1 : 0;
    const from = Math.max(window.start, period.start) as Instant;
    const to = Math.min(window.finish, period.finish) as Instant;
    if (to <= from) return 0;
    const before =
      from === carriedAt
        ? carried
        : cumulativeShare(slices, total, length, time.workBetween(window.start, from));
    const after = cumulativeShare(slices, total, length, time.workBetween(window.start, to));
    carriedAt = to;
    carried = after;
    return after - before;
  });
  return {
    work: shares.map((share) => share * work),
    overtime: shares.map((share) => share * work * overtimePart),
  };
}
