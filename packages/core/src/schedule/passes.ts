import { type ArrayMaker, plainArrays } from './arena';
import { FF, FS, LAG_ELAPSED, LAG_PERCENT, LAG_WORK, type Network, SF, SS } from './network';
import {
  ALAP,
  ASAP,
  F_COMPLETE,
  F_ELAPSED,
  F_MANUAL,
  F_MULTI,
  F_SPLIT,
  F_STARTED,
  FNET,
  FNLT,
  MFO,
  MSO,
  SNET,
  SNLT,
  type TaskInputs,
} from './task-inputs';

const NONE = Number.NEGATIVE_INFINITY;

/** Flags that take a task off the inline path of the forward pass (see Passes.forwardAll). */
const UNUSUAL = F_MANUAL | F_STARTED | F_COMPLETE | F_ELAPSED | F_MULTI | F_SPLIT;

/** The empty late-finish-instant column (see Passes.lfAt). */
const none64 = new Float64Array(0);

/**
 * The critical-path passes over typed arrays, following MS Project's rules as MPXJ's scheduler reproduces them:
 * a first forward pass (es1/ef1), a backward pass (ls/lf), and, when a task is ALAP, a second forward pass (es/ef) in
 * which a successor of an ALAP task follows that task's late dates. All values are work coordinates on each task's
 * own calendar; a summary's are its children's roll-up on the summary's calendar.
 */
export class Passes {
  readonly es1: Float64Array;
  readonly ef1: Float64Array;
  readonly es: Float64Array;
  readonly ef: Float64Array;
  readonly ls: Float64Array;
  readonly lf: Float64Array;
  /** Backward-pass bounds a summary hands to its children: on their finish, and on the earliest child's start. */
  readonly lfBound: Float64Array;
  readonly lsBound: Float64Array;
  /**
   * The late finish instant of an elapsed task not yet begun (NaN for every other task): it runs on the 24-hour clock,
   * so it may finish in non-working time, up to the next work start after its late-finish coordinate. Empty while no
   * task has needed it.
   */
  lfAt: Float64Array;
  /** 1 when a zero-duration task sits at the finish of the period before it (a predecessor's finish). */
  readonly finishLike: Uint8Array;
  /** For each summary, its active child with the earliest early start (set by the backward pass). */
  readonly earliest: Int32Array;
  /** Project start and finish as coordinates on each calendar. */
  startC: Float64Array;
  finishC: Float64Array;

  constructor(
    public net: Network,
    readonly inputs: TaskInputs,
    readonly honor: boolean,
    readonly multipleCriticalPaths: boolean,
    /** Scheduling from the project finish: every ASAP task is placed at its late dates. */
    readonly fromFinish: boolean,
    private readonly make: ArrayMaker = plainArrays,
  ) {
    const n = net.n;
    this.es1 = make.f64(n);
    this.ef1 = make.f64(n);
    this.es = make.f64(n);
    this.ef = make.f64(n);
    this.ls = make.f64(n);
    this.lf = make.f64(n);
    this.lfBound = make.f64(n);
    this.lsBound = make.f64(n);
    // Most projects have no elapsed task.
    this.lfAt = inputs.hasElapsed ? make.f64(n).fill(Number.NaN) : none64;
    this.finishLike = make.u8(n);
    this.earliest = make.i32(n).fill(-1);
    this.startC = new Float64Array(inputs.cals.length);
    this.finishC = new Float64Array(inputs.cals.length);
  }

  /** Sets the project start instant on every calendar. */
  setStart(instant: number): void {
    const cals = this.inputs.cals;
    if (this.startC.length !== cals.length) this.startC = new Float64Array(cals.length);
    for (let c = 0; c < cals.length; c++) this.startC[c] = cals[c]!.toCoord(instant);
  }

  /** The status date on every calendar, when in-progress tasks resume after it (MS Project's split option). */
  statusC: Float64Array | undefined;

  /** Sets the status date after which the remaining work of in-progress tasks is scheduled. */
  setStatus(instant: number): void {
    this.statusC = Float64Array.from(this.inputs.cals, (t) => t.toCoord(instant));
  }

  /** The project finish instant the backward pass starts from. */
  finishAt = Number.NaN;

