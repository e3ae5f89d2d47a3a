import type { Instant } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';
import type { EarnedValueInputs } from './indicators';

/** When a task's budget is counted as spent: at its start, spread over its working time, or at its finish (MS Project's cost accrual). */
export type CostAccrual = 'start' | 'prorated' | 'end';

/** One task as earned value sees it: its baselined span and budget, its progress and what it has cost so far. */
export interface EarnedValueTask {
  readonly baselineStart: Instant;
  readonly baselineFinish: Instant;
  /** Budget at completion of the task (its baseline cost). */
  readonly budget: number;
  readonly accrual: CostAccrual;
  /** Physical progress, 0–100. */
  readonly percentComplete: number;
  /** Cost incurred up to the status date. */
  readonly actualCost: number;
}

/** The part of a task's budget scheduled to be spent by `at`, on the calendar the baseline was taken on. */
export function plannedValueAt(task: EarnedValueTask, at: Instant, time: WorkingTime): number {
  if (at < task.baselineStart) return 0;
  if (at >= task.baselineFinish) return task.budget;
  switch (task.accrual) {
    case 'start':
      return task.budget;
    case 'end':
      return 0;
    case 'prorated': {
      const span = time.workBetween(task.baselineStart, task.baselineFinish);
      // A task that spans no working time (a milestone) is all or nothing, at its finish.
      if (span <= 0) return 0;
      return (task.budget * time.workBetween(task.baselineStart, at)) / span;
    }
  }
}

/** The budget of the work done: the task's budget times its physical progress. */
export function earnedValueOf(task: EarnedValueTask): number {
  return (task.budget * Math.min(100, Math.max(0, task.percentComplete))) / 100;
}

/** BAC, PV, EV and AC of a set of tasks (the leaves of a project or of one WBS branch) at the status date. */
export function earnedValueAt(
  tasks: readonly EarnedValueTask[],
  statusDate: Instant,
  time: WorkingTime,
): EarnedValueInputs {
  let bac = 0;
  let pv = 0;
  let ev = 0;
  let ac = 0;
  for (const task of tasks) {
    bac += task.budget;
    pv += plannedValueAt(task, statusDate, time);
    ev += earnedValueOf(task);
    ac += task.actualCost;
  }
  return { bac, pv, ev, ac };
}

/** Planned value at each of `points` (ascending): the PV line of an S-curve. */
export function plannedValueCurve(
  tasks: readonly EarnedValueTask[],
  points: readonly Instant[],
  time: WorkingTime,
): number[] {
  return points.map((at) => tasks.reduce((sum, task) => sum + plannedValueAt(task, at, time), 0));
}
