import { normalizeDayPattern } from '../calendar/day-pattern';
import type { Calendar, CalendarId, DayNumber, DayPattern } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';
import { type ArrayMaker, plainArrays } from './arena';
import { intersectDayPatterns } from './calendar-intersection';
import type { ConstraintType, ScheduleProject, ScheduleTask } from './model';
import { InputError } from './network';
import { resumedSpan } from './resumed-span';
import { TimeIndex } from './time-index';
import { type TimeIndexShelf, timeIndexCache } from './time-index-cache';
import { assignmentSpan } from './work-contour';
import { workSetsSpan } from './work-sets-span';

/** Turns a calendar id into a compiled calendar (the calendar engine's `compileCalendar`). */
export type CalendarCompiler = (calendars: readonly Calendar[], id: CalendarId) => WorkingTime;

const none: readonly ScheduleProject['assignments'][number][] = [];

/** An assignment that does some work (a module function: no closure to create for each task). */
function hasWork(a: ScheduleProject['assignments'][number]): boolean {
  return a.units > 0 && a.workMinutes > 0;
}

/** An optional instant as a coordinate on `t`, NaN when absent. */
function coordOf(t: TimeIndex, instant: number | undefined): number {
  return instant === undefined ? Number.NaN : t.toCoord(instant);
}

/** The empty column (see TaskInputs.gap). */
const none64 = new Float64Array(0);

/** Per-task columns that only some projects need. */
type SparseColumn =
  | 'gap'
  | 'deadline'
  | 'actualStart'
  | 'actualFinish'
  | 'manualStart'
  | 'manualFinish'
  | 'slackCal';

/** Constraint codes in MSPDI's order. */
export const ASAP = 0;
export const ALAP = 1;
export const MSO = 2;
export const MFO = 3;
export const SNET = 4;
export const SNLT = 5;
export const FNET = 6;
export const FNLT = 7;

/** A comparison chain rather than a keyed lookup, most frequent first; anything unknown reads as ASAP, as before. */
function constraintCode(type: ConstraintType): number {
  if (type === 'asap') return ASAP;
  if (type === 'alap') return ALAP;
  if (type === 'snet') return SNET;
  if (type === 'fnet') return FNET;
  if (type === 'snlt') return SNLT;
  if (type === 'fnlt') return FNLT;
  if (type === 'mso') return MSO;
  return type === 'mfo' ? MFO : ASAP;
}

/** Task flag bits. */
export const F_MANUAL = 1;
export const F_ELAPSED = 2;
export const F_STARTED = 4;
export const F_COMPLETE = 8;
export const F_MILESTONE = 16;
/** Assigned resources keep different calendars: each assignment runs on its own (see Passes.finishOf). */
export const F_MULTI = 32;

/**
 * Scheduled on its resources' calendar(s), alone or within its task calendar, while its slack is measured on the
 * project calendar, or on the task calendar when it has one (`slackCal`), as MS Project does.
 */
export const F_RESOURCE_CALENDAR = 64;

/** The task has pauses (splits): its span is its duration plus `gap` (see Passes.finishOf). */
export const F_SPLIT = 128;

/** Per-assignment calendars (indices into `cals`) and working minutes of a task with mixed resource calendars. */
export interface AssignmentWork {
  readonly cals: readonly number[];
  readonly minutes: readonly number[];
  /** Working minutes from the task's start to where each assignment's work stopped (delay, then actual work). */
  readonly done: readonly number[];
}

/**
 * Per-task scheduling inputs in typed arrays, with every date already a work coordinate on the task's calendar.
 * NaN marks "no value".
 */
