import {
  Arena,
  type ArrayMaker,
  engineBytes,
  plainArrays,
  releaseScratch,
  scratchArena,
  scratchBytes,
} from './arena';

const ARENA_THRESHOLD = 400_000;

import type { Assignment, ScheduledTask, ScheduleProject, ScheduleResult } from './model';
import { buildNetwork, InputError, type Network } from './network';
import { Passes } from './passes';
import {
  inactiveOutputs,
  leafOutputs,
  Outputs,
  projectSpan,
  scheduledTasks,
  summaryOutputs,
  taskAssignedWorkAndCost,
  taskOwnWorkAndCost,
  taskWorkAndCost,
} from './results';
import { scheduleSuccess } from './schedule-success';
import { type CalendarCompiler, F_ELAPSED, TaskInputs } from './task-inputs';

/** Everything one scheduling run keeps: the graph, the inputs, the pass arrays and the outputs. */
export class Engine {
  net: Network;
  readonly inputs: TaskInputs;
  passes: Passes;
  readonly out: Outputs;
  objects: ScheduledTask[] = [];
  /** Whether the early dates come from the second forward pass (some task is ALAP). */
  secondPass = false;
  /** The project finish the backward pass last used (forward scheduling). */
  finishInstant = Number.NaN;

  private constructor(
    public project: ScheduleProject,
    net: Network,
    inputs: TaskInputs,
    arena: ArrayMaker,
    /** The arena of the arrays that die with a one-shot run (see `release`). */
    private scratch: Arena | undefined,
  ) {
    this.net = net;
    this.inputs = inputs;
    this.passes = new Passes(
      net,
      inputs,
      project.honorConstraintDates,
      project.multipleCriticalPaths === true,
      project.scheduleFrom === 'finish',
      arena,
    );
    this.out = new Outputs(net.n, arena, inputs.fractional);
  }

  /** Builds an engine, or the failure a full schedule would report (cycle or invalid input). */
  static create(
    project: ScheduleProject,
    compile: CalendarCompiler,
    oneShot = false,
  ): Engine | Exclude<ScheduleResult, { ok: true }> {
    try {
      if (project.scheduleFrom === 'finish' && project.finishDate === undefined) {
        throw new InputError('a project scheduled from its finish needs a finish date', 'finishDate');
      }
      // Measured: one arena turns five full GCs into one at a million tasks; at a hundred thousand the difference
      // was within noise, so the network of a smaller project keeps separate arrays and reserves no block up front.
      const n = project.tasks.length;
      const links = project.links.length;
      const large = n >= ARENA_THRESHOLD;
      // A one-shot run's result keeps only the network (its critical paths are found on first read), so the inputs,
      // passes and outputs go in a scratch arena that the next run reuses. A large run's scratch would be too big to
      // keep for the next one: it shares the one arena with the network instead, a single allocation as before.
      const scratch = oneShot && !large ? scratchArena(scratchBytes(n, links)) : undefined;
      const arena: ArrayMaker = large ? new Arena(engineBytes(n, links)) : plainArrays;
      // Outside a scratch arena the network's temporary arrays stay separate, so they die after the build.
      const built = buildNetwork(project, arena, scratch ?? plainArrays);
      if (!built.ok) {
        const tasks = built.cycle.map((i) => project.tasks[i]!);
        return {
          ok: false,
          code: 'DEPENDENCY_CYCLE',
          cycle: { taskIds: tasks.map((t) => t.id), names: tasks.map((t) => t.name) },
        };
      }
      const rest = scratch ?? arena;
      return new Engine(project, built.network, new TaskInputs(project, compile, rest), rest, scratch);
    } catch (error) {
      if (error instanceof InputError) {
        return { ok: false, code: 'INVALID_INPUT', message: error.message, field: error.field };
      }
      throw error;
    }
  }

  /** Runs every pass over the whole network. */
  runPasses(): void {
    const ps = this.passes;
    const project = this.project;
    if (project.scheduleFrom === 'finish') {
      // Backward scheduling: late dates from the project finish, then early dates from the start that gives.
      ps.setFinish(project.finishDate!);
      ps.backwardAll();
      ps.setStart(this.earliestLateStart());
      ps.forwardAll(false);
      ps.es.set(ps.es1);
      ps.ef.set(ps.ef1);
      return;
    }
    ps.setStart(project.startDate);
    if (project.statusDate !== undefined && project.splitInProgress) ps.setStatus(project.statusDate);
    ps.forwardAll(false);
    this.finishInstant = this.latestEarlyFinish();
    ps.setFinish(this.finishInstant);
    ps.backwardAll();
    this.secondPass = this.inputs.hasAlap;
    if (this.inputs.hasAlap) ps.forwardAll(true);
    else {
      ps.es.set(ps.es1);
      ps.ef.set(ps.ef1);
    }
  }

