import { compileCalendar } from '../calendar/compile';
import { recomputeCone } from './cone';
import { Engine } from './engine';
import type { Link, ScheduleProject, ScheduleResult, ScheduleTask, TaskId } from './model';
import { buildNetwork, IdIndex, InputError } from './network';
import { restaff, type Staffing } from './staffing';
import type { CalendarCompiler } from './task-inputs';

/** Changes to one task; `undefined` clears an optional field. */
export type TaskPatch = { readonly [K in Exclude<keyof ScheduleTask, 'id'>]?: ScheduleTask[K] | undefined };

/** A project kept in memory that reschedules only what each edit reaches. */
export interface Scheduler {
  /** The project as edited so far. */
  readonly project: ScheduleProject;
  /** The current schedule; equal to `scheduleProject(this.project)`. */
  schedule(): ScheduleResult;
  /** Changes fields of one task; throws a RangeError naming an unknown task. */
  updateTask(id: TaskId, patch: TaskPatch): void;
  /** Adds a link (replacing any link between the same two tasks). */
  addLink(link: Link): void;
  /**
   * Puts these resources on a task (replacing its assignments) by MS Project's effort-driven rules for its type; see
   * {@link restaff}. Throws a RangeError naming an unknown task or resource, or units that are not positive.
   */
  staffTask(id: TaskId, staffing: readonly Staffing[]): void;
  /** Removes the link from `predecessorId` to `successorId`, if there is one. */
  removeLink(predecessorId: TaskId, successorId: TaskId): void;
}

/** Fields whose change alters the graph itself (hierarchy or which tasks take part). */
const structural: ReadonlySet<string> = new Set(['parentId', 'active']);

/**
 * Creates an incremental scheduler: the next schedule after edits recomputes only the cone they reach (successors
 * forward, predecessors backward, summaries above), once for all the edits made since, and the result equals a full
 * reschedule. Edits themselves only update the inputs, so a run of edits nobody reads in between costs no pass.
 *
 * @example
 * const scheduler = createScheduler(project);
 * scheduler.updateTask(taskId('7'), { durationMinutes: 960 });
 * const result = scheduler.schedule();
 */
export function createScheduler(
  initial: ScheduleProject,
  compile: CalendarCompiler = compileCalendar,
): Scheduler {
  const tasks: ScheduleTask[] = initial.tasks.slice();
  let links: Link[] = initial.links.slice();
  const project: { -readonly [K in keyof ScheduleProject]: ScheduleProject[K] } = {
    ...initial,
    tasks,
    links,
  };
  let engine: Engine | undefined;
  let failure: Exclude<ScheduleResult, { ok: true }> | undefined;
  let stale = true;
  // Tasks edited since the last schedule: their cone is recomputed once, at the next `schedule()`, whatever the edits.
  let seeds: number[] = [];
  // The engine's id index rather than a Map: integer-like ids (MSPDI UIDs) then take 8 bytes a task, not a hash entry.
  const index = new IdIndex();
  for (let i = 0; i < tasks.length; i++) index.set(tasks[i]!.id, i);

  const full = () => {
    const built = Engine.create(project, compile);
    if (built instanceof Engine) {
      engine = built;
      failure = undefined;
      try {
        engine.runPasses();
        engine.computeOutputs();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        engine = undefined;
        failure = { ok: false, code: 'INVALID_INPUT', message: error.message, field: error.field };
      }
    } else {
      engine = undefined;
      failure = built;
    }
    stale = false;
    seeds = [];
  };
  /** Rebuilds the graph after a link edit, then recomputes from the tasks either end of the link. */
  const relink = (ends: number[]) => {
    const e = engine;
    if (stale || !e || project.scheduleFrom === 'finish') {
      stale = true;
      return;
    }
    const built = buildNetwork(project);
    if (!built.ok) {
      stale = true;
      return;
    }
    e.net = built.network;
    e.passes.net = built.network;
    for (const t of ends) seeds.push(...withLeaves(e, t));
  };

  return {
    project,
    schedule() {
      if (!stale && engine && seeds.length > 0) {
        const edited = seeds;
        seeds = [];
        cone(engine, edited);
      }
      if (stale) full();
      if (failure) return failure;
      return engine!.result();
    },
    updateTask(id, patch) {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`unknown task ${id}`);
      const next = { ...tasks[i]!, ...patch } as Record<string, unknown>;
      for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
      tasks[i] = next as unknown as ScheduleTask;
      const e = engine;
      if (
        stale ||
        !e ||
        project.scheduleFrom === 'finish' ||
        Object.keys(patch).some((k) => structural.has(k))
      ) {
        stale = true;
        return;
      }
      const calendars = e.inputs.cals.length;
      try {
        e.inputs.reload(i, tasks[i]!);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        stale = true; // The full run reports the invalid input.
        return;
      }
      if (e.inputs.cals.length !== calendars) {
        stale = true; // A calendar first used by this edit: the passes need its project start and finish.
        return;
      }
      e.inputs.refreshAlap();
      e.refreshWork(i);
      seeds.push(i);
    },
    staffTask(id, staffing) {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`unknown task ${id}`);
      for (const s of staffing) {
        if (!project.resources.some((r) => r.id === s.resourceId)) {
          throw new RangeError(`unknown resource ${s.resourceId}`);
        }
      }
      const task = tasks[i]!;
      const change = restaff(
        task,
        project.assignments.filter((a) => a.taskId === id),
        staffing,
      );
      project.assignments = [...project.assignments.filter((a) => a.taskId !== id), ...change.assignments];
      const total = change.assignments.reduce((sum, a) => sum + a.workMinutes, 0);
      tasks[i] = {
        ...task,
        durationMinutes: change.durationMinutes,
        ...(task.work === undefined ? {} : { work: total }),
      };
      const e = engine;
      if (stale || !e || project.scheduleFrom === 'finish') {
        stale = true;
        return;
      }
      e.inputs.setAssignments(id, change.assignments);
      const calendars = e.inputs.cals.length;
      try {
        e.inputs.reload(i, tasks[i]!);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        stale = true;
        return;
      }
      e.refreshAssignments(i, change.assignments);
      if (e.inputs.cals.length !== calendars) {
        stale = true;
        return;
      }
      seeds.push(i);
    },
    addLink(link) {
      links = links.filter(
        (l) => !(l.predecessorId === link.predecessorId && l.successorId === link.successorId),
      );
      links.push(link);
      project.links = links;
      relink(ends(link.predecessorId, link.successorId));
    },
    removeLink(predecessorId, successorId) {
      const before = links.length;
      links = links.filter((l) => !(l.predecessorId === predecessorId && l.successorId === successorId));
      project.links = links;
      if (links.length !== before) relink(ends(predecessorId, successorId));
    },
  };

  /** Recomputes a cone; input trouble found on the way (a calendar without work) leaves it to a full run. */
  function cone(e: Engine, seeds: number[]): void {
    try {
      recomputeCone(e, seeds);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      stale = true;
    }
  }

  function ends(a: TaskId, b: TaskId): number[] {
    return [a, b].map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  }
}

/** A task and, for a summary, every descendant (a link into a summary lands on its leaves). */
function withLeaves(engine: Engine, t: number): number[] {
  const net = engine.net;
  const out = [t];
  for (let k = 0; k < out.length; k++) {
    const u = out[k]!;
    for (let j = net.childStart[u]!; j < net.childStart[u + 1]!; j++) out.push(net.childList[j]!);
  }
  return out;
}
