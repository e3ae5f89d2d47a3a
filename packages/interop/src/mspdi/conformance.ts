import { compileCalendar } from '@tandem/core/calendar/compile';
import type { CalendarId } from '@tandem/core/calendar/model';
import type { WorkingTime } from '@tandem/core/calendar/working-time';
import type { ScheduleFailure } from '@tandem/core/schedule/model';
import { scheduleProject } from '@tandem/core/schedule/schedule';
import { compareWithSaved, type FieldDifference } from './compare-saved';
import type { MspdiProject, MspdiTask } from './model';
import { isSchedulableTask, toScheduleProject } from './to-schedule';

/** One task's comparison: its UID, row id and name, and every field that differs (none when it matches). */
export interface TaskConformance {
  readonly uid: number;
  readonly id: number | undefined;
  readonly name: string;
  readonly differences: readonly FieldDifference[];
}

/** The outcome of scheduling one file from its inputs and comparing it with MS Project's saved results. */
export type ProjectConformance =
  | { readonly ok: true; readonly tasks: readonly TaskConformance[] }
  | { readonly ok: false; readonly message: string; readonly taskCount: number };

/** True when the file carries MS Project's computed values (early dates) on at least one task. */
export function hasSavedResults(project: MspdiProject): boolean {
  return project.tasks.some((task) => isSchedulableTask(task) && task.EarlyStart !== undefined);
}

/** Tasks that the comparison covers: every task but the project summary (UID 0) and blank rows. */
function comparedTasks(project: MspdiProject): (MspdiTask & { UID: number })[] {
  return project.tasks.filter(isSchedulableTask);
}

/**
 * Schedules the project from its inputs alone with the core engine and compares every task with MS Project's saved
 * values (see {@link compareWithSaved}).
 */
export function checkConformance(project: MspdiProject): ProjectConformance {
  const saved = comparedTasks(project);
  let input: ReturnType<typeof toScheduleProject>;
  try {
    input = toScheduleProject(project);
  } catch (error) {
    return { ok: false, message: `cannot map the file: ${messageOf(error)}`, taskCount: saved.length };
  }
  let result: ReturnType<typeof scheduleProject>;
  try {
    result = scheduleProject(input);
  } catch (error) {
    return { ok: false, message: `the engine threw: ${messageOf(error)}`, taskCount: saved.length };
  }
  if (!result.ok) return { ok: false, message: describeFailure(result), taskCount: saved.length };

  const byId = new Map(result.tasks.map((task) => [task.id as string, task]));
  const inputs = new Map(input.tasks.map((task) => [task.id as string, task]));
  const times = new Map<string, WorkingTime>();
  const timeOf = (id: CalendarId): WorkingTime => {
    let time = times.get(id);
    if (!time) {
      time = compileCalendar(input.calendars, id);
      times.set(id, time);
    }
    return time;
  };
  const tasks = saved.map((task): TaskConformance => {
    const got = byId.get(String(task.UID));
    const base = { uid: task.UID, id: task.ID, name: task.Name ?? '' };
    if (!got)
      return { ...base, differences: [{ field: 'Start', expected: 'a scheduled task', got: 'none' }] };
    const calendar = inputs.get(String(task.UID))?.calendarId ?? input.calendarId;
    return { ...base, differences: compareWithSaved(task, got, timeOf(calendar)) };
  });
  return { ok: true, tasks };
}

/** A one-line description of a schedule that could not be computed. */
export function describeFailure(failure: ScheduleFailure): string {
  if (failure.code === 'DEPENDENCY_CYCLE') {
    const names = failure.cycle.names.map((name, i) => name || `UID ${failure.cycle.taskIds[i]}`);
    return `dependency cycle: ${[...names, names[0]].join(' → ')}`;
  }
  return `invalid input (${failure.field}): ${failure.message}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
