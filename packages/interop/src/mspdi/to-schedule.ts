import { calendarId, type Instant, wallMinutes, workMinutes } from '@tandem/core/calendar/model';
import { defaultUnitSettings } from '@tandem/core/calendar/working-time';
import {
  type Assignment,
  type ConstraintType,
  type Lag,
  type Link,
  type LinkType,
  money,
  type Resource,
  resourceId,
  type ScheduleProject,
  type ScheduleTask,
  type TaskId,
  type TaskType,
  taskId,
  type WorkContour,
} from '@tandem/core/schedule/model';
import { toCoreCalendars } from './calendar-mapping';
import { durationUnitOf, isElapsedFormat, isPercentFormat } from './duration-format';
import { MspdiError } from './errors';
import type { MspdiPeriod, MspdiPredecessorLink, MspdiProject, MspdiTask } from './model';

const CONSTRAINTS: readonly ConstraintType[] = ['asap', 'alap', 'mso', 'mfo', 'snet', 'snlt', 'fnet', 'fnlt'];
const LINK_TYPES: readonly LinkType[] = ['FF', 'FS', 'SF', 'SS'];
const TASK_TYPES: readonly TaskType[] = ['fixedUnits', 'fixedDuration', 'fixedWork'];
/**
 * The work contours in the order of MSPDI's `WorkContour` codes 0–7; 8 (work edited by hand) lives only in the
 * timephased data.
 */
export const mspdiWorkContours = [
  'flat',
  'backLoaded',
  'frontLoaded',
  'doublePeak',
  'earlyPeak',
  'latePeak',
  'bell',
  'turtle',
] as const satisfies readonly WorkContour[];

/** The task id Tandem gives an MSPDI task: its UID as a string. */
export const mspdiTaskId = (uid: number): TaskId => taskId(String(uid));

/**
 * Builds the scheduling engine's input from an MSPDI project, reading only its inputs (never MS Project's saved
 * Start/Finish/slack, except a manually scheduled task's own dates). The project summary (UID 0) and blank rows are left
 * out; links to tasks that are not in the file are dropped, as MS Project drops them.
 */
