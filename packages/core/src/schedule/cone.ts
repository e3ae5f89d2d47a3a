import type { Engine } from './engine';
import { inactiveOutputs, leafOutputs, scheduledTask, summaryOutputs } from './results';
import { ALAP } from './task-inputs';

/**
 * Recomputes only what an edit can reach. `seeds` are the tasks whose own inputs changed. The first forward pass
 * walks the topological order from the first seed and re-evaluates a task only when something it reads changed; the
 * backward pass does the same in reverse (all of it when the project finish moved); the ALAP re-run follows both;
 * outputs are rebuilt for changed tasks, their predecessors (free slack) and their summaries. Every re-evaluation
 * uses the same per-task functions as a full run, so the result equals a full reschedule.
 */
export function recomputeCone(engine: Engine, seeds: readonly number[]): void {
  const { net, passes: ps, inputs } = engine;
  const n = net.n;
  // Bit 1: the task's dates changed. Bit 2: an edited task, which may have changed calendar (a summary made manual
  // drops its resources' calendar): its coordinates can then stay numerically equal while meaning other instants, so
  // its neighbours are re-read whatever it computes.
  const changed = new Uint8Array(n);
  const SEED = 2;
  for (const s of seeds) changed[s] = 1 | SEED;

  // First forward pass.
  const dirty = new Uint8Array(n);
  let pending = 0;
  const mark = (t: number) => {
    if (!dirty[t] && net.active[t]) {
      dirty[t] = 1;
      pending++;
    }
  };
  let from = n;
  for (const s of seeds) {
    mark(s);
    if (net.position[s]! >= 0) from = Math.min(from, net.position[s]!);
  }
  const changedF1: number[] = [];
  for (let k = from; k < net.order.length && pending > 0; k++) {
    const t = net.order[k]!;
    if (!dirty[t]) continue;
    dirty[t] = 0;
    pending--;
    const es = ps.es1[t]!;
    const ef = ps.ef1[t]!;
    const like = ps.finishLike[t]!;
    ps.forward(t, ps.es1, ps.ef1, false);
    if (es !== ps.es1[t] || ef !== ps.ef1[t] || like !== ps.finishLike[t] || changed[t]) {
      changed[t]! |= 1;
      changedF1.push(t);
      for (let j = net.succStart[t]!; j < net.succStart[t + 1]!; j++) mark(net.succTask[j]!);
      if (net.parent[t]! >= 0) mark(net.parent[t]!);
    }
  }
  pending = 0;
  dirty.fill(0);

  // Backward pass: the whole of it when the project finish moved.
  const finish = engine.latestEarlyFinish();
  const changedB: number[] = [];
  if (finish !== engine.finishInstant) {
    const ls = ps.ls.slice();
    const lf = ps.lf.slice();
    const lfAt = inputs.hasElapsed ? ps.lfAt.slice() : undefined;
    engine.finishInstant = finish;
    ps.setFinish(finish);
    ps.backwardAll();
    // An elapsed task's late finish instant can move within one coordinate (the project finish moved at night).
    const same = (a: number | undefined, b: number | undefined) =>
      a === b || (Number.isNaN(a ?? Number.NaN) && Number.isNaN(b ?? Number.NaN));
    for (const t of net.order) {
      if (ls[t] !== ps.ls[t] || lf[t] !== ps.lf[t] || (lfAt && !same(lfAt[t], ps.lfAt[t]))) {
        changed[t]! |= 1;
        changedB.push(t);
      }
    }
  } else {
    let to = -1;
    const seedB = (t: number) => {
      mark(t);
      if (net.position[t]! > to) to = net.position[t]!;
    };
    for (const t of changedF1) {
      seedB(t);
      if (net.parent[t]! >= 0) seedB(net.parent[t]!);
    }
    for (const s of seeds) if (net.active[s]) seedB(s);
    for (let k = to; k >= 0 && pending > 0; k--) {
      const t = net.order[k]!;
      if (!dirty[t]) continue;
      dirty[t] = 0;
      pending--;
      const ls = ps.ls[t]!;
      const lf = ps.lf[t]!;
      const lfb = ps.lfBound[t]!;
      const lsb = ps.lsBound[t]!;
      const early = ps.earliest[t]!;
      ps.backward(t);
      if (ls !== ps.ls[t] || lf !== ps.lf[t] || changed[t]! & SEED) {
        changed[t]! |= 1;
        changedB.push(t);
        for (let j = net.predStart[t]!; j < net.predStart[t + 1]!; j++) mark(net.predTask[j]!);
      }
      const bounds = lfb !== ps.lfBound[t] || lsb !== ps.lsBound[t] || early !== ps.earliest[t];
      if (net.summary[t] && (bounds || changed[t]! & SEED)) {
        changed[t]! |= 1;
        for (let j = net.predStart[t]!; j < net.predStart[t + 1]!; j++) mark(net.predTask[j]!);
        for (let j = net.childStart[t]!; j < net.childStart[t + 1]!; j++) mark(net.childList[j]!);
      }
    }
    pending = 0;
    dirty.fill(0);
  }

  // Second forward pass (ALAP), or the first pass's dates copied over.
  if (!inputs.hasAlap && engine.secondPass) {
    // The last ALAP task is gone: every early date falls back to the first pass.
    for (let t = 0; t < n; t++) {
      if (ps.es[t] !== ps.es1[t] || ps.ef[t] !== ps.ef1[t]) changed[t]! |= 1;
    }
    ps.es.set(ps.es1);
    ps.ef.set(ps.ef1);
  } else if (!inputs.hasAlap) {
    for (const t of changedF1) {
      ps.es[t] = ps.es1[t]!;
      ps.ef[t] = ps.ef1[t]!;
    }
  } else {
    from = n;
    const seedF = (t: number) => {
      if (!net.active[t]) return;
      mark(t);
      from = Math.min(from, net.position[t]!);
    };
    for (const s of seeds) seedF(s);
    for (const t of changedB) {
      if (inputs.ctype[t] !== ALAP) continue;
      for (let j = net.succStart[t]!; j < net.succStart[t + 1]!; j++) seedF(net.succTask[j]!);
      if (net.parent[t]! >= 0) seedF(net.parent[t]!);
    }
    for (let k = from; k < net.order.length && pending > 0; k++) {
      const t = net.order[k]!;
      if (!dirty[t]) continue;
      dirty[t] = 0;
      pending--;
      const es = ps.es[t]!;
      const ef = ps.ef[t]!;
      ps.forward(t, ps.es, ps.ef, true);
      if (es !== ps.es[t] || ef !== ps.ef[t] || changed[t]) {
        changed[t]! |= 1;
        for (let j = net.succStart[t]!; j < net.succStart[t + 1]!; j++) mark(net.succTask[j]!);
        if (net.parent[t]! >= 0) mark(net.parent[t]!);
      }
    }
  }

  engine.secondPass = inputs.hasAlap;

  // Outputs: changed tasks, their predecessors (free slack reads successors) and every summary above them.
  const redo = new Uint8Array(n);
  let lo = n;
  const touch = (t: number) => {
    for (let u = t; u >= 0 && !redo[u]; u = net.parent[u]!) {
      redo[u] = 1;
      const p = net.position[u]!;
      if (p >= 0 && p < lo) lo = p;
    }
  };
  for (let t = 0; t < n; t++) {
    if (!changed[t]) continue;
    touch(t);
    for (let j = net.predStart[t]!; j < net.predStart[t + 1]!; j++) touch(net.predTask[j]!);
  }
  const { out } = engine;
  const limit = engine.project.criticalSlackLimit;
  for (const s of seeds) {
    if (net.active[s]) continue;
    inactiveOutputs(ps, out, s);
    engine.objects[s] = scheduledTask(ps, out, s);
  }
  for (let k = lo; k < net.order.length; k++) {
    const t = net.order[k]!;
    if (!redo[t]) continue;
    if (net.summary[t]) summaryOutputs(ps, out, t);
    else leafOutputs(ps, out, t, limit);
    engine.objects[t] = scheduledTask(ps, out, t);
  }
}
