import type { Calendar, DayPattern } from '@tandem/core/calendar/model';
import { standardCalendar } from '@tandem/core/calendar/presets';
import type { ScheduleTask } from '@tandem/core/schedule/model';
import { MspdiError, type MspdiProject, toScheduleProject } from '@tandem/interop';
import { defaultCalendarSettings, type ProjectCalendarSettings } from '../../db/schema/projects';
import type { ResourceKind } from '../../db/schema/resources';
import { contourOfCode } from '../assignments/work-contours';
import type { MspdiLines } from './mspdi-lines';
import type {
  AssignmentImage,
  BaselineImage,
  LinkImage,
  PlanImage,
  ResourceImage,
  TaskImage,
} from './plan-image';
import { dayText, storedWallClock, wallClockText } from './wall-time';

const NAME_LIMIT = 200;

const isSchedulable = (uid: number | undefined, isNull: boolean | undefined): uid is number =>
  uid !== undefined && uid !== 0 && isNull !== true;

/**
 * Checks what spans records, which the interop reader cannot see one record at a time: two tasks with one UID, and a
 * link to a task that is not in the file (MS Project would drop it silently; an import that loses a dependency without
 * a word is worse than a refusal).
 */
function checkReferences(project: MspdiProject, lines: MspdiLines): void {
  const uids = new Map<number, number>();
  project.tasks.forEach((task, index) => {
    if (!isSchedulable(task.UID, task.IsNull)) return;
    const line = lines.tasks[index];
    if (uids.has(task.UID)) {
      throw new MspdiError(
        `<Task> UID ${task.UID} is used by two tasks (the first on line ${uids.get(task.UID)})`,
        line,
      );
    }
    uids.set(task.UID, line ?? 0);
  });
  project.tasks.forEach((task, index) => {
    if (!isSchedulable(task.UID, task.IsNull)) return;
    task.predecessorLinks.forEach((link, position) => {
      if (link.CrossProject === true) return;
      const predecessor = link.PredecessorUID as number;
      if (!uids.has(predecessor)) {
        throw new MspdiError(
          `<PredecessorLink> of task UID ${task.UID} ("${task.Name ?? ''}") names predecessor UID ${predecessor}, which is not a task of the file`,
          lines.links[index]?.[position],
        );
      }
    });
  });
}

function effectiveWeek(calendar: Calendar, calendars: readonly Calendar[]): DayPattern[] {
  const base = calendars.find((other) => other.id === calendar.baseCalendarId);
  const inherited = base && base !== calendar ? effectiveWeek(base, calendars) : standardCalendar.week;
  return calendar.week.map((day, index) => day ?? inherited[index] ?? []);
}

/**
 * The calendars with every day of every week spelled out. A day a derived calendar leaves to its base is `undefined`
 * in core, which JSON cannot keep (it becomes null); the calendars of a file never change after the import, so the
 * inherited day is written in its place, which schedules the same.
 */
