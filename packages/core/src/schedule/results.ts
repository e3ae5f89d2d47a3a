import type { Instant } from '../calendar/model';
import { type ArrayMaker, plainArrays } from './arena';
import type { Assignment, ScheduledTask, ScheduleProject, ScheduleSuccess, TaskId } from './model';
import { FF, FS, type IdIndex, LAG_PERCENT, type Network, SF } from './network';
import type { Passes } from './passes';
import {
  ALAP,
  ASAP,
  F_COMPLETE,
  F_ELAPSED,
  F_MANUAL,
  F_RESOURCE_CALENDAR,
  F_SPLIT,
  F_STARTED,
  type TaskInputs,
} from './task-inputs';
import { TaskRecord } from './task-record';

/** Instants and slacks of every task, derived from the passes' coordinates (summaries rolled up from children). */
export class Outputs {
  // Instants and slacks are whole minutes (instants up to the year 6000 fit in 32 bits), half the memory of floats,
  // unless some task spans a fraction of a minute (a contoured assignment): then they keep the fraction.
  readonly start: Int32Array | Float64Array;
  readonly finish: Int32Array | Float64Array;
  readonly es: Int32Array | Float64Array;
  readonly ef: Int32Array | Float64Array;
  readonly ls: Int32Array | Float64Array;
  readonly lf: Int32Array | Float64Array;
  readonly totalSlack: Int32Array | Float64Array;
  readonly startSlack: Int32Array | Float64Array;
  readonly finishSlack: Int32Array | Float64Array;
  readonly freeSlack: Int32Array | Float64Array;
  readonly critical: Uint8Array;
  readonly work: Float64Array;
  readonly cost: Float64Array;
  readonly percent: Float64Array;
  /**
   * Work and cost coming from assignments (before the task's own work and fixed cost); empty until some task has an
   * assignment (see `assigned`), as in most projects scheduled in bulk.
   */
  assignedWork: Float64Array = none64;
  assignedCost: Float64Array = none64;
  /** Started and complete bits of summaries, from their children. */
  readonly summaryFlags: Uint8Array;

  constructor(
    private readonly n: number,
    private readonly make: ArrayMaker = plainArrays,
    fractional = false,
  ) {
    this.summaryFlags = make.u8(n);
    const minutes = fractional ? (k: number) => make.f64(k) : (k: number) => make.i32(k);
    this.start = minutes(n);
    this.finish = minutes(n);
    this.es = minutes(n);
    this.ef = minutes(n);
    this.ls = minutes(n);
    this.lf = minutes(n);
    this.totalSlack = minutes(n);
    this.startSlack = minutes(n);
    this.finishSlack = minutes(n);
    this.freeSlack = minutes(n);
    this.critical = make.u8(n);
    this.work = make.f64(n);
    this.cost = make.f64(n);
    this.percent = make.f64(n);
  }

  /** Creates the assignment columns (zero work and cost) if they are still empty. */
  assigned(): void {
    if (this.assignedWork.length !== 0) return;
    this.assignedWork = this.make.f64(this.n);
    this.assignedCost = this.make.f64(this.n);
  }
}

const none64 = new Float64Array(0);

/** Per-task work (minutes) and cost (minor units) from assignments, fixed cost and the task's own work. */
export function taskWorkAndCost(
  project: ScheduleProject,
  inputs: TaskInputs,
  out: Outputs,
  index: IdIndex,
): void {
  const rates = new Map(project.resources.map((r) => [r.id as string, r]));
  if (project.assignments.length > 0) out.assigned();
  out.assignedWork.fill(0);
  out.assignedCost.fill(0);
  for (const a of project.assignments) {
    const i = index.get(a.taskId);
    if (i === undefined) continue;
    const r = rates.get(a.resourceId);
    out.assignedWork[i]! += a.workMinutes;
    out.assignedCost[i]! += Math.round((a.workMinutes / 60) * (r?.standardRate ?? 0)) + (r?.costPerUse ?? 0);
  }
  for (let i = 0; i < project.tasks.length; i++) taskOwnWorkAndCost(inputs, out, i);
}

