import { formatInstant, parseInstant } from '../calendar/day-number';
import type { Calendar, CalendarId, Instant, WorkMinutes } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import { defaultUnitSettings } from '../calendar/working-time';
import {
  type Assignment,
  type Link,
  type LinkType,
  type Resource,
  type ScheduleProject,
  type ScheduleTask,
  taskId,
} from './model';

/** Shorthand for a task: every field optional except the id; durations in working days unless given in minutes. */
export type TaskSketch = Partial<Omit<ScheduleTask, 'id' | 'parentId'>> & {
  readonly id: string;
  readonly days?: number;
  readonly parentId?: string;
};

/** Shorthand for a link: [predecessor, successor, type, lag in working minutes or `{ percent }`]. */
export type LinkSketch = readonly [
  string,
  string,
  LinkType?,
  (number | { percent: number } | { elapsed: number })?,
];

/** Builds a task with MS Project's defaults (fixed units, ASAP, active, auto-scheduled). */
export function sketchTask(s: TaskSketch, minutesPerDay = 480): ScheduleTask {
  const { days, parentId, id, ...rest } = s;
  return {
    id: taskId(id),
    name: s.name ?? id,
    durationMinutes: days === undefined ? (s.durationMinutes ?? 0) : days * minutesPerDay,
    durationUnit: 'days',
    elapsed: false,
    estimated: false,
    isMilestone: (days ?? s.durationMinutes ?? 0) === 0,
    manual: false,
    active: true,
    type: 'fixedUnits',
    effortDriven: false,
    constraint: { type: 'asap' },
    ignoreResourceCalendar: false,
    percentComplete: 0,
    ...rest,
    ...(parentId === undefined ? {} : { parentId: taskId(parentId) }),
  };
}

/** Builds a link from its sketch. */
export function sketchLink([from, to, type = 'FS', lag = 0]: LinkSketch): Link {
  const base = { predecessorId: taskId(from), successorId: taskId(to), type };
  if (typeof lag === 'number') return { ...base, lag: { minutes: lag } };
  if ('percent' in lag) return { ...base, lag: { percent: lag.percent } };
  return { ...base, lag: { minutes: lag.elapsed }, lagElapsed: true };
}

/** Builds a whole project on MS Project's Standard calendar, starting Monday 2 March 2026 at 08:00 by default. */
export function sketchProject(
  tasks: readonly TaskSketch[],
  links: readonly LinkSketch[] = [],
  options: Partial<Omit<ScheduleProject, 'tasks' | 'links'>> & { readonly start?: string } = {},
): ScheduleProject {
  const { start, ...rest } = options;
  const calendars: readonly Calendar[] = options.calendars ?? [standardCalendar];
  return {
    startDate: at(start ?? '2026-03-02T08:00'),
    scheduleFrom: 'start',
    calendarId: standardCalendar.id as CalendarId,
    units: defaultUnitSettings,
    honorConstraintDates: true,
    criticalSlackLimit: 0 as WorkMinutes,
    resources: [] as Resource[],
    assignments: [] as Assignment[],
    ...rest,
    calendars,
    tasks: tasks.map((t) => sketchTask(t)),
    links: links.map(sketchLink),
  };
}

/** An instant from "YYYY-MM-DDTHH:MM". */
export const at = (text: string): Instant => parseInstant(text);

/** An instant as "YYYY-MM-DDTHH:MM", the way {@link at} reads it (seconds dropped). */
export const fmt = (t: number): string => formatInstant(t as Instant).slice(0, 16);