  /** Sets the project finish instant on every calendar. */
  setFinish(instant: number): void {
    this.finishAt = instant;
    const cals = this.inputs.cals;
    if (this.finishC.length !== cals.length) this.finishC = new Float64Array(cals.length);
    for (let c = 0; c < cals.length; c++) this.finishC[c] = cals[c]!.toCoord(instant);
  }

  /** Converts coordinate `w` from calendar `from` to calendar `to` through the instant it stands for. */
  conv(from: number, to: number, w: number, finish: boolean): number {
    if (from === to || !Number.isFinite(w)) return w;
    const a = this.inputs.cals[from]!;
    return this.inputs.cals[to]!.toCoord(finish ? a.finishInstant(w) : a.startInstant(w));
  }

  /** The lag of link slot k in working minutes on the successor's calendar (elapsed lags are handled apart). */
  lagMinutes(k: number, p: number, es: Float64Array, ef: Float64Array): number {
    const net = this.net;
    if (net.predLagKind[k] === LAG_PERCENT) {
      const d = net.summary[p] ? ef[p]! - es[p]! : this.inputs.dur[p]!;
      return Math.round((d * net.predLag[k]!) / 100);
    }
    return net.predLag[k]!;
  }

  /** Forward pass over every task; `second` is MS Project's re-run after the backward pass when ALAP tasks exist. */
  forwardAll(second: boolean): void {
    const net = this.net;
    const order = net.order;
    const es = second ? this.es : this.es1;
    const ef = second ? this.ef : this.ef1;
    const { summary, predStart, predTask, predType, predLagKind, predLag } = net;
    const { cal, flags, ctype, dur, remaining } = this.inputs;
    const { ls, lf, startC, finishLike } = this;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      // Most tasks are automatically scheduled ASAP leaves without actuals, elapsed time, mixed calendars or pauses,
      // linked on their own calendar with lags in working minutes: `forward` reduced to that case, inline. Any other
      // task goes to `forward` itself, which gives the same numbers for these (the incremental path calls it alone).
      // A zero-duration task goes there too: whether it sits at a predecessor's finish depends on ties among its links.
      if (summary[i] || flags[i]! & UNUSUAL || ctype[i] !== ASAP || dur[i] === 0) {
        this.forward(i, es, ef, second);
        continue;
      }
      const c = cal[i]!;
      const d = dur[i]!;
      let linkEs = NONE;
      let usual = true;
      const end = predStart[i + 1]!;
      for (let q = predStart[i]!; q < end; q++) {
        const p = predTask[q]!;
        if (cal[p] !== c || predLagKind[q] !== LAG_WORK) {
          usual = false;
          break;
        }
        const type = predType[q]!;
        const late = second && ctype[p] === ALAP;
        let w = type === FS || type === FF ? (late ? lf[p]! : ef[p]!) : late ? ls[p]! : es[p]!;
        w += predLag[q]!;
        if (type === FF) {
          w -= remaining[i]!;
          if (w < startC[c]!) w = startC[c]!;
        } else if (type === SF) w -= d;
        if (w > linkEs) linkEs = w;
      }
      if (!usual) {
        this.forward(i, es, ef, second);
        continue;
      }
      const s = linkEs === NONE ? startC[c]! : linkEs;
      es[i] = s;
      ef[i] = s + d;
      finishLike[i] = 0;
    }
  }

  /** Computes one task's early dates from its predecessors (or a summary's from its children). */
  forward(i: number, es: Float64Array, ef: Float64Array, second: boolean): void {
    const net = this.net;
    const inp = this.inputs;
    const c = inp.cal[i]!;
    if (net.summary[i]) {
      let s = Number.POSITIVE_INFINITY;
      let f = NONE;
      const { childList, active } = net;
      const { cal, ctype } = inp;
      const end = net.childStart[i + 1]!;
      for (let k = net.childStart[i]!; k < end; k++) {
        const ch = childList[k]!;
        if (!active[ch]) continue;
        const late = second && ctype[ch] === ALAP;
        let cs = late ? this.ls[ch]! : es[ch]!;
        let cf = late ? this.lf[ch]! : ef[ch]!;
        const chc = cal[ch]!;
        if (chc !== c) {
          cs = this.conv(chc, c, cs, false);
          cf = this.conv(chc, c, cf, true);
        }
        if (cs < s) s = cs;
        if (cf > f) f = cf;
      }
      es[i] = Number.isFinite(s) ? s : this.startC[c]!;
      ef[i] = Number.isFinite(f) ? f : es[i]!;
      return;
    }
    const flags = inp.flags[i]!;
    const dur = inp.dur[i]!;
    // Only an automatically placed zero-duration task can sit at a predecessor's finish; clear any earlier value.
    this.finishLike[i] = 0;
    if (flags & (F_MANUAL | F_STARTED | F_COMPLETE) && this.forwardFixed(i, es, ef, c, flags, dur)) return;
    // Without elapsed time, mixed calendars or pauses, a span is one subtraction (see startOf and finishOf).
    const plain = !(flags & (F_ELAPSED | F_MULTI | F_SPLIT));
    const ctype = inp.ctype[i]!;
    const cal = inp.cal;
    const ctypes = inp.ctype;
    const { predTask, predType, predLagKind, predLag } = net;
    const startC = this.startC[c]!;
    let linkEs = NONE;
    let finishLike = 0;
    const end = net.predStart[i + 1]!;
    for (let k = net.predStart[i]!; k < end; k++) {
      const p = predTask[k]!;
      const type = predType[k]!;
      const fromFinish = type === FS || type === FF;
      const late = second && ctypes[p] === ALAP && ctype !== ALAP;
      let w = fromFinish ? (late ? this.lf[p]! : ef[p]!) : late ? this.ls[p]! : es[p]!;
      const pc = cal[p]!;
      if (pc !== c) w = this.conv(pc, c, w, fromFinish);
      const kind = predLagKind[k]!;
      let lag: number;
      if (kind === LAG_ELAPSED) {
        lag = predLag[k]!;
        const t = inp.cals[c]!;
        if (lag !== 0) w = t.toCoord((fromFinish ? t.finishInstant(w) : t.startInstant(w)) + lag);
      } else {
        lag = kind === LAG_PERCENT ? this.lagMinutes(k, p, es, ef) : predLag[k]!;
        w += lag;
      }
      if (type === FF) {
        const rest = inp.remaining[i]!;
        w = plain ? w - rest : this.startOf(i, w, rest);
        if (w < startC) w = startC;
      } else if (type === SF) {
        w = plain ? w - dur : this.startOf(i, w, dur);
      }
      const like = lag > 0 || (lag === 0 && fromFinish) ? 1 : 0;
      if (w > linkEs) {
        linkEs = w;
        finishLike = like;
      } else if (w === linkEs) finishLike |= like;
    }
    let s = linkEs;
    if (ctype === ASAP) {
      // The common case: no constraint date to honour.
      if (linkEs === NONE) {
        s = startC;
        finishLike = 0;
      }
    } else {
      const d = inp.cdate[i]!;
      // The start that finishes on the constraint date (FNET, FNLT, MFO).
      const dStart =
        ctype === FNET || ctype === FNLT || ctype === MFO ? (plain ? d - dur : this.startOf(i, d, dur)) : d;
      if (linkEs === NONE) s = ctype === SNET || ctype === FNET ? dStart : startC;
      const before = s;
      switch (ctype) {
        case SNET:
          if (s < d) s = d;
          break;
        case FNET:
          if (s < dStart) s = dStart;
          break;
        case SNLT:
          // MS Project pulls the early start back to the constraint; without "honor", links may push past it.
          if (s > d && (this.honor || linkEs <= d)) s = d;
          break;
        case FNLT:
          if (s > dStart && (this.honor || linkEs <= dStart)) s = dStart;
          break;
        case MSO:
          s = this.honor || linkEs <= d ? d : linkEs;
          break;
        case MFO:
          s = this.honor || linkEs <= dStart ? dStart : linkEs;
          break;
      }
      if (s !== before) finishLike = dur === 0 ? this.dateIsPeriodEnd(i) : 0;
      else if (linkEs === NONE) finishLike = 0;
    }
    es[i] = s;
    ef[i] = plain ? s + dur : this.finishOf(i, s, dur);
    if (dur === 0) this.finishLike[i] = finishLike;
  }

  /**
   * Early dates a task takes from its typed or actual dates (manual, begun or done); false when it has none and is
   * placed by its links like any other task.
   */
  private forwardFixed(
    i: number,
    es: Float64Array,
    ef: Float64Array,
    c: number,
    flags: number,
    dur: number,
  ): boolean {
    const inp = this.inputs;
    if (flags & F_MANUAL) {
      const s = Number.isNaN(inp.manualStart[i]!) ? this.startC[c]! : inp.manualStart[i]!;
      es[i] = s;
      ef[i] = Number.isNaN(inp.manualFinish[i]!) ? this.finishOf(i, s, dur) : inp.manualFinish[i]!;
      return true;
    }
    if (flags & F_STARTED && !Number.isNaN(inp.actualStart[i]!)) {
      const s = inp.actualStart[i]!;
      es[i] = s;
      if (!Number.isNaN(inp.actualFinish[i]!)) {
        ef[i] = inp.actualFinish[i]!;
        return true;
      }
      let f = this.finishOf(i, s, dur);
      const rest = inp.remaining[i]!;
      const status = this.statusC?.[c];
      // Work already done ended before the status date, so what remains resumes there.
      if (status !== undefined && s + (dur - rest) < status && status + rest > f) f = status + rest;
      if (inp.ctype[i] === FNET && f < inp.cdate[i]!) f = inp.cdate[i]!;
      ef[i] = f;
      return true;
    }
    if (flags & F_COMPLETE && !Number.isNaN(inp.actualFinish[i]!)) {
      ef[i] = inp.actualFinish[i]!;
      es[i] = this.startOf(i, ef[i]!, dur);
      return true;
    }
    return false;
  }

  private dateIsPeriodEnd(i: number): number {
    const t = this.inputs.cals[this.inputs.cal[i]!]!;
    const at = this.inputs.cdateInstant[i]!;
    return t.finishInstant(t.toCoord(at)) === at && t.startInstant(t.toCoord(at)) !== at ? 1 : 0;
  }

  /**
   * The finish coordinate of `dur` starting at `s`: on the 24-hour clock for elapsed tasks, and for a task whose
   * resources keep different calendars, the last of its assignments to finish, each on its own calendar (MS Project).
   */
  finishOf(i: number, s: number, dur: number): number {
    const flags = this.inputs.flags[i]!;
    if (!(flags & (F_ELAPSED | F_MULTI | F_SPLIT)) || dur === 0) return s + dur;
    // A split task spans its pauses too (elapsed and mixed-calendar tasks have none).
    if (flags & F_SPLIT) return s + dur + this.inputs.gap[i]!;
    if (flags & F_MULTI) return this.assignmentsFinish(i, s, dur);
    const t = this.inputs.cals[this.inputs.cal[i]!]!;
    return t.toCoord(t.startInstant(s) + dur);
  }

  /** The start coordinate of `dur` finishing at `f` (the mirror of {@link Passes.finishOf}). */
  startOf(i: number, f: number, dur: number): number {
    const flags = this.inputs.flags[i]!;
    if (!(flags & (F_ELAPSED | F_MULTI | F_SPLIT)) || dur === 0) return f - dur;
    if (flags & F_SPLIT) return f - dur - this.inputs.gap[i]!;
    if (flags & F_MULTI) return this.assignmentsStart(i, f, dur);
    const t = this.inputs.cals[this.inputs.cal[i]!]!;
    return t.toCoord(t.finishInstant(f) - dur);
  }

  private assignmentsFinish(i: number, s: number, dur: number): number {
    const inp = this.inputs;
    const own = inp.cals[inp.cal[i]!]!;
    const work = inp.assignmentWork.get(i)!;
    // Remaining work scales every assignment alike.
    const share = dur / inp.dur[i]!;
    const at = own.startInstant(s);
    let finish = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < work.cals.length; a++) {
      const t = inp.cals[work.cals[a]!]!;
      const f = t.finishInstant(t.toCoord(at) + spanShare(work.minutes[a]!, share));
      if (f > finish) finish = f;
    }
    return own.toCoord(finish);
  }

  private assignmentsStart(i: number, f: number, dur: number): number {
    const inp = this.inputs;
    const own = inp.cals[inp.cal[i]!]!;
    const work = inp.assignmentWork.get(i)!;
    const share = dur / inp.dur[i]!;
    const at = own.finishInstant(f);
    let start = Number.POSITIVE_INFINITY;
    for (let a = 0; a < work.cals.length; a++) {
      const t = inp.cals[work.cals[a]!]!;
      const s = t.startInstant(t.toCoord(at) - spanShare(work.minutes[a]!, share));
      if (s < start) start = s;
    }
    return own.toCoord(start);
  }

  /** Backward pass over every task, in reverse topological order. */
  backwardAll(): void {
    const net = this.net;
    const order = net.order;
    const { summary, parent, succStart, succTask, succSlot, predType, predLagKind, predLag } = net;
    const { cal, flags, ctype, dur, remaining } = this.inputs;
    const { ls, lf, lfBound, lsBound, earliest, finishC } = this;
    // The deadline and elapsed columns are empty when no task needs them (see TaskInputs.gap and Passes.lfAt).
    const plainProject = this.inputs.deadline.length === 0 && this.lfAt.length === 0;
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k]!;
      // Most tasks are ASAP leaves without actuals, elapsed time, mixed calendars or pauses, whose successors are
      // neither begun nor done and share their calendar, linked with lags in working minutes: `backward` reduced to
      // that case, inline. Any other task goes to `backward` itself, which gives the same numbers for these.
      if (!plainProject || summary[i] || flags[i]! & UNUSUAL || ctype[i] !== ASAP) {
        this.backward(i);
        continue;
      }
      const c = cal[i]!;
      const cap = finishC[c]!;
      let late = Number.POSITIVE_INFINITY;
      let lsb = Number.POSITIVE_INFINITY;
      let usual = true;
      const end = succStart[i + 1]!;
      for (let q = succStart[i]!; q < end; q++) {
        const s = succTask[q]!;
        const slot = succSlot[q]!;
        if (flags[s]! & (F_STARTED | F_COMPLETE) || cal[s] !== c || predLagKind[slot] !== LAG_WORK) {
          usual = false;
          break;
        }
        const type = predType[slot]!;
        if (type === FS || type === FF) {
          // The project finish caps each such link's late finish (see `backward`).
          let w = (type === FS ? ls[s]! : lf[s]!) - predLag[slot]!;
          if (w > cap) w = cap;
          if (w < late) late = w;
        } else {
          const w = (type === SS ? ls[s]! : lf[s]!) - predLag[slot]!;
          if (w < lsb) lsb = w;
        }
      }
      const p = parent[i]!;
      if (!usual || (p >= 0 && cal[p] !== c)) {
        this.backward(i);
        continue;
      }
      if (p >= 0) {
        if (lfBound[p]! < late) late = lfBound[p]!;
        if (earliest[p] === i && lsBound[p]! < lsb) lsb = lsBound[p]!;
      }
      if (Number.isFinite(lsb)) late = Math.min(late, cap, lsb + dur[i]!);
      // As in `backward`: anything not finite (no bound, or a NaN from the inputs) falls back alike.
      if (!Number.isFinite(late)) late = this.multipleCriticalPaths ? this.ef1[i]! : cap;
      lf[i] = late;
      ls[i] = late - remaining[i]!;
    }
  }

  /** Computes one task's late dates from its successors, its summary's bounds, its constraint and its deadline. */
  backward(i: number): void {
    const net = this.net;
    const inp = this.inputs;
    const c = inp.cal[i]!;
    const flags = inp.flags[i]!;
    const isSummary = net.summary[i] === 1;
    if (this.lfAt.length !== 0) this.lfAt[i] = Number.NaN;
    if (!isSummary && flags & F_COMPLETE) {
      this.ls[i] = this.es1[i]!;
      this.lf[i] = this.ef1[i]!;
      return;
    }
    const cap = this.finishC[c]!;
    let lf = Number.POSITIVE_INFINITY;
    let lsb = Number.POSITIVE_INFINITY;
    const { succTask, succSlot, predType, predLagKind, predLag, predFanned } = net;
    const { cal, flags: taskFlags } = inp;
    const { ls, lf: lateFinish } = this;
    const end = net.succStart[i + 1]!;
    for (let k = net.succStart[i]!; k < end; k++) {
      const s = succTask[k]!;
      if (taskFlags[s]! & F_COMPLETE) continue;
      const slot = succSlot[k]!;
      const type = predType[slot]!;
      const toStart = type === FS || type === SS;
      let w = !toStart
        ? lateFinish[s]!
        : taskFlags[s]! & F_STARTED && !predFanned[slot]
          ? this.resumeOf(s)
          : ls[s]!;
      const cs = cal[s]!;
      const kind = predLagKind[slot]!;
      if (kind === LAG_ELAPSED) {
        const t = inp.cals[cs]!;
        const lag = predLag[slot]!;
        if (lag !== 0) w = t.toCoord((toStart ? t.startInstant(w) : t.finishInstant(w)) - lag);
      } else {
        w -= kind === LAG_PERCENT ? this.lagMinutes(slot, i, this.es1, this.ef1) : predLag[slot]!;
      }
      if (cs !== c) w = this.conv(cs, c, w, !toStart);
      if (type === FS || type === FF) {
        if (w > cap) w = cap;
        if (w < lf) lf = w;
      } else if (w < lsb) lsb = w;
    }
    const p = net.parent[i]!;
    if (p >= 0) {
      const pc = cal[p]!;
      const plf = pc === c ? this.lfBound[p]! : this.conv(pc, c, this.lfBound[p]!, true);
      if (plf < lf) lf = plf;
      if (this.earliest[p] === i) {
        const pls = pc === c ? this.lsBound[p]! : this.conv(pc, c, this.lsBound[p]!, false);
        if (pls < lsb) lsb = pls;
      }
    }
    if (isSummary) {
      this.earliest[i] = this.earliestChild(i);
      this.lfBound[i] = lf;
      this.lsBound[i] = lsb;
      return;
    }
    const dur = inp.dur[i]!;
    // Without elapsed time, mixed calendars or pauses, a span is one subtraction (see startOf and finishOf).
    const plain = !(flags & (F_ELAPSED | F_MULTI | F_SPLIT));
    // MS Project caps every link's late finish at the project finish, an SS or SF one after adding the duration. A
    // manual task not yet begun takes its late finish from FS and FF successors only: its start follows no link, so
    // SS and SF successors leave it free up to the project finish (the task-links tests saved by Project 2016, 2019).
    const startBound = Number.isFinite(lsb) && !(flags & F_MANUAL && !(flags & F_STARTED));
    if (startBound) lf = Math.min(lf, cap, plain ? lsb + dur : this.finishOf(i, lsb, dur));
    if (!Number.isFinite(lf)) lf = this.multipleCriticalPaths ? this.ef1[i]! : cap;
    const d = inp.cdate[i]!;
    // Whether only the network and the project finish bound the late finish (a date that ties still binds).
    let open = true;
    switch (inp.ctype[i]) {
      case MSO:
        lf = this.finishOf(i, d, dur);
        open = false;
        break;
      case MFO:
        lf = d;
        open = false;
        break;
      case SNLT: {
        const f = this.finishOf(i, d, dur);
        if (f <= lf) {
          lf = f;
          open = false;
        }
        break;
      }
      case FNLT:
        if (d <= lf) {
          lf = d;
          open = false;
        }
        break;
    }
    // The deadline column is empty when no task has one (see TaskInputs.gap).
    const deadline = inp.deadline.length === 0 ? Number.NaN : inp.deadline[i]!;
    if (deadline <= lf) {
      lf = deadline;
      open = false;
    }
    this.lf[i] = lf;
    if (flags & F_ELAPSED && !(flags & F_STARTED) && dur > 0) {
      this.elapsedLate(i, lf, open);
      return;
    }
    if (flags & F_STARTED && !Number.isNaN(inp.actualStart[i]!)) this.ls[i] = this.es1[i]!;
    // A manual task not yet begun keeps the working span between its typed dates (zero on a day off), whatever its
    // Duration field says: MS Project's late start of a task typed onto a weekend is its late finish.
    else if (flags & F_MANUAL && !(flags & F_STARTED)) this.ls[i] = lf - (this.ef1[i]! - this.es1[i]!);
    else {
      const rest = inp.remaining[i]!;
      this.ls[i] = plain ? lf - rest : this.startOf(i, lf, rest);
    }
  }

  /**
   * Where a task already begun resumes its remaining work: its actual start plus the part done. A link straight to
   * such a task holds its predecessor's late dates to this point, not to the actual start, while a link to its summary
   * reads the summary's late start, which the actual start bounds (MS Project; see the README).
   */
  private resumeOf(s: number): number {
    const inp = this.inputs;
    if (inp.flags[s]! & F_MANUAL || Number.isNaN(inp.actualStart[s]!)) return this.ls[s]!;
    const dur = inp.dur[s]!;
    // A milestone marked begun has no work to resume: it holds its predecessors to its late finish.
    if (dur === 0) return this.lf[s]!;
    if (inp.flags[s]! & F_MULTI) return this.assignmentsResume(s);
    return this.finishOf(s, this.es1[s]!, dur - inp.remaining[s]!);
  }

  /**
   * Where the first assignment with work left resumes, each on its own calendar: after its actual start plus the work
   * it has done, at its next work start (a night shift stopped on Saturday resumes on Monday night).
   */
  private assignmentsResume(s: number): number {
    const inp = this.inputs;
    const own = inp.cals[inp.cal[s]!]!;
    const work = inp.assignmentWork.get(s)!;
    const at = own.startInstant(this.es1[s]!);
    let resume = Number.POSITIVE_INFINITY;
    for (let a = 0; a < work.cals.length; a++) {
      const done = work.done[a]!;
      if (done >= work.minutes[a]!) continue;
      const t = inp.cals[work.cals[a]!]!;
      const r = t.startInstant(t.toCoord(at) + done);
      if (r < resume) resume = r;
    }
    return Number.isFinite(resume) ? own.toCoord(resume) : this.lf[s]!;
  }

  /** The early finish instant of an elapsed task: its start plus its duration on the 24-hour clock, even at night. */
  elapsedFinishInstant(i: number): number {
    const t = this.inputs.cals[this.inputs.cal[i]!]!;
    const dur = this.inputs.dur[i]!;
    const f = t.finishInstant(this.ef1[i]!);
    return dur === 0 ? f : Math.max(f, t.startInstant(this.es1[i]!) + dur);
  }

  /**
   * Late dates of an elapsed task not yet begun, on the 24-hour clock (MS Project): bound only by the network and the
   * project finish, it may finish in the non-working time after its late-finish coordinate, up to the next work start
   * and never after the project finish instant; its late start is that instant less its elapsed duration.
   */
  private elapsedLate(i: number, lf: number, open: boolean): void {
    const t = this.inputs.cals[this.inputs.cal[i]!]!;
    let at: number = t.finishInstant(lf);
    if (open) at = Math.max(at, Math.min(t.startInstant(lf), this.finishAt));
    if (this.lfAt.length === 0) this.lfAt = this.make.f64(this.net.n).fill(Number.NaN);
    this.lfAt[i] = at;
    this.ls[i] = t.toCoord(at - this.inputs.dur[i]!);
  }

  /** The active child with the earliest early start: the one a summary's SS/SF successors hold back. */
  earliestChild(p: number): number {
    const net = this.net;
    let best = -1;
    let bestEs = Number.POSITIVE_INFINITY;
    const { childList, active } = net;
    const cal = this.inputs.cal;
    const c = cal[p]!;
    const es1 = this.es1;
    const end = net.childStart[p + 1]!;
    for (let k = net.childStart[p]!; k < end; k++) {
      const ch = childList[k]!;
      if (!active[ch]) continue;
      const e = cal[ch] === c ? es1[ch]! : this.conv(cal[ch]!, c, es1[ch]!, false);
      if (e < bestEs) {
        bestEs = e;
        best = ch;
      }
    }
    return best;
  }
}

/** The part of an assignment's span that `share` of the task's duration takes: whole minutes, unless all of it. */
function spanShare(minutes: number, share: number): number {
  return share === 1 ? minutes : Math.round(minutes * share);
}