export class TaskInputs {
  readonly cals: TimeIndex[] = [];
  private readonly calIndex = new Map<string, number>();
  readonly cal: Int32Array;
  /** Effective duration: working minutes (elapsed minutes for elapsed tasks). */
  readonly dur: Float64Array;
  /** Duration still to do once started. */
  readonly remaining: Float64Array;
  /**
   * Working minutes of the task's pauses (splits), spanned on top of its duration. Like the dates below, a column no
   * task needs stays empty (most projects have no splits, deadlines, actuals or manual tasks): read it only for a task
   * whose flag says it has one (F_SPLIT; F_STARTED or F_COMPLETE; F_MANUAL), or the deadlines when not empty.
   */
  gap: Float64Array = none64;
  readonly flags: Uint8Array;
  readonly ctype: Uint8Array;
  /** Constraint date as a coordinate, and as the instant it was given. */
  readonly cdate: Float64Array;
  readonly cdateInstant: Float64Array;
  deadline: Float64Array = none64;
  /** For a task flagged F_RESOURCE_CALENDAR, the calendar its slack is measured on when not the project's (NaN). */
  slackCal: Float64Array = none64;
  actualStart: Float64Array = none64;
  actualFinish: Float64Array = none64;
  manualStart: Float64Array = none64;
  manualFinish: Float64Array = none64;
  /** Percent complete, the task's own work (NaN when it comes from assignments) and fixed cost. */
  readonly percent: Float64Array;
  readonly ownWork: Float64Array;
  readonly fixedCost: Float64Array;
  hasAlap = false;
  /** Some task is or was elapsed (never cleared: it only lets the common case skip elapsed-only work). */
  hasElapsed = false;
  /** Some task spans a fraction of a minute (a contoured assignment), so outputs need fractional instants. */
  fractional = false;
  /** Tasks flagged F_MULTI and their assignments. */
  readonly assignmentWork = new Map<number, AssignmentWork>();

  constructor(
    readonly project: ScheduleProject,
    private readonly compile: CalendarCompiler,
    private readonly make: ArrayMaker = plainArrays,
  ) {
    const n = project.tasks.length;
    this.n = n;
    this.cal = make.i32(n);
    this.dur = make.f64(n);
    this.remaining = make.f64(n);
    this.flags = make.u8(n);
    this.ctype = make.u8(n);
    this.cdate = make.f64(n);
    this.cdateInstant = make.f64(n);
    this.percent = make.f64(n);
    this.ownWork = make.f64(n);
    this.fixedCost = make.f64(n);
    this.shelf = timeIndexCache(compile).shelfFor(project.calendars);
    this.originDay = Math.floor(project.startDate / 1440);
    this.calendarOf(project.calendarId, 'calendarId');
    for (const r of project.resources) this.resources.set(r.id, r);
    for (const a of project.assignments) {
      const list = this.assignmentsByTask.get(a.taskId);
      if (list) list.push(a);
      else this.assignmentsByTask.set(a.taskId, [a]);
    }
    for (let i = 0; i < n; i++) this.reload(i, project.tasks[i]!);
  }

  /** Time indices shared with earlier runs on the same calendars (see TimeIndexCache). */
  private readonly shelf: TimeIndexShelf;
  private readonly originDay: number;

  /** A time index from the shelf, or a new one put there. */
  private timeIndex(key: string, make: () => TimeIndex): TimeIndex {
    return this.shelf.take(this.originDay, key, make);
  }

  private readonly n: number;

  /** A column that starts empty (see `gap`), created full of `blank` when a task first needs it. */
  private column(name: SparseColumn, blank = Number.NaN): Float64Array {
    if (this[name].length === 0) this[name] = this.make.f64(this.n).fill(blank);
    return this[name];
  }

  private readonly assignmentsByTask = new Map<string, ScheduleProject['assignments'][number][]>();
  private readonly resources = new Map<string, ScheduleProject['resources'][number]>();

  /** The index of a calendar in `cals`, compiling it on first use. */
  calendarOf(id: CalendarId, field: string): number {
    const known = this.calIndex.get(id);
    if (known !== undefined) return known;
    if (!this.project.calendars.some((c) => c.id === id))
      throw new InputError(`unknown calendar ${id}`, field);
    const k = this.cals.length;
    const index = this.timeIndex(`id ${id}`, () => {
      let time: WorkingTime;
      try {
        time = this.compile(this.project.calendars, id);
      } catch (error) {
        // The calendar engine rejects missing bases, base cycles and bad intervals with a RangeError.
        if (error instanceof RangeError) throw new InputError(error.message, field);
        throw error;
      }
      return new TimeIndex(time, this.project.startDate);
    });
    this.cals.push(index);
    this.calIndex.set(id, k);
    return k;
  }