/** Recomputes one task's assignment work and cost after its staff changed. */
export function taskAssignedWorkAndCost(
  project: ScheduleProject,
  inputs: TaskInputs,
  out: Outputs,
  i: number,
  assignments: readonly Assignment[],
): void {
  let work = 0;
  let cost = 0;
  for (const a of assignments) {
    const r = project.resources.find((x) => x.id === a.resourceId);
    work += a.workMinutes;
    cost += Math.round((a.workMinutes / 60) * (r?.standardRate ?? 0)) + (r?.costPerUse ?? 0);
  }
  out.assigned();
  out.assignedWork[i] = work;
  out.assignedCost[i] = cost;
  taskOwnWorkAndCost(inputs, out, i);
}

/** Work and cost of one task from its assignments and its own fields. */
export function taskOwnWorkAndCost(inputs: TaskInputs, out: Outputs, i: number): void {
  const own = inputs.ownWork[i]!;
  const some = out.assignedWork.length !== 0;
  out.work[i] = Number.isNaN(own) ? (some ? out.assignedWork[i]! : 0) : own;
  out.cost[i] = (some ? out.assignedCost[i]! : 0) + inputs.fixedCost[i]!;
}

/** Fills instants, slacks and criticality of one leaf task. */
export function leafOutputs(ps: Passes, out: Outputs, i: number, criticalLimit: number): void {
  const inp = ps.inputs;
  const t = inp.cals[inp.cal[i]!]!;
  const dur = inp.dur[i]!;
  const ctype = inp.ctype[i]!;
  const alap = ctype === ALAP;
  const late = alap || (ps.fromFinish && ctype === ASAP);
  const flags = inp.flags[i]!;
  const zero = dur === 0;
  const atFinish = zero && ps.finishLike[i] === 1;
  const esC = ps.es[i]!;
  const lsC = ps.ls[i]!;
  const efC = ps.ef[i]!;
  const lfC = ps.lf[i]!;
  // A task without slack has equal early and late coordinates: one conversion serves both.
  const es: number = atFinish ? t.finishInstant(esC) : t.startInstant(esC);
  let ls = lsC === esC ? es : atFinish ? t.finishInstant(lsC) : t.startInstant(lsC);
  let ef: number;
  let lf: number;
  const lfAt = ps.lfAt.length === 0 ? Number.NaN : ps.lfAt[i]!;
  if (zero) {
    ef = es;
    // A milestone already begun keeps its actual start as late start, but its late finish still follows its
    // successors (MS Project).
    lf = flags & F_STARTED && lfC !== lsC ? t.finishInstant(lfC) : ls;
  } else if (flags & F_ELAPSED) {
    ef = Math.max(t.finishInstant(efC), es + dur);
    if (Number.isNaN(lfAt)) lf = Math.max(t.finishInstant(lfC), ls + dur);
    else {
      lf = lfAt;
      ls = lfAt - dur;
    }
  } else {
    ef = t.finishInstant(efC);
    lf = lfC === efC ? ef : t.finishInstant(lfC);
  }
  out.es[i] = es;
  out.ls[i] = ls;
  out.ef[i] = ef;
  out.lf[i] = lf;
  out.start[i] = late ? ls : es;
  out.finish[i] = late ? lf : ef;
  let startSlack = 0;
  let finishSlack = 0;
  if (alap) {
    // An ALAP task sits at its late dates: no slack.
  } else if (!Number.isNaN(lfAt)) {
    // An elapsed task's slack is measured on the 24-hour clock, like its duration (MS Project).
    startSlack = ls - es;
    finishSlack = lf - ef;
  } else if (flags & F_RESOURCE_CALENDAR) {
    const own = inp.slackCal.length === 0 ? Number.NaN : inp.slackCal[i]!;
    const p = inp.cals[Number.isNaN(own) ? 0 : own]!;
    startSlack = p.toCoord(ls) - p.toCoord(es);
    finishSlack = p.toCoord(lf) - p.toCoord(ef);
  } else {
    startSlack = lsC - esC;
    finishSlack = lfC - efC;
  }
  if (inp.fractional) {
    startSlack = tenths(startSlack);
    finishSlack = tenths(finishSlack);
  }
  out.startSlack[i] = startSlack;
  out.finishSlack[i] = finishSlack;
  const total = flags & F_STARTED ? finishSlack : Math.min(startSlack, finishSlack);
  out.totalSlack[i] = total;
  out.freeSlack[i] = flags & F_COMPLETE ? 0 : freeSlack(ps, i, total);
  out.critical[i] = !(flags & F_COMPLETE) && !isPlaceholder(ps, i) && total <= criticalLimit ? 1 : 0;
  out.percent[i] = inp.percent[i]!;
}

