import type { Instant, WorkMinutes } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';
import type { Money, ScheduleSuccess, TaskId } from './model';

/** One task as it stood when the baseline was taken. */
export interface BaselineTask {
  readonly id: TaskId;
  readonly start: Instant;
  readonly finish: Instant;
  readonly durationMinutes: number;
  readonly work: number;
  readonly cost: Money;
}

/** A named snapshot of a schedule (MS Project's Baseline, Baseline1 … Baseline10). */
export interface Baseline {
  readonly name: string;
  readonly start: Instant;
  readonly finish: Instant;
  readonly tasks: readonly BaselineTask[];
}

/** How far a task has moved from its baseline; positive means later, longer or dearer. */
export interface TaskVariance {
  readonly id: TaskId;
  /** Working minutes between the baseline start and the current start. */
  readonly startVariance: WorkMinutes;
  /** Working minutes between the baseline finish and the current finish. */
  readonly finishVariance: WorkMinutes;
  readonly durationVariance: number;
  readonly workVariance: number;
  readonly costVariance: Money;
}

/** Takes a named snapshot of a successful schedule. */
export function takeBaseline(result: ScheduleSuccess, name: string): Baseline {
  return {
    name,
    start: result.start,
    finish: result.finish,
    tasks: result.tasks.map((t) => ({
      id: t.id,
      start: t.start,
      finish: t.finish,
      durationMinutes: t.durationMinutes,
      work: t.work,
      cost: t.cost,
    })),
  };
}

/**
 * Variances of every task present in both the schedule and the baseline, with date variances in working minutes on
 * `time` (usually the project calendar), as MS Project reports them.
 */
export function baselineVariances(
  result: ScheduleSuccess,
  baseline: Baseline,
  time: WorkingTime,
): TaskVariance[] {
  const saved = new Map(baseline.tasks.map((t) => [t.id as string, t]));
  const out: TaskVariance[] = [];
  for (const t of result.tasks) {
    const b = saved.get(t.id);
    if (!b) continue;
    out.push({
      id: t.id,
      startVariance: time.workBetween(b.start, t.start),
      finishVariance: time.workBetween(b.finish, t.finish),
      durationVariance: t.durationMinutes - b.durationMinutes,
      workVariance: t.work - b.work,
      costVariance: (t.cost - b.cost) as Money,
    });
  }
  return out;
}