  /**
   * A calendar that works whenever any of the given ones does: the frame in which a task with mixed resource
   * calendars starts (the earliest resource able to) and finishes (the last one done).
   */
  private unionOf(members: readonly number[]): number {
    const ids = [...new Set(members.map((k) => this.cals[k]!.calendar.id))].sort();
    const key = `union:${ids.join('+')}`;
    const known = this.calIndex.get(key);
    if (known !== undefined) return known;
    const parts = [...new Set(members)].map((k) => this.cals[k]!.calendar);
    const k = this.cals.length;
    // Keyed by the member ids as JSON, which no calendar id can make ambiguous.
    const index = this.timeIndex(`union ${JSON.stringify(ids)}`, () => {
      const union = {
        id: key as CalendarId,
        // Sorting and merging overlapping or touching intervals is exactly what normalizing a pattern does.
        dayPattern: (day: DayNumber): DayPattern =>
          normalizeDayPattern(
            parts.flatMap((p) => p.dayPattern(day)),
            key,
          ),
      };
      return new TimeIndex(union, this.project.startDate);
    });
    this.cals.push(index);
    this.calIndex.set(key, k);
    return k;
  }

  /** A calendar that works only when both given ones do: a task calendar and one of its resources' calendars. */
  private intersectionOf(a: number, b: number): number {
    const [x, y] = [this.cals[a]!.calendar, this.cals[b]!.calendar];
    const key = `both:${JSON.stringify([x.id, y.id])}`;
    const known = this.calIndex.get(key);
    if (known !== undefined) return known;
    const k = this.cals.length;
    const index = this.timeIndex(key, () => {
      const both = {
        id: key as CalendarId,
        dayPattern: (day: DayNumber): DayPattern =>
          intersectDayPatterns(x.dayPattern(day), y.dayPattern(day)),
      };
      return new TimeIndex(both, this.project.startDate);
    });
    this.cals.push(index);
    this.calIndex.set(key, k);
    return k;
  }

  /** Replaces one task's assignments (call `reload` after). */
  setAssignments(id: string, list: ScheduleProject['assignments'][number][]): void {
    if (list.length === 0) this.assignmentsByTask.delete(id);
    else this.assignmentsByTask.set(id, list);
  }

  /** Re-reads task i after an edit. */
  reload(i: number, task: ScheduleTask): void {
    // Most projects scheduled in bulk have no assignments: skip hashing every task id into an empty map.
    this.load(i, task, this.assignmentsByTask.size === 0 ? undefined : this.assignmentsByTask.get(task.id));
  }

  /** Re-derives whether any task is ALAP (after an edit removed one). */
  refreshAlap(): void {
    this.hasAlap = this.ctype.includes(ALAP);
  }

  /**
   * An assignment's span from its task's start on calendar `c`: from where it resumes when its task is under way
   * and it records that point, else from its work.
   */
  private spanOf(a: ScheduleProject['assignments'][number], task: ScheduleTask, c: number): number {
    const start = task.actualStart;
    if (a.resumeAt === undefined || start === undefined || task.actualFinish !== undefined) {
      return assignmentSpan(a);
    }
    return resumedSpan(a, this.cals[c]!, start) ?? assignmentSpan(a);
  }