/**
 * Slack in whole tenths of a minute, as MS Project keeps it, for runs whose contoured spans hold fractions of a minute
 * (`+ 0` turns a rounded −0 into 0).
 */
function tenths(minutes: number): number {
  return Math.round(minutes * 10) / 10 + 0;
}

/** A manually scheduled task with no real start, finish or duration: MS Project never flags one critical. */
function isPlaceholder(ps: Passes, i: number): boolean {
  const inp = ps.inputs;
  if (!(inp.flags[i]! & F_MANUAL)) return false;
  return (
    inp.project.tasks[i]!.placeholder === true ||
    Number.isNaN(inp.manualStart[i]!) ||
    Number.isNaN(inp.manualFinish[i]!)
  );
}

/** MS Project's free slack: the smallest gap to any successor link, less its lag; total slack when there is none. */
function freeSlack(ps: Passes, i: number, total: number): number {
  const net = ps.net;
  const end = net.succStart[i + 1]!;
  let k = net.succStart[i]!;
  if (k === end) return total;
  const inp = ps.inputs;
  const { cal, ctype, flags } = inp;
  const { succTask, succSlot, predType, predLagKind, predLag } = net;
  const { es, ef, ls, lf, fromFinish } = ps;
  const c = cal[i]!;
  const own = ctype[i]!;
  // The task's scheduled dates: its late ones when it is placed as late as possible.
  const late = own === ALAP || (fromFinish && own === ASAP);
  const start = late ? ls[i]! : es[i]!;
  const finish = late ? lf[i]! : ef[i]!;
  let free = Number.POSITIVE_INFINITY;
  for (; k < end; k++) {
    const s = succTask[k]!;
    if (flags[s]! & F_COMPLETE) continue;
    const slot = succSlot[k]!;
    const type = predType[slot]!;
    const toFinish = type === FF || type === SF;
    const theirs = ctype[s]!;
    const sLate = theirs === ALAP || (fromFinish && theirs === ASAP);
    let target = toFinish ? (sLate ? lf[s]! : ef[s]!) : sLate ? ls[s]! : es[s]!;
    if (cal[s] !== c) target = ps.conv(cal[s]!, c, target, toFinish);
    const lag = predLagKind[slot] === LAG_PERCENT ? ps.lagMinutes(slot, i, es, ef) : predLag[slot]!;
    const gap = target - (type === FS || type === FF ? finish : start) - lag;
    if (gap < free) free = gap;
  }
  if (!Number.isFinite(free)) return total;
  if (free < 0) return 0;
  return inp.fractional ? tenths(free) : free;
}