export function settledCalendars(calendars: readonly Calendar[]): Calendar[] {
  const byId = new Map(calendars.map((calendar) => [calendar.id as string, calendar]));
  const baseWeek = (calendar: Calendar): DayPattern[] => {
    const base = calendar.baseCalendarId === undefined ? undefined : byId.get(calendar.baseCalendarId);
    return base && base !== calendar
      ? effectiveWeek(base, calendars)
      : standardCalendar.week.map((day) => day ?? []);
  };
  return calendars.map((calendar) => {
    const inherited = baseWeek(calendar);
    const fill = (week: Calendar['week']) =>
      week.map((day, index) => day ?? inherited[index] ?? []) as unknown as Calendar['week'];
    return {
      ...calendar,
      week: fill(calendar.week),
      workWeeks: calendar.workWeeks.map((workWeek) => ({ ...workWeek, week: fill(workWeek.week) })),
    };
  });
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The project's calendar settings: the file's unit settings, its week in simple form, and its full calendars. */
function calendarSettings(
  project: MspdiProject,
  calendars: readonly Calendar[],
  calendarId: string,
): ProjectCalendarSettings {
  const p = project.properties;
  const own = calendars.find((calendar) => calendar.id === calendarId);
  const week = own ? effectiveWeek(own, calendars) : standardCalendar.week.map((day) => day ?? []);
  const workingDays = week.flatMap((day, index) => (day.length > 0 ? [index] : []));
  const firstDay = week.find((day) => day.length > 0) ?? [];
  return {
    minutesPerDay: p.MinutesPerDay ?? defaultCalendarSettings.minutesPerDay,
    minutesPerWeek: p.MinutesPerWeek ?? defaultCalendarSettings.minutesPerWeek,
    daysPerMonth: p.DaysPerMonth ?? defaultCalendarSettings.daysPerMonth,
    workingDays,
    ...(firstDay.length > 0 && {
      workingHours: firstDay.map((interval) => ({ start: clock(interval.from), finish: clock(interval.to) })),
    }),
    calendars: settledCalendars(calendars),
    calendarId,
  };
}

function taskImage(task: ScheduleTask, notes: string | undefined): TaskImage {
  const percent = Math.max(0, Math.min(100, Math.round(task.percentComplete)));
  const date = (value: number | undefined) => (value === undefined ? null : storedWallClock(value));
  const manual = task.manual;
  return {
    key: task.id,
    parentKey: task.parentId ?? null,
    fields: {
      name: (task.name.trim() || `Task ${task.id}`).slice(0, NAME_LIMIT),
      description: notes ?? '',
      durationMinutes: Math.max(0, Math.round(task.durationMinutes)),
      durationUnit: task.durationUnit,
      elapsed: task.elapsed,
      scheduling: manual ? 'manual' : 'auto',
      manualStart: manual ? date(task.manualStart) : null,
      manualFinish: manual ? date(task.manualFinish) : null,
      isMilestone: task.isMilestone,
      constraintType: task.constraint.type,
      constraintDate: date(task.constraint.date),
      deadline: date(task.deadline),
      percentComplete: percent,
      actualStart: date(task.actualStart),
      actualFinish: date(task.actualFinish),
      workMinutes: task.work === undefined ? null : Math.round(task.work),
      taskType: task.type,
      effortDriven: task.effortDriven,
      active: task.active,
      fixedCostCents: Math.round(task.fixedCost ?? 0),
      status: percent >= 100 ? 'done' : percent > 0 ? 'in_progress' : 'todo',
      ...(percent >= 100 && { completedAt: new Date() }),
    },
  };
}

function resourceKind(type: number | undefined): ResourceKind | undefined {
  if (type === 0) return 'material';
  if (type === undefined || type === 1) return 'person';
  // Cost resources (Type 2) carry money, not work; the plan has no place for them yet.
  return undefined;
}

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '').replace(/\.mspdi$/i, '');
}

/**
 * Turns a parsed MS Project file into a plan image: the task tree with durations, constraints, deadlines, manual dates,
 * milestones, progress and actuals; links with their lags; the calendars; work and material resources as new workspace
 * resources, and their assignments. Throws `MspdiError` naming the element and line for a file it cannot take whole.
 */