  /**
   * Reads task i into the columns. Each field of the task object is read once: task objects come in many shapes
   * (optional fields present or not, objects patched by the incremental scheduler), and past four shapes every read
   * of a field goes through V8's megamorphic cache, several times slower. Measured on 10,000 tasks, after a project
   * of a thousand with a hundred patched tasks was scheduled: 4.5 ms a run when this method read fields as it needed
   * them (about 27 reads a task), 4.1 ms reading each once (15); 3.6 ms while no patched task had been seen.
   */
  private load(
    i: number,
    task: ScheduleTask,
    assignments: ScheduleProject['assignments'][number][] | undefined,
  ): void {
    const {
      calendarId,
      durationMinutes,
      isMilestone,
      elapsed,
      manual,
      percentComplete,
      constraint,
      actualStart,
      actualFinish,
      deadline,
      pauses,
    } = task;
    const working = assignments === undefined ? none : assignments.filter(hasWork);
    const byAssignments = working.length > 0 && workSetsSpan(task);
    let multi: AssignmentWork | undefined;
    // Index 0 is the project calendar (compiled first), so most tasks need no lookup.
    let c = calendarId === undefined ? 0 : this.calendarOf(calendarId, `tasks[${i}].calendarId`);
    // The task calendar on which slack is measured when the work runs on another (see F_RESOURCE_CALENDAR).
    let slackCal = Number.NaN;
    if (byAssignments && (calendarId === undefined || !task.ignoreResourceCalendar)) {
      // MS Project schedules each assignment on its resource's calendar (a fixed-duration task keeps the project
      // calendar); with a task calendar too, only when both work, and slack stays on the task calendar.
      let cals = working.map((a) =>
        this.calendarOf(
          this.resources.get(a.resourceId)?.calendarId ?? this.project.calendarId,
          `tasks[${i}]`,
        ),
      );
      if (calendarId !== undefined) {
        const own = c;
        cals = cals.map((k) => this.intersectionOf(own, k));
        slackCal = own;
      }
      const distinct = [...new Set(cals)];
      if (distinct.length === 1) c = distinct[0]!;
      else {
        multi = {
          cals,
          minutes: working.map((a, k) => this.spanOf(a, task, cals[k]!)),
          done: working.map((a) => (a.delayMinutes ?? 0) + (a.actualWork ?? 0) / a.units),
        };
        c = this.unionOf(cals);
      }
    }
    const t = this.cals[c]!;
    this.cal[i] = c;
    if (multi) this.assignmentWork.set(i, multi);
    else if (this.assignmentWork.size > 0) this.assignmentWork.delete(i);
    let dur = Math.max(0, Math.round(durationMinutes));
    if (byAssignments) {
      // Duration follows from work and units: the longest assignment drives the task.
      dur = 0;
      for (const a of working) dur = Math.max(dur, this.spanOf(a, task, c));
    }
    if (isMilestone && durationMinutes === 0) dur = 0;
    if (!Number.isInteger(dur) || multi?.minutes.some((m) => !Number.isInteger(m))) this.fractional = true;
    this.dur[i] = dur;
    let gap = 0;
    if (pauses !== undefined && dur > 0 && !elapsed && !manual && !multi) {
      for (const p of pauses) gap += Math.max(0, t.toCoord(p.finish) - t.toCoord(p.start));
    }
    if (gap > 0 || this.gap.length !== 0) this.column('gap', 0)[i] = gap;
    let flags = multi ? F_MULTI : 0;
    if (calendarId === undefined ? c !== 0 : !Number.isNaN(slackCal)) flags |= F_RESOURCE_CALENDAR;
    if (!Number.isNaN(slackCal) || this.slackCal.length !== 0) this.column('slackCal')[i] = slackCal;
    if (manual) flags |= F_MANUAL;
    if (elapsed) flags |= F_ELAPSED;
    if (isMilestone) flags |= F_MILESTONE;
    if (actualStart !== undefined || percentComplete > 0) flags |= F_STARTED;
    if (actualFinish !== undefined || percentComplete >= 100) flags |= F_COMPLETE | F_STARTED;
    if (gap > 0) flags |= F_SPLIT;
    this.flags[i] = flags;
    if (flags & F_COMPLETE) this.remaining[i] = 0;
    else if (flags & F_STARTED) {
      const done = task.actualDurationMinutes ?? Math.round((dur * Math.min(100, percentComplete)) / 100);
      this.remaining[i] = task.remainingDurationMinutes ?? Math.max(0, dur - done);
    } else this.remaining[i] = dur;
    const { type, date } = constraint;
    const code = constraintCode(type);
    if (code >= MSO && date === undefined) {
      throw new InputError(`task ${task.id} has a ${type} constraint without a date`, `tasks[${i}]`);
    }
    this.ctype[i] = code;
    this.cdateInstant[i] = date ?? Number.NaN;
    this.cdate[i] = date === undefined ? Number.NaN : t.toCoord(date);
    // Named tests first: most tasks need none of these columns, and most projects have none of them.
    // No closure here: this runs once a task, and tsx names every closure it creates (a defineProperty call each).
    if (deadline !== undefined || this.deadline.length !== 0)
      this.column('deadline')[i] = coordOf(t, deadline);
    if (flags & (F_STARTED | F_COMPLETE) || this.actualStart.length !== 0) {
      this.column('actualStart')[i] = coordOf(t, actualStart);
      this.column('actualFinish')[i] = coordOf(t, actualFinish);
    }
    if (flags & F_MANUAL || this.manualStart.length !== 0) {
      this.column('manualStart')[i] = coordOf(t, task.manualStart);
      this.column('manualFinish')[i] = coordOf(t, task.manualFinish);
    }
    // Read here so the output pass need not touch the task objects again.
    this.percent[i] = percentComplete;
    this.ownWork[i] = task.work ?? Number.NaN;
    this.fixedCost[i] = task.fixedCost ?? 0;
    if (code === ALAP) this.hasAlap = true;
    if (elapsed) this.hasElapsed = true;
  }
}