/** Rolls children up into summary i (children are already done): dates, slack, work, cost, % complete. */
export function summaryOutputs(ps: Passes, out: Outputs, i: number): void {
  const net = ps.net;
  let start = Number.POSITIVE_INFINITY;
  let finish = Number.NEGATIVE_INFINITY;
  let es = start;
  let ef = finish;
  let ls = start;
  let lf = finish;
  let started = false;
  let complete = true;
  let work = 0;
  const inp = ps.inputs;
  let cost = inp.fixedCost[i]!;
  let weighted = 0;
  let weight = 0;
  const { childList, active, summary } = net;
  const { ctype, flags: taskFlags, dur, cals, cal } = inp;
  const end = net.childStart[i + 1]!;
  for (let k = net.childStart[i]!; k < end; k++) {
    const ch = childList[k]!;
    if (!active[ch]) continue;
    // Instants are whole minutes in integer arrays, so comparisons pick what Math.min and Math.max would.
    const chStart = out.start[ch]!;
    const chFinish = out.finish[ch]!;
    const chLs = out.ls[ch]!;
    const chLf = out.lf[ch]!;
    if (chStart < start) start = chStart;
    if (chFinish > finish) finish = chFinish;
    const alap = ctype[ch] === ALAP;
    const chEs = alap ? chLs : out.es[ch]!;
    const chEf = alap ? chLf : out.ef[ch]!;
    if (chEs < es) es = chEs;
    if (chEf > ef) ef = chEf;
    if (chLs < ls) ls = chLs;
    if (chLf > lf) lf = chLf;
    const isSummary = summary[ch] === 1;
    const flags = isSummary ? out.summaryFlags[ch]! : taskFlags[ch]!;
    if (flags & F_STARTED) started = true;
    if (!(flags & F_COMPLETE)) complete = false;
    work += out.work[ch]!;
    cost += out.cost[ch]!;
    let d = dur[ch]!;
    if (isSummary) {
      const tc = cals[cal[ch]!]!;
      d = tc.toCoord(chFinish) - tc.toCoord(chStart);
    }
    weighted += out.percent[ch]! * d;
    weight += d;
  }
  if (!Number.isFinite(start)) {
    start =
      finish =
      es =
      ef =
      ls =
      lf =
        ps.inputs.cals[ps.inputs.cal[i]!]!.startInstant(ps.startC[ps.inputs.cal[i]!]!);
  }
  out.start[i] = start;
  out.finish[i] = finish;
  out.es[i] = es;
  out.ef[i] = ef;
  out.ls[i] = ls;
  out.lf[i] = lf;
  const t = ps.inputs.cals[ps.inputs.cal[i]!]!;
  let startSlack = t.toCoord(ls) - t.toCoord(es);
  let finishSlack = t.toCoord(lf) - t.toCoord(ef);
  if (ps.inputs.fractional) {
    startSlack = tenths(startSlack);
    finishSlack = tenths(finishSlack);
  }
  out.startSlack[i] = startSlack;
  out.finishSlack[i] = finishSlack;
  // MS Project judges a summary by its own rolled-up slack, not by whether some child is critical.
  const total = started ? finishSlack : Math.min(startSlack, finishSlack);
  out.totalSlack[i] = total;
  out.freeSlack[i] = freeSlack(ps, i, total);
  out.critical[i] = !complete && total <= ps.inputs.project.criticalSlackLimit ? 1 : 0;
  out.summaryFlags[i] = (started ? F_STARTED : 0) | (complete ? F_COMPLETE : 0);
  out.work[i] = work;
  out.cost[i] = cost;
  out.percent[i] = weight > 0 ? Math.round((weighted / weight) * 100) / 100 : 0;
}

/** Inactive tasks keep a nominal span at the project start and take no part in slack or the critical path. */
export function inactiveOutputs(ps: Passes, out: Outputs, i: number): void {
  const t = ps.inputs.cals[ps.inputs.cal[i]!]!;
  const s = ps.startC[ps.inputs.cal[i]!]!;
  out.start[i] = out.es[i] = out.ls[i] = t.startInstant(s);
  out.finish[i] = out.ef[i] = out.lf[i] = t.finishInstant(s + ps.inputs.dur[i]!);
  out.totalSlack[i] = out.startSlack[i] = out.finishSlack[i] = out.freeSlack[i] = 0;
  out.critical[i] = 0;
}

/**
 * Every task's record (see TaskRecord), in index order. One loop over local array references (no per-task re-reading
 * of the engine's fields), and `push` into an empty array: `new Array(n)` with a large n starts in slow dictionary mode.
 */
export function scheduledTasks(ps: Passes, out: Outputs): ScheduledTask[] {
  const inp = ps.inputs;
  const { summary, active, ids } = ps.net;
  const { cals, cal, flags, dur, ctype, gap } = inp;
  const { es, ef, ls, lf, fromFinish } = ps;
  const { start, finish } = out;
  const objects: ScheduledTask[] = [];
  const n = ids.length;
  for (let i = 0; i < n; i++) {
    const isSummary = summary[i] === 1;
    let span: number;
    if (isSummary) {
      const t = cals[cal[i]!]!;
      span = t.toCoord(finish[i]!) - t.toCoord(start[i]!);
    } else if (flags[i]! & F_ELAPSED || !active[i]) span = dur[i]!;
    else {
      const c = ctype[i]!;
      // A split task's duration leaves out its pauses.
      span = c === ALAP || (fromFinish && c === 0) ? lf[i]! - ls[i]! : ef[i]! - es[i]!;
      // Only a split task has a gap column entry (see TaskInputs.gap).
      if (flags[i]! & F_SPLIT) span -= gap[i]!;
    }
    objects.push(new TaskRecord(ids[i]!, out, i, span, isSummary));
  }
  return objects;
}

