/** A scheduled task as progress is weighed from it. */
export interface ProgressTask {
  summary: boolean;
  durationMinutes: number;
  percentComplete: number;
}

/**
 * A project's progress in percent (0–100, one decimal): its detail tasks' percent complete weighted by duration, as
 * MS Project rolls up a summary; milestones (no duration) count only when nothing has a duration.
 * @example deliveryProgress([{ summary: false, durationMinutes: 480, percentComplete: 50 }]) // 50
 */
export function deliveryProgress(tasks: readonly ProgressTask[]): number {
  const detail = tasks.filter((task) => !task.summary);
  if (detail.length === 0) return 0;
  const total = detail.reduce((sum, task) => sum + task.durationMinutes, 0);
  const done =
    total === 0
      ? detail.reduce((sum, task) => sum + task.percentComplete, 0) / detail.length
      : detail.reduce((sum, task) => sum + task.durationMinutes * task.percentComplete, 0) / total;
  return Math.round(done * 10) / 10;
}