export function planFromMspdi(project: MspdiProject, lines: MspdiLines, fileName: string): PlanImage {
  checkReferences(project, lines);
  const input = toScheduleProject(project);
  const calendarId = input.calendarId as string;
  const settings = calendarSettings(project, input.calendars, calendarId);
  const notes = new Map(project.tasks.map((task) => [String(task.UID), task.Notes]));
  const tasks = input.tasks.map((task) => taskImage(task, notes.get(task.id)));
  const links: LinkImage[] = input.links.map((link) => ({
    predecessorKey: link.predecessorId,
    successorKey: link.successorId,
    type: link.type,
    lagMinutes: 'minutes' in link.lag ? Math.round(link.lag.minutes) : 0,
    lagPercent: 'percent' in link.lag ? link.lag.percent : null,
  }));

  const calendarIds = new Set(input.calendars.map((calendar) => calendar.id as string));
  const resources: ResourceImage[] = [];
  for (const resource of project.resources) {
    if (!isSchedulable(resource.UID, resource.IsNull) || resource.UID < 0) continue;
    const kind = resource.IsCostResource === true ? undefined : resourceKind(resource.Type);
    if (kind === undefined) continue;
    const own = resource.CalendarUID === undefined ? undefined : String(resource.CalendarUID);
    resources.push({
      key: String(resource.UID),
      fields: {
        name: (resource.Name?.trim() || `Resource ${resource.UID}`).slice(0, NAME_LIMIT),
        kind,
        maxUnits: resource.MaxUnits ?? 1,
        standardRateCents: Math.round((resource.StandardRate ?? 0) * 100),
        overtimeRateCents: Math.round((resource.OvertimeRate ?? 0) * 100),
        costPerUseCents: Math.round(resource.CostPerUse ?? 0),
        calendar:
          kind !== 'material' && own !== undefined && calendarIds.has(own) && own !== calendarId
            ? { ...settings, calendarId: own }
            : null,
      },
    });
  }
  const taskKeys = new Set(tasks.map((task) => task.key));
  const resourceKeys = new Set(resources.map((resource) => resource.key));
  const pairs = new Set<string>();
  const assignments: AssignmentImage[] = [];
  for (const assignment of project.assignments) {
    const taskKey = String(assignment.TaskUID);
    const resourceKey = String(assignment.ResourceUID);
    // Unassigned work (ResourceUID -65535) and assignments of skipped rows are no assignment at all.
    if (!taskKeys.has(taskKey) || !resourceKeys.has(resourceKey)) continue;
    const pair = `${taskKey}>${resourceKey}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    assignments.push({
      taskKey,
      resource: { key: resourceKey },
      units: assignment.Units ?? 1,
      workMinutes: assignment.Work === undefined ? null : Math.round(assignment.Work),
      contour: contourOfCode(assignment.WorkContour),
      overtimeWorkMinutes: Math.max(0, Math.round(assignment.OvertimeWork ?? 0)),
      // MSPDI keeps the delay in tenths of a minute.
      delayMinutes: Math.max(0, (assignment.Delay ?? 0) / 10),
    });
  }

  const baselines = fileBaselines(project, taskKeys);
  const p = project.properties;
  const name = (
    p.Title?.trim() ||
    (p.Name ? baseName(p.Name) : '') ||
    baseName(fileName) ||
    'Imported plan'
  ).slice(0, NAME_LIMIT);
  return {
    project: {
      name,
      description: p.Subject ?? '',
      startDate: dayText(input.startDate),
      // A status date before the start says nothing the plan can use (and the project would refuse it).
      statusDate:
        input.statusDate === undefined || input.statusDate < input.startDate
          ? null
          : dayText(input.statusDate),
      calendar: settings,
    },
    tasks,
    links,
    resources,
    assignments,
    ...(baselines.length > 0 && { baselines }),
  };
}

/**
 * The file's saved baselines (Baseline, Baseline1 … Baseline10) with the tasks that have both a start and a finish in
 * them; work and cost default to zero where the file leaves them out (MSPDI keeps costs in cents).
 */
function fileBaselines(project: MspdiProject, taskKeys: ReadonlySet<string>): BaselineImage[] {
  const byNumber = new Map<number, BaselineImage>();
  for (const task of project.tasks) {
    if (!isSchedulable(task.UID, task.IsNull) || !taskKeys.has(String(task.UID))) continue;
    for (const saved of task.baselines) {
      if (saved.Interim === true || saved.Start === undefined || saved.Finish === undefined) continue;
      const number = saved.Number ?? 0;
      let baseline = byNumber.get(number);
      if (!baseline) {
        baseline = { name: number === 0 ? 'Baseline' : `Baseline ${number}`, tasks: {} };
        byNumber.set(number, baseline);
      }
      const cost = Number(saved.Cost ?? 0);
      baseline.tasks[String(task.UID)] = {
        start: wallClockText(saved.Start),
        finish: wallClockText(saved.Finish),
        durationMinutes: Math.round(saved.Duration ?? 0),
        workMinutes: Math.round(saved.Work ?? 0),
        costCents: Number.isFinite(cost) ? Math.round(cost) : 0,
      };
    }
  }
  return [...byNumber.entries()].sort(([a], [b]) => a - b).map(([, baseline]) => baseline);
}
