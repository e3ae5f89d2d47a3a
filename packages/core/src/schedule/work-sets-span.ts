import type { ScheduleTask } from './model';

/**
 * True when a task's assignments' work sets how long it lasts: not for fixed-duration, elapsed or manually scheduled
 * tasks, whose span is given and whose assignments fill it (as MS Project raises their peak instead).
 */
export function workSetsSpan(task: Pick<ScheduleTask, 'type' | 'elapsed' | 'manual'>): boolean {
  return task.type !== 'fixedDuration' && !task.elapsed && !task.manual;
}