/** One ScheduledTask object from the output arrays. */
export function scheduledTask(ps: Passes, out: Outputs, i: number): ScheduledTask {
  const task = ps.inputs.project.tasks[i]!;
  const isSummary = ps.net.summary[i] === 1;
  const t = ps.inputs.cals[ps.inputs.cal[i]!]!;
  let span: number;
  if (isSummary) span = t.toCoord(out.finish[i]!) - t.toCoord(out.start[i]!);
  else if (ps.inputs.flags[i]! & F_ELAPSED) span = ps.inputs.dur[i]!;
  else if (!ps.net.active[i]) span = ps.inputs.dur[i]!;
  else {
    const ctype = ps.inputs.ctype[i]!;
    const late = ctype === ALAP || (ps.fromFinish && ctype === 0);
    // A split task's duration leaves out its pauses.
    span = late ? ps.lf[i]! - ps.ls[i]! : ps.ef[i]! - ps.es[i]!;
    if (ps.inputs.flags[i]! & F_SPLIT) span -= ps.inputs.gap[i]!;
  }
  return new TaskRecord(task.id, out, i, span, isSummary);
}

/**
 * Critical leaves grouped into chains along links between critical tasks, each chain in start order. Reads only the
 * immutable task snapshot and the network it was computed on, so it can run lazily after later edits.
 */
export function criticalPaths(net: Network, tasks: readonly ScheduledTask[], multiple: boolean): TaskId[][] {
  const crit: number[] = [];
  const order = net.order;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const t = tasks[i]!;
    if (t.critical && !t.summary) crit.push(i);
  }
  const sorted = (group: readonly number[]) => {
    // Start (whole minutes) then topological position, packed in one float so the sort needs no comparator; a
    // contoured task may start at a fraction of a minute, which the packing cannot hold.
    const keys = new Float64Array(group.length);
    let whole = true;
    for (let k = 0; k < group.length; k++) {
      const i = group[k]!;
      const start = tasks[i]!.start;
      if (!Number.isInteger(start)) whole = false;
      keys[k] = (start + 2 ** 31) * 2 ** 21 + net.position[i]!;
    }
    if (net.n >= 2 ** 21 || !whole) {
      return group
        .slice()
        .sort((a, b) => tasks[a]!.start - tasks[b]!.start || net.position[a]! - net.position[b]!)
        .map((i) => tasks[i]!.id);
    }
    keys.sort();
    const ids: TaskId[] = new Array(group.length);
    for (let k = 0; k < keys.length; k++) ids[k] = tasks[order[keys[k]! % 2 ** 21]!]!.id;
    return ids;
  };
  if (!multiple) return crit.length === 0 ? [] : [sorted(crit)];
  const root = new Int32Array(net.n);
  for (let i = 0; i < net.n; i++) root[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (root[r] !== r) r = root[r]!;
    while (root[x] !== r) {
      const next = root[x]!;
      root[x] = r;
      x = next;
    }
    return r;
  };
  for (const i of crit) {
    for (let k = net.predStart[i]!; k < net.predStart[i + 1]!; k++) {
      const p = net.predTask[k]!;
      if (tasks[p]!.critical && !tasks[p]!.summary) root[find(p)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  for (const i of crit) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const index = new Map(tasks.map((t, i) => [t.id as string, i]));
  return [...groups.values()].map(sorted).sort((a, b) => {
    const x = tasks[index.get(a[0]!)!]!;
    const y = tasks[index.get(b[0]!)!]!;
    return x.start - y.start || net.position[index.get(a[0]!)!]! - net.position[index.get(b[0]!)!]!;
  });
}

/** The project's span: earliest start and latest finish of any active task. */
export function projectSpan(ps: Passes, out: Outputs): Pick<ScheduleSuccess, 'start' | 'finish'> {
  let start = Number.POSITIVE_INFINITY;
  let finish = Number.NEGATIVE_INFINITY;
  const active = ps.net.active;
  for (let i = 0; i < active.length; i++) {
    if (!active[i]) continue;
    if (out.start[i]! < start) start = out.start[i]!;
    if (out.finish[i]! > finish) finish = out.finish[i]!;
  }
  if (!Number.isFinite(start)) {
    const project = ps.inputs.project;
    start = finish = ps.fromFinish ? (project.finishDate ?? project.startDate) : project.startDate;
  }
  return { start: start as Instant, finish: finish as Instant };
}
