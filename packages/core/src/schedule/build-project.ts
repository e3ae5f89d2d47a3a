import { formatInstant, parseInstant } from '../calendar/day-number';
import {
  type Calendar,
  type CalendarId,
  calendarId,
  type DayPattern,
  type Instant,
  type WorkMinutes,
} from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import { defaultUnitSettings } from '../calendar/working-time';
import {
  type Assignment,
  type ConstraintType,
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

/** A second calendar for tests: Monday to Saturday, 06:00–14:00. */
const morning: DayPattern = [{ from: 360, to: 840 }];
export const earlyShift: Calendar = {
  id: calendarId('early'),
  week: [[], morning, morning, morning, morning, morning, morning],
  exceptions: [],
  workWeeks: [],
};

/**
 * The progress fields of a task begun (and finished at 100 %) on the sketched project's start day: `percent` done,
 * begun at `start`, finished 09:00 after it when complete.
 */
export function sketchProgress(percent: number, start: Instant): Partial<TaskSketch> {
  if (percent <= 0) return {};
  return {
    percentComplete: percent,
    actualStart: start,
    ...(percent === 100 ? { actualFinish: (start + 540) as Instant } : {}),
  };
}

/**
 * Random links between tasks `t0`…`tN` as sketches: only those from a lower number to a higher one (no cycle among
 * leaves), and the last of any two between the same tasks.
 */
export function forwardLinks(
  links: readonly { from: number; to: number; type: LinkType; lag: NonNullable<LinkSketch[3]> }[],
): LinkSketch[] {
  const forward = links
    .filter((l) => l.from < l.to)
    .map((l) => [`t${l.from}`, `t${l.to}`, l.type, l.lag] as const satisfies LinkSketch);
  return [...new Map(forward.map((l) => [`${l[0]}>${l[1]}`, l])).values()];
}

/** A constraint of `type`, dated `date` unless it is ASAP or ALAP, which take no date. */
export function sketchConstraint(type: ConstraintType, date: Instant): ScheduleTask['constraint'] {
  return type === 'asap' || type === 'alap' ? { type } : { type, date };
}