export function toScheduleProject(project: MspdiProject): ScheduleProject {
  const p = project.properties;
  const calendars = toCoreCalendars(project.calendars);
  const calendarIds = new Set(calendars.map((calendar) => calendar.id as string));
  const projectCalendar =
    p.CalendarUID !== undefined && calendarIds.has(String(p.CalendarUID))
      ? String(p.CalendarUID)
      : project.calendars.find((calendar) => calendar.IsBaseCalendar)?.UID?.toString();
  if (projectCalendar === undefined) throw new MspdiError('the project has no calendar');
  const minutesPerDay = p.MinutesPerDay ?? defaultUnitSettings.minutesPerDay;
  const startDate = p.StartDate ?? earliestStart(project.tasks);
  if (startDate === undefined) throw new MspdiError('the project has no <StartDate>');

  const tasks = toTasks(project, calendarIds, p.NewTasksEffortDriven ?? false);
  const ids = new Set(tasks.map((task) => task.id as string));
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const task of project.tasks) {
    if (task.UID === undefined || !ids.has(String(task.UID))) continue;
    for (const link of task.predecessorLinks) {
      const predecessor = String(link.PredecessorUID);
      const key = `${predecessor}>${task.UID}`;
      if (!ids.has(predecessor) || predecessor === String(task.UID) || seen.has(key)) continue;
      seen.add(key);
      links.push(toLink(link, task.UID));
    }
  }

  // Only work resources (Type 1) drive durations; the engine's model has no resource type, so material (Type 0) and
  // cost resources, and their assignments, stay out of the schedule.
  const resources: Resource[] = project.resources
    .filter(
      (resource) =>
        resource.UID !== undefined &&
        resource.UID > 0 &&
        resource.IsNull !== true &&
        (resource.Type ?? 1) === 1 &&
        resource.IsCostResource !== true,
    )
    .map((resource) => ({
      id: resourceId(String(resource.UID)),
      name: resource.Name ?? '',
      ...(resource.CalendarUID !== undefined &&
        calendarIds.has(String(resource.CalendarUID)) && {
          calendarId: calendarId(String(resource.CalendarUID)),
        }),
      maxUnits: resource.MaxUnits ?? 1,
      standardRate: money(Math.round((resource.StandardRate ?? 0) * 100)),
      ...(resource.OvertimeRate !== undefined && {
        overtimeRate: money(Math.round(resource.OvertimeRate * 100)),
      }),
      ...(resource.CostPerUse !== undefined && { costPerUse: money(Math.round(resource.CostPerUse)) }),
    }));
  const resourceIds = new Set(resources.map((resource) => resource.id as string));
  const assignments: Assignment[] = project.assignments
    .filter((a) => ids.has(String(a.TaskUID)) && resourceIds.has(String(a.ResourceUID)))
    .map((a) => ({
      taskId: mspdiTaskId(a.TaskUID as number),
      resourceId: resourceId(String(a.ResourceUID)),
      units: a.Units ?? 1,
      workMinutes: a.Work ?? 0,
      ...(a.ActualWork !== undefined && { actualWork: a.ActualWork }),
      ...contourOf(a.WorkContour),
      ...(a.OvertimeWork !== undefined && a.OvertimeWork > 0 && { overtimeWork: a.OvertimeWork }),
      // Only work already begun says where what is left resumes; before that the task's start does.
      ...((a.ActualWork ?? 0) > 0 && {
        ...(a.RemainingWork !== undefined && { remainingWork: a.RemainingWork }),
        ...(a.RemainingOvertimeWork !== undefined &&
          a.RemainingOvertimeWork > 0 && { remainingOvertimeWork: a.RemainingOvertimeWork }),
        ...(a.Resume !== undefined && { resumeAt: wallMinutes(a.Resume) }),
      }),
      // Delay is saved in tenths of a minute.
      ...(a.Delay !== undefined && a.Delay > 0 && { delayMinutes: a.Delay / 10 }),
    }));

  return {
    startDate: wallMinutes(startDate),
    ...(p.FinishDate !== undefined && { finishDate: wallMinutes(p.FinishDate) }),
    scheduleFrom: p.ScheduleFromStart === false ? 'finish' : 'start',
    ...(p.StatusDate !== undefined && { statusDate: wallMinutes(p.StatusDate) }),
    calendarId: calendarId(projectCalendar),
    calendars,
    units: {
      minutesPerDay,
      minutesPerWeek: p.MinutesPerWeek ?? defaultUnitSettings.minutesPerWeek,
      daysPerMonth: p.DaysPerMonth ?? defaultUnitSettings.daysPerMonth,
    },
    // MS Project's default for "Tasks will always honor their constraint dates" is on.
    honorConstraintDates: p.HonorConstraints ?? true,
    // CriticalSlackLimit is saved in days.
    criticalSlackLimit: workMinutes((p.CriticalSlackLimit ?? 0) * minutesPerDay),
    ...(p.NewTasksEffortDriven !== undefined && { newTasksEffortDriven: p.NewTasksEffortDriven }),
    ...(p.SplitsInProgressTasks !== undefined && { splitInProgress: p.SplitsInProgressTasks }),
    ...(p.MultipleCriticalPaths !== undefined && { multipleCriticalPaths: p.MultipleCriticalPaths }),
    tasks,
    links,
    resources,
    assignments,
  };
}

/** The engine's contour for an MSPDI `WorkContour` code; nothing for flat, unknown or hand-edited (8) work. */
function contourOf(code: number | undefined): { contour?: WorkContour } {
  const contour = code === undefined ? undefined : mspdiWorkContours[code];
  return contour === undefined || contour === 'flat' ? {} : { contour };
}

function earliestStart(tasks: readonly MspdiTask[]): number | undefined {
  const starts = tasks.flatMap((task) => (task.Start === undefined ? [] : [task.Start]));
  return starts.length === 0 ? undefined : Math.min(...starts);
}

/** True for the rows the schedule ignores: the project summary (UID 0) and blank rows. */
export function isSchedulableTask(task: MspdiTask): task is MspdiTask & { UID: number } {
  return task.UID !== undefined && task.UID !== 0 && task.IsNull !== true;
}

function outlineLevel(task: MspdiTask): number {
  if (task.OutlineLevel !== undefined) return task.OutlineLevel;
  return task.OutlineNumber === undefined ? 1 : task.OutlineNumber.split('.').length;
}

