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
 * What `scheduleJson` keeps between edits of one plan (one outline): each task's text by its engine output object,
 * which the incremental scheduler replaces only for the tasks an edit moved, and the joined text of each block of
 * tasks, reused while none of its objects changed. Joining 10,000 small strings each time costs more than the edit.
 */
export interface ScheduleJsonCache {
  fragments: WeakMap<object, string>;
  blocks: { objects: readonly object[]; text: string }[];
}

/** An empty cache for `scheduleJson`. */
export function scheduleJsonCache(): ScheduleJsonCache {
  return { fragments: new WeakMap(), blocks: [] };
}

const blockSize = 256;

/**
 * The same text, stored flat: a string built by concatenation is a tree of pieces in V8, and every later join would
 * walk that tree again. Converting it to a number makes V8 flatten it once (the trick of the `flatstr` package).
 */
function flat(text: string): string {
  void Number(text);
  return text;
}

function taskJson(
  task: ScheduledTask,
  outline: string,
  level: number,
  format: (t: Instant) => string,
): string {
  return (
    `{"id":${JSON.stringify(task.id)},"outline":"${outline}","level":${level},` +
    `"summary":${task.summary},"start":"${format(task.start)}","finish":"${format(task.finish)}",` +
    `"earlyStart":"${format(task.earlyStart)}","earlyFinish":"${format(task.earlyFinish)}",` +
    `"lateStart":"${format(task.lateStart)}","lateFinish":"${format(task.lateFinish)}",` +
    `"durationMinutes":${Math.round(task.durationMinutes)},"workMinutes":${Math.round(task.work)},` +
    `"costCents":${Math.round(task.cost)},"percentComplete":${Math.round(task.percentComplete)},` +
    `"totalSlack":${Math.round(task.totalSlack)},"freeSlack":${Math.round(task.freeSlack)},` +
    `"critical":${task.critical}}`
  );
}

/** The same schedule as `toScheduleView`, written straight to JSON text, reusing what `cache` kept from the last call. */
export function scheduleJson(
  context: ScheduleViewContext,
  result: ScheduleResult,
  cache: ScheduleJsonCache = scheduleJsonCache(),
  format: (t: Instant) => string = instantFormatter(),
): string {
  if (!result.ok) return JSON.stringify(toScheduleView(context, result));
  const { outline, levels } = context;
  const tasks = result.tasks;
  const blocks: string[] = [];
  for (let b = 0, start = 0; start < tasks.length; b++, start += blockSize) {
    const objects = tasks.slice(start, start + blockSize);
    const kept = cache.blocks[b];
    if (kept && kept.objects.length === objects.length && kept.objects.every((o, k) => o === objects[k])) {
      blocks.push(kept.text);
      continue;
    }
    const parts = objects.map((task, k) => {
      let text = cache.fragments.get(task);
      if (text === undefined) {
        text = flat(taskJson(task, outline[start + k] ?? '', levels[start + k] ?? 1, format));
        cache.fragments.set(task, text);
      }
      return text;
    });
    const text = parts.join(',');
    cache.blocks[b] = { objects, text };
    blocks.push(text);
  }
  cache.blocks.length = blocks.length;
  const critical = JSON.stringify(result.criticalPaths.flat().map(String));
  return (
    `{"planRevision":${context.revision},"start":"${format(result.start)}","finish":"${format(result.finish)}",` +
    `"statusDate":${JSON.stringify(context.statusDay)},"cycle":null,"tasks":[${blocks.join(',')}],` +
    `"criticalPath":${critical}}`
  );
}

/** Each task's id and JSON text in one schedule's order, kept to answer a later delta against it. */
export interface ScheduleTexts {
  revision: number;
  ids: readonly string[];
  texts: readonly string[];
}

/** The texts of a schedule `scheduleJson` just wrote with `cache`; undefined for a cycle (it has no task texts). */
export function scheduleTexts(
  revision: number,
  result: ScheduleResult,
  cache: ScheduleJsonCache,
): ScheduleTexts | undefined {
  if (!result.ok) return undefined;
  const ids: string[] = [];
  const texts: string[] = [];
  for (const task of result.tasks) {
    const text = cache.fragments.get(task);
    if (text === undefined) return undefined;
    ids.push(task.id);
    texts.push(text);
  }
  return { revision, ids, texts };
}

/**
 * The tasks of `now` whose text differs from `before`, and the ids `before` had and `now` has not; undefined when
 * merging them into `before` by id would not give `now` (a task added or the order changed), which needs the whole.
 */
export function taskDelta(
  before: ScheduleTexts,
  now: ScheduleTexts,
): { texts: string[]; removed: string[] } | undefined {
  const kept = new Set(now.ids);
  const removed = before.ids.filter((id) => !kept.has(id));
  if (before.ids.length - removed.length !== now.ids.length) return undefined;
  const texts: string[] = [];
  for (let i = 0, j = 0; i < before.ids.length; i++) {
    const id = before.ids[i] as string;
    if (!kept.has(id)) continue;
    if (now.ids[j] !== id) return undefined;
    if (now.texts[j] !== before.texts[i]) texts.push(now.texts[j] as string);
    j++;
  }
  return { texts, removed };
}

/**
 * A schedule's delta since revision `since` as JSON text: the project-level fields of the full schedule, `tasks`
 * only those whose values changed and `removed` the ids of tasks gone since.
 */
export function scheduleDeltaJson(
  context: ScheduleViewContext,
  result: Extract<ScheduleResult, { ok: true }>,
  since: number,
  delta: { texts: readonly string[]; removed: readonly string[] },
  format: (t: Instant) => string,
): string {
  const critical = JSON.stringify(result.criticalPaths.flat().map(String));
  return (
    `{"delta":true,"since":${since},"planRevision":${context.revision},"start":"${format(result.start)}",` +
    `"finish":"${format(result.finish)}","statusDate":${JSON.stringify(context.statusDay)},"cycle":null,` +
    `"tasks":[${delta.texts.join(',')}],"removed":${JSON.stringify(delta.removed)},"criticalPath":${critical}}`
  );
}
