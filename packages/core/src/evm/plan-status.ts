import type { Instant } from '../calendar/model';

/** One task as the project dashboard reads it. */
export interface StatusTask {
  readonly id: string;
  readonly summary: boolean;
  readonly isMilestone: boolean;
  readonly start: Instant;
  readonly finish: Instant;
  readonly deadline: Instant | null;
  readonly workMinutes: number;
  readonly durationMinutes: number;
  /** 0–100. */
  readonly percentComplete: number;
  /** Working minutes the task can slip without moving the project finish. */
  readonly totalSlack: number;
  readonly critical: boolean;
}

/** How far along the work is: done and total work of the leaf tasks, and the share done. */
export interface PlanProgress {
  /** Done work over total work (duration when the plan has no work), 0–1; null for a plan with neither. */
  readonly percent: number | null;
  readonly measuredBy: 'work' | 'duration';
  readonly tasks: number;
  readonly doneTasks: number;
}

/** Why an unfinished task is late at the status date. */
export type LateReason = 'pastFinish' | 'pastDeadline' | 'missesDeadline';

/** An unfinished task that is late, with its reasons. */
export interface LateTask {
  readonly id: string;
  readonly reasons: readonly LateReason[];
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/**
 * Progress by work: each leaf's work weighted by its percent complete (MS Project's "% work complete" rolled up), or
 * by duration when no task has work, as the project summary task would show it.
 */
export function planProgress(tasks: readonly StatusTask[]): PlanProgress {
  let work = 0;
  let doneWork = 0;
  let duration = 0;
  let doneDuration = 0;
  let count = 0;
  let done = 0;
  for (const task of tasks) {
    if (task.summary) continue;
    count += 1;
    const share = clampPercent(task.percentComplete) / 100;
    if (share >= 1) done += 1;
    work += task.workMinutes;
    doneWork += task.workMinutes * share;
    duration += task.durationMinutes;
    doneDuration += task.durationMinutes * share;
  }
  if (work > 0) return { percent: doneWork / work, measuredBy: 'work', tasks: count, doneTasks: done };
  return {
    percent: duration > 0 ? doneDuration / duration : null,
    measuredBy: 'duration',
    tasks: count,
    doneTasks: done,
  };
}

/**
 * The unfinished leaf tasks that are late at `statusAt`: their finish has passed, their deadline has passed, or they
 * are scheduled to finish after their deadline. Ordered by finish, then start.
 */
export function lateTasks(tasks: readonly StatusTask[], statusAt: Instant): LateTask[] {
  const late: { task: StatusTask; reasons: LateReason[] }[] = [];
  for (const task of tasks) {
    if (task.summary || clampPercent(task.percentComplete) >= 100) continue;
    const reasons: LateReason[] = [];
    if (task.finish <= statusAt) reasons.push('pastFinish');
    if (task.deadline !== null && task.deadline <= statusAt) reasons.push('pastDeadline');
    else if (task.deadline !== null && task.finish > task.deadline) reasons.push('missesDeadline');
    if (reasons.length > 0) late.push({ task, reasons });
  }
  late.sort((a, b) => a.task.finish - b.task.finish || a.task.start - b.task.start);
  return late.map(({ task, reasons }) => ({ id: task.id, reasons }));
}

/** The unfinished milestones by date, the overdue ones first, at most `limit`. */
export function nextMilestones(tasks: readonly StatusTask[], limit = 5): StatusTask[] {
  return tasks
    .filter((task) => task.isMilestone && !task.summary && clampPercent(task.percentComplete) < 100)
    .sort((a, b) => a.finish - b.finish)
    .slice(0, limit);
}
