import {
  formatInstant,
  type Instant,
  type ScheduledTask,
  type ScheduleResult,
  type ScheduleTask,
} from '@tandem/core';
import { ApiError } from '../../http/errors';

/** One task's computed dates as the API shows them; dates are `YYYY-MM-DDTHH:MM`, spans and slack working minutes. */
export interface ScheduledTaskView {
  id: string;
  outline: string;
  level: number;
  summary: boolean;
  start: string;
  finish: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  durationMinutes: number;
  workMinutes: number;
  costCents: number;
  percentComplete: number;
  totalSlack: number;
  freeSlack: number;
  critical: boolean;
}

/** A project's schedule at one plan revision; on a dependency cycle, `cycle` names it and `tasks` is empty. */
export interface ScheduleView {
  planRevision: number;
  start: string;
  finish: string;
  statusDate: string | null;
  cycle: null | { taskIds: string[]; names: string[] };
  tasks: ScheduledTaskView[];
  criticalPath: string[];
}

/** What the view needs besides the engine's result: the revision, the status day and the outline of the tasks. */
export interface ScheduleViewContext {
  revision: number;
  statusDay: string | null;
  startDate: Instant;
  tasks: readonly ScheduleTask[];
  outline: readonly string[];
  levels: readonly number[];
}

/** Formats instants, remembering each: a plan's tasks share most of their dates, and keep them from edit to edit. */
export function instantFormatter(seen = new Map<number, string>()): (t: Instant) => string {
  return (t) => {
    let text = seen.get(t);
    if (text === undefined) {
      text = formatInstant(t).slice(0, 16);
      seen.set(t, text);
    }
    return text;
  };
}

/** Turns the engine's result into the API's schedule; input the engine could not schedule is a 422. */
export function toScheduleView(context: ScheduleViewContext, result: ScheduleResult): ScheduleView {
  const format = instantFormatter();
  if (!result.ok) {
    if (result.code === 'INVALID_INPUT') {
      throw new ApiError(
        422,
        'INVALID_PLAN',
        `The plan cannot be scheduled: ${result.message}`,
        result.field,
      );
    }
    return {
      planRevision: context.revision,
      start: format(context.startDate),
      finish: format(context.startDate),
      statusDate: context.statusDay,
      cycle: { taskIds: [...result.cycle.taskIds], names: [...result.cycle.names] },
      tasks: [],
      criticalPath: [],
    };
  }
  const tasks = result.tasks.map(
    (task, i): ScheduledTaskView => ({
      id: task.id,
      outline: context.outline[i] ?? '',
      level: context.levels[i] ?? 1,
      summary: task.summary,
      start: format(task.start),
      finish: format(task.finish),
      earlyStart: format(task.earlyStart),
      earlyFinish: format(task.earlyFinish),
      lateStart: format(task.lateStart),
      lateFinish: format(task.lateFinish),
      durationMinutes: Math.round(task.durationMinutes),
      workMinutes: Math.round(task.work),
      costCents: Math.round(task.cost),
      percentComplete: Math.round(task.percentComplete),
      totalSlack: Math.round(task.totalSlack),
      freeSlack: Math.round(task.freeSlack),
      critical: task.critical,
    }),
  );
  return {
    planRevision: context.revision,
    start: format(result.start),
    finish: format(result.finish),
    statusDate: context.statusDay,
    cycle: null,
    tasks,
    criticalPath: result.criticalPaths.flat().map(String),
  };
}

/**
 * The same schedule as `toScheduleView`, written straight to JSON text. `fragments` remembers each task's text by its
 * engine output object, which the incremental scheduler replaces only for the tasks an edit moved: after a one-task
 * edit, only those tasks are written again. Keep one `fragments` per outline (the outline number is in the text).
 */
export function scheduleJson(
  context: ScheduleViewContext,
  result: ScheduleResult,
  fragments: WeakMap<object, string> = new WeakMap(),
  format: (t: Instant) => string = instantFormatter(),
): string {
  if (!result.ok) return JSON.stringify(toScheduleView(context, result));
  const parts: string[] = [];
  const { outline, levels } = context;
  for (let i = 0; i < result.tasks.length; i++) {
    const task = result.tasks[i] as ScheduledTask;
    let text = fragments.get(task);
    if (text === undefined) {
      text =
        `{"id":${JSON.stringify(task.id)},"outline":"${outline[i] ?? ''}","level":${levels[i] ?? 1},` +
        `"summary":${task.summary},"start":"${format(task.start)}","finish":"${format(task.finish)}",` +
        `"earlyStart":"${format(task.earlyStart)}","earlyFinish":"${format(task.earlyFinish)}",` +
        `"lateStart":"${format(task.lateStart)}","lateFinish":"${format(task.lateFinish)}",` +
        `"durationMinutes":${Math.round(task.durationMinutes)},"workMinutes":${Math.round(task.work)},` +
        `"costCents":${Math.round(task.cost)},"percentComplete":${Math.round(task.percentComplete)},` +
        `"totalSlack":${Math.round(task.totalSlack)},"freeSlack":${Math.round(task.freeSlack)},` +
        `"critical":${task.critical}}`;
      fragments.set(task, text);
    }
    parts.push(text);
  }
  const critical = JSON.stringify(result.criticalPaths.flat().map(String));
  return (
    `{"planRevision":${context.revision},"start":"${format(result.start)}","finish":"${format(result.finish)}",` +
    `"statusDate":${JSON.stringify(context.statusDay)},"cycle":null,"tasks":[${parts.join(',')}],` +
    `"criticalPath":${critical}}`
  );
}
