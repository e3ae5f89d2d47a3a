/**
 * Plain-data input and output of the scheduling engine. Every date is an {@link Instant} (wall-clock minutes, no zone)
 * and every span of work is {@link WorkMinutes}; the engine converts between them through the calendars.
 */
import type { Calendar, CalendarId, Instant, WorkMinutes } from '../calendar/model';
import type { UnitSettings } from '../calendar/working-time';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Identifies a task within one project (MSPDI: the task's UID as a string). */
export type TaskId = Brand<string, 'TaskId'>;
/** Identifies a resource within one project. */
export type ResourceId = Brand<string, 'ResourceId'>;
/** Money in integer minor units (cents). */
export type Money = Brand<number, 'Money'>;

/** Brands a task id. */
export const taskId = (s: string): TaskId => s as TaskId;
/** Brands a resource id. */
export const resourceId = (s: string): ResourceId => s as ResourceId;
/** Brands an amount of money in minor units. */
export const money = (n: number): Money => n as Money;

/** Whether the project is scheduled forward from its start or backward from its finish. */
export type ScheduleFrom = 'start' | 'finish';

/** The unit a duration was entered in; durations are always stored in minutes, this only drives display and rounding. */
export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months';

/** MS Project's task types: which of units, work and duration stays fixed when another one changes. */
export type TaskType = 'fixedUnits' | 'fixedWork' | 'fixedDuration';

/** MS Project's eight constraint types (MSPDI ConstraintType 0 ASAP … 7 FNLT). */
export type ConstraintType = 'asap' | 'alap' | 'snet' | 'snlt' | 'fnet' | 'fnlt' | 'mso' | 'mfo';

/** Link types: Finish-to-Start, Start-to-Start, Finish-to-Finish, Start-to-Finish. */
export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

/** A task's constraint; `date` is required by every type except ASAP and ALAP. */
export interface Constraint {
  readonly type: ConstraintType;
  /** The constraint date (a start for S* and MSO, a finish for F* and MFO). */
  readonly date?: Instant;
}

/** A link lag: working minutes on the successor's calendar (negative = lead), or a percentage of the predecessor's duration. */
export type Lag = { readonly minutes: number } | { readonly percent: number };

/** The project being scheduled: settings, calendars, tasks, links, resources and assignments. */
export interface ScheduleProject {
  /** Project start; every forward-scheduled task starts at or after it. */
  readonly startDate: Instant;
  /** Project finish; required when `scheduleFrom` is 'finish' (tasks are placed as late as this allows). */
  readonly finishDate?: Instant;
  /** Forward from `startDate` (MS Project's default) or backward from `finishDate`. */
  readonly scheduleFrom: ScheduleFrom;
  /** The status date; with `splitInProgress`, remaining work of in-progress tasks is not scheduled before it. */
  readonly statusDate?: Instant;
  /** The project calendar: the calendar of every task and resource that names none. */
  readonly calendarId: CalendarId;
  /** Every calendar the project, its tasks and its resources refer to (base calendars included). */
  readonly calendars: readonly Calendar[];
  /** Minutes per day, per week and days per month, for converting durations between units. */
  readonly units: UnitSettings;
  /**
   * MS Project's "Tasks will always honor their constraint dates": when true a link cannot push a task past an
   * SNLT/FNLT/MSO/MFO date (the conflict shows as negative slack); when false the link wins.
   */
  readonly honorConstraintDates: boolean;
  /** A task is critical when its total slack is at most this many working minutes (MS Project default 0). */
  readonly criticalSlackLimit: WorkMinutes;
  /** The project's default for new tasks' `effortDriven` (importers use it when a file omits a task's flag). */
  readonly newTasksEffortDriven?: boolean;
  /** MS Project's "Split in-progress tasks": remaining work of a task behind schedule starts at the status date. */
  readonly splitInProgress?: boolean;
  /** Compute one critical path per chain that ends a network (MS Project's "Calculate multiple critical paths"). */
  readonly multipleCriticalPaths?: boolean;
  /** Tasks in outline order (the order of the task sheet); parents come before their children. */
  readonly tasks: readonly ScheduleTask[];
  /** Dependencies between tasks; at most one link per ordered pair of tasks. */
  readonly links: readonly Link[];
  /** Work, material and cost resources. */
  readonly resources: readonly Resource[];
  /** Resource assignments to tasks. */
  readonly assignments: readonly Assignment[];
}

/** One row of the task sheet. A task that is some other task's `parentId` is a summary task. */
export interface ScheduleTask {
  /** Unique within the project. */
  readonly id: TaskId;
  /** Display name, used in messages (e.g. the tasks of a dependency cycle). */
  readonly name: string;
  /** The summary task this one belongs to; absent at the top level. */
  readonly parentId?: TaskId;
  /**
   * Duration in working minutes on the task's calendar; for an elapsed task, minutes on the 24-hour clock.
   * Ignored for summary tasks (their span comes from their children).
   */
  readonly durationMinutes: number;
  /** The unit the duration was entered in (display and unit conversion only). */
  readonly durationUnit: DurationUnit;
  /** True when the duration runs on the 24-hour clock (MS Project's "ed", "eh", …). */
  readonly elapsed: boolean;
  /** True when the duration is marked estimated ("3d?"); scheduling ignores it. */
  readonly estimated: boolean;
  /** A milestone: placed at its start, which equals its finish when the duration is zero. */
  readonly isMilestone: boolean;
  /** Manually scheduled: keeps `manualStart`/`manualFinish` whatever its links say, yet still drives its successors. */
  readonly manual: boolean;
  /**
   * A manually scheduled placeholder: its duration, start or finish was left blank or typed as text (MSPDI: an empty
   * DurationText, StartText or FinishText). It keeps a nominal span but is never marked critical, as MS Project does.
   */
  readonly placeholder?: boolean;
  /**
   * Pauses inside an automatically scheduled task (MS Project's splits): intervals in which it does no work, e.g. the
   * zero-work days of its assignments' timephased data. The engine keeps their working length on the task's calendar
   * and moves it with the task, which then spans its duration plus its pauses. Ignored on manual and elapsed tasks and
   * on tasks whose resources keep different calendars.
   */
  readonly pauses?: readonly { readonly start: Instant; readonly finish: Instant }[];
  /** Start typed by the user for a manually scheduled task. */
  readonly manualStart?: Instant;
  /** Finish typed by the user for a manually scheduled task. */
  readonly manualFinish?: Instant;
  /** An inactive task is ignored by the schedule: it neither moves nor drives anything. */
  readonly active: boolean;
  /** Which of units, work and duration stays fixed. */
  readonly type: TaskType;
  /** Effort-driven: adding resources shortens the task while total work stays put. */
  readonly effortDriven: boolean;
  /** Scheduling constraint (ASAP when nothing was set). */
  readonly constraint: Constraint;
  /** A deadline: moves late dates (and so slack and criticality) but never the task itself. */
  readonly deadline?: Instant;
  /** Task calendar; absent means the project calendar (or the resources' calendars when assigned). */
  readonly calendarId?: CalendarId;
  /**
   * MS Project's "ignore resource calendars". The engine schedules a task that has its own calendar on that calendar
   * alone either way; resource calendars apply only to tasks without one. Kept for round trips.
   */
  readonly ignoreResourceCalendar: boolean;
  /** Percent complete, 0–100, duration-based as in MS Project. */
  readonly percentComplete: number;
  /** When work actually began. */
  readonly actualStart?: Instant;
  /** When work actually ended; a task with an actual finish is complete and fixed. */
  readonly actualFinish?: Instant;
  /** Working minutes already done; derived from % complete when absent. */
  readonly actualDurationMinutes?: number;
  /** Working minutes still to do; derived from duration and % complete when absent. */
  readonly remainingDurationMinutes?: number;
  /** Total work in working minutes; the sum of the assignments' work when absent. */
  readonly work?: number;
  /** A cost charged once, independent of resources, in minor units. */
  readonly fixedCost?: Money;
}

/** A dependency: the successor's start or finish depends on the predecessor's start or finish. */
export interface Link {
  readonly predecessorId: TaskId;
  readonly successorId: TaskId;
  readonly type: LinkType;
  /** Working minutes on the successor's calendar, or percent of the predecessor's duration; negative is a lead. */
  readonly lag: Lag;
  /** When true, a minutes lag runs on the 24-hour clock instead of the successor's calendar. */
  readonly lagElapsed?: boolean;
}

/** A work, material or cost resource. */
export interface Resource {
  readonly id: ResourceId;
  readonly name: string;
  /** Work resources only; defaults to the project calendar. */
  readonly calendarId?: CalendarId;
  /** Maximum units available, 1 = 100 % (one full-time person). */
  readonly maxUnits: number;
  /** Cost per hour of regular work, in minor units. */
  readonly standardRate: Money;
  /** Cost per hour of overtime work, in minor units. */
  readonly overtimeRate?: Money;
  /** Cost charged once per assignment, in minor units. */
  readonly costPerUse?: Money;
}

/** A resource assigned to a task. */
export interface Assignment {
  readonly taskId: TaskId;
  readonly resourceId: ResourceId;
  /** Assignment units, 1 = 100 % of the resource's working time. */
  readonly units: number;
  /** Total work of this assignment in working minutes. */
  readonly workMinutes: number;
  /** Work already done, in working minutes (a missing actual is zero). */
  readonly actualWork?: number;
  /** How the work is spread over the assignment's span (flat when absent); a contour stretches the span. */
  readonly contour?: WorkContour;
  /** The part of `workMinutes` done as overtime, which takes no working time. */
  readonly overtimeWork?: number;
  /** Work left to do, in working minutes, fractions kept (MS Project records progress to the hundredth of a second). */
  readonly remainingWork?: number;
  /** The part of `remainingWork` left as overtime. */
  readonly remainingOvertimeWork?: number;
  /** Where an assignment already begun resumes its remaining work (MS Project's Resume). */
  readonly resumeAt?: Instant;
  /** Working minutes after the task's start before the assignment begins. */
  readonly delayMinutes?: number;
}

/** MS Project's predefined work contours. */
export type WorkContour =
  | 'flat'
  | 'backLoaded'
  | 'frontLoaded'
  | 'doublePeak'
  | 'earlyPeak'
  | 'latePeak'
  | 'bell'
  | 'turtle';

/** The computed dates of one task; slacks are working minutes on the task's calendar, negative when late. */
export interface ScheduledTask {
  readonly id: TaskId;
  /** Scheduled start (equals earlyStart for ASAP tasks, lateStart for ALAP ones, the actual start once begun). */
  readonly start: Instant;
  /** Scheduled finish. */
  readonly finish: Instant;
  readonly earlyStart: Instant;
  readonly earlyFinish: Instant;
  readonly lateStart: Instant;
  readonly lateFinish: Instant;
  /** min(startSlack, finishSlack), MS Project's Total Slack. */
  readonly totalSlack: WorkMinutes;
  /** How far the task can slip before it delays any successor (or the project finish). */
  readonly freeSlack: WorkMinutes;
  /** lateStart − earlyStart in working minutes. */
  readonly startSlack: WorkMinutes;
  /** lateFinish − earlyFinish in working minutes. */
  readonly finishSlack: WorkMinutes;
  /** Total slack at or below the project's critical-slack limit (inactive tasks never are). */
  readonly critical: boolean;
  /** Working minutes between start and finish on the task's calendar (elapsed minutes for elapsed tasks). */
  readonly durationMinutes: number;
  /** Total work in working minutes (summaries: the sum of their children). */
  readonly work: number;
  /** Percent complete after roll-up (summaries: duration-weighted over their children). */
  readonly percentComplete: number;
  /** Total cost in minor units: resource work at standard rate, cost per use and fixed cost. */
  readonly cost: Money;
  /** True for tasks with children. */
  readonly summary: boolean;
}

/** A successful schedule: every task in input order, the project span and the critical path(s). */
export interface ScheduleSuccess {
  readonly ok: true;
  /** One entry per input task, in input order. */
  readonly tasks: readonly ScheduledTask[];
  /** The project start: the earliest start of any active task (or the project start date). */
  readonly start: Instant;
  /** The project finish: the latest finish of any active task. */
  readonly finish: Instant;
  /** Critical tasks grouped into chains, each in schedule order; one chain unless multiple paths were asked for. */
  readonly criticalPaths: readonly (readonly TaskId[])[];
}

/** The tasks of one dependency cycle, in link order (the last links back to the first). */
export interface DependencyCycle {
  readonly taskIds: readonly TaskId[];
  readonly names: readonly string[];
}

/** A schedule that could not be computed: a dependency cycle, or input that names something missing. */
export type ScheduleFailure =
  | { readonly ok: false; readonly code: 'DEPENDENCY_CYCLE'; readonly cycle: DependencyCycle }
  | { readonly ok: false; readonly code: 'INVALID_INPUT'; readonly message: string; readonly field: string };

/** The outcome of scheduling a project. */
export type ScheduleResult = ScheduleSuccess | ScheduleFailure;