function toTasks(
  project: MspdiProject,
  calendarIds: ReadonlySet<string>,
  effortDrivenDefault: boolean,
): ScheduleTask[] {
  // Every assignment of a split task carries the same splits: the first one that has any speaks for the task.
  const splitsByTask = new Map<number, readonly MspdiPeriod[]>();
  for (const assignment of project.assignments) {
    if (assignment.TaskUID === undefined || assignment.splits === undefined) continue;
    if (!splitsByTask.has(assignment.TaskUID)) splitsByTask.set(assignment.TaskUID, assignment.splits);
  }
  const parents: { level: number; id: TaskId }[] = [];
  const tasks: ScheduleTask[] = [];
  const seen = new Set<number>();
  for (const task of project.tasks) {
    if (!isSchedulableTask(task)) continue;
    if (seen.has(task.UID)) throw new MspdiError(`two tasks have UID ${task.UID}`);
    seen.add(task.UID);
    const level = outlineLevel(task);
    while (parents.length > 0 && (parents.at(-1)?.level ?? 0) >= level) parents.pop();
    const parentId = parents.at(-1)?.id;
    const id = mspdiTaskId(task.UID);
    parents.push({ level, id });
    tasks.push(toTask(task, id, parentId, calendarIds, effortDrivenDefault, splitsByTask.get(task.UID)));
  }
  return tasks;
}

function toTask(
  task: MspdiTask & { UID: number },
  id: TaskId,
  parentId: TaskId | undefined,
  calendarIds: ReadonlySet<string>,
  effortDrivenDefault: boolean,
  splits: readonly MspdiPeriod[] | undefined,
): ScheduleTask {
  const constraint = CONSTRAINTS[task.ConstraintType ?? 0] ?? 'asap';
  const constraintDate = task.ConstraintDate;
  const manual = task.Manual ?? false;
  // Before Project 2010 there were no ManualStart/ManualFinish: a manual task's Start/Finish are what the user typed.
  const manualStart = task.ManualStart ?? (manual ? task.Start : undefined);
  const manualFinish = task.ManualFinish ?? (manual ? task.Finish : undefined);
  const instant = (value: number | undefined): Instant | undefined =>
    value === undefined ? undefined : wallMinutes(value);
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    id,
    name: task.Name ?? '',
    ...optional('parentId', parentId),
    durationMinutes: task.Duration ?? 0,
    durationUnit: durationUnitOf(task.DurationFormat),
    elapsed: isElapsedFormat(task.DurationFormat),
    estimated: task.Estimated ?? false,
    isMilestone: task.Milestone ?? false,
    manual,
    ...(manual && isPlaceholder(task) && { placeholder: true }),
    // The engine ignores pauses of manual and elapsed tasks; leaving them out keeps its input honest.
    ...(splits !== undefined &&
      !manual &&
      !isElapsedFormat(task.DurationFormat) && {
        pauses: splits.map((split) => ({
          start: wallMinutes(split.start),
          finish: wallMinutes(split.finish),
        })),
      }),
    ...optional('manualStart', instant(manualStart)),
    ...optional('manualFinish', instant(manualFinish)),
    active: task.Active ?? true,
    type: TASK_TYPES[task.Type ?? 0] ?? 'fixedUnits',
    effortDriven: task.EffortDriven ?? effortDrivenDefault,
    constraint:
      constraint === 'asap' || constraint === 'alap' || constraintDate === undefined
        ? { type: constraint }
        : { type: constraint, date: wallMinutes(constraintDate) },
    ...optional('deadline', instant(task.Deadline)),
    ...(task.CalendarUID !== undefined &&
      calendarIds.has(String(task.CalendarUID)) && { calendarId: calendarId(String(task.CalendarUID)) }),
    ignoreResourceCalendar: task.IgnoreResourceCalendar ?? false,
    percentComplete: task.PercentComplete ?? 0,
    ...optional('actualStart', instant(task.ActualStart)),
    ...optional('actualFinish', instant(task.ActualFinish)),
    ...optional('actualDurationMinutes', task.ActualDuration),
    ...optional('remainingDurationMinutes', task.RemainingDuration),
    ...optional('work', task.Work),
    ...(task.FixedCost !== undefined && { fixedCost: money(Math.round(task.FixedCost)) }),
  };
}

// MS Project saves an empty StartText, FinishText or DurationText for a manually scheduled task whose start, finish or
// duration the user left blank: such a placeholder is never critical.
function isPlaceholder(task: MspdiTask): boolean {
  return task.StartText === '' || task.FinishText === '' || task.DurationText === '';
}

function toLink(link: MspdiPredecessorLink, successorUid: number): Link {
  const type = LINK_TYPES[link.Type ?? 1] ?? 'FS';
  const raw = link.LinkLag ?? 0;
  const lag: Lag = isPercentFormat(link.LagFormat) ? { percent: raw } : { minutes: raw / 10 };
  return {
    predecessorId: mspdiTaskId(link.PredecessorUID as number),
    successorId: mspdiTaskId(successorUid),
    type,
    lag,
    ...(isElapsedFormat(link.LagFormat) && { lagElapsed: true }),
  };
}