  /** The project finish after the first forward pass: the latest early finish of any active leaf. */
  latestEarlyFinish(): number {
    const { net, inputs, passes } = this;
    const maxByCal = new Float64Array(inputs.cals.length).fill(Number.NEGATIVE_INFINITY);
    let finish = Number.NEGATIVE_INFINITY;
    // Index order reads memory sequentially; the order of the maximum does not matter.
    const { summary, active } = net;
    const cal = inputs.cal;
    const ef1 = passes.ef1;
    for (let i = 0; i < net.n; i++) {
      if (summary[i] || !active[i]) continue;
      const c = cal[i]!;
      const f = ef1[i]!;
      if (f > maxByCal[c]!) maxByCal[c] = f;
    }
    // An elapsed task can finish in non-working time, which no coordinate tells apart: those count as instants.
    if (inputs.hasElapsed) {
      for (let i = 0; i < net.n; i++) {
        if (net.summary[i] || !net.active[i] || !(inputs.flags[i]! & F_ELAPSED)) continue;
        finish = Math.max(finish, passes.elapsedFinishInstant(i));
      }
    }
    // The latest task finish, even when that is before the project start date (MS Project does the same).
    for (let c = 0; c < maxByCal.length; c++) {
      const w = maxByCal[c]!;
      if (Number.isFinite(w)) finish = Math.max(finish, inputs.cals[c]!.finishInstant(w));
    }
    return Number.isFinite(finish) ? finish : this.project.startDate;
  }

  private earliestLateStart(): number {
    const { net, inputs, passes } = this;
    const minByCal = new Float64Array(inputs.cals.length).fill(Number.POSITIVE_INFINITY);
    for (const i of net.order) {
      if (net.summary[i]) continue;
      const c = inputs.cal[i]!;
      if (passes.ls[i]! < minByCal[c]!) minByCal[c] = passes.ls[i]!;
    }
    let start = Number.POSITIVE_INFINITY;
    minByCal.forEach((w, c) => {
      if (Number.isFinite(w)) start = Math.min(start, inputs.cals[c]!.startInstant(w));
    });
    return Number.isFinite(start) ? start : this.project.finishDate!;
  }

  /** Output arrays for every task. */
  computeOutputs(): void {
    const { net, out, passes } = this;
    taskWorkAndCost(this.project, this.inputs, out, net.index);
    const limit = this.project.criticalSlackLimit;
    const { n, active, summary, parent } = net;
    let outline = true;
    for (let i = 0; i < n && outline; i++) outline = parent[i]! < i;
    if (outline) {
      // Outline order puts every summary before its children, so walking it backward rolls a summary up right after
      // its children, while their outputs are still in cache.
      for (let i = n - 1; i >= 0; i--) {
        if (!active[i]) inactiveOutputs(passes, out, i);
        else if (summary[i]) summaryOutputs(passes, out, i);
        else leafOutputs(passes, out, i, limit);
      }
    } else {
      for (let i = 0; i < n; i++) if (!active[i]) inactiveOutputs(passes, out, i);
      // Leaves in index order (sequential memory), then summaries in topological order (children first).
      for (let i = 0; i < n; i++) if (active[i] && !summary[i]) leafOutputs(passes, out, i, limit);
      const order = net.order;
      for (let k = 0; k < order.length; k++) {
        const i = order[k]!;
        if (summary[i]) summaryOutputs(passes, out, i);
      }
    }
    this.objects = scheduledTasks(passes, out);
  }

  /** Refreshes one task's assignment work and cost after its staff changed. */
  refreshAssignments(i: number, assignments: readonly Assignment[]): void {
    taskAssignedWorkAndCost(this.project, this.inputs, this.out, i, assignments);
  }

  /** Refreshes one task's own work and cost after an edit (summaries re-add them in the output pass). */
  refreshWork(i: number): void {
    taskOwnWorkAndCost(this.inputs, this.out, i);
  }

  /** Hands the scratch arena to the next one-shot run: call last, once the result is built; the engine is dead. */
  release(): void {
    if (this.scratch !== undefined) releaseScratch(this.scratch);
    this.scratch = undefined;
  }

  /** The success result from the current outputs. */
  result(snapshot = true): ScheduleResult {
    // An incremental scheduler keeps editing `objects`; a one-shot run can hand its array over as it is.
    const tasks = snapshot ? this.objects.slice() : this.objects;
    const multiple = this.project.multipleCriticalPaths === true;
    return scheduleSuccess(tasks, projectSpan(this.passes, this.out), this.net, multiple);
  }
}
