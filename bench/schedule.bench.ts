/**
 * Scheduling engine benchmark. For each size it generates a seeded network (about 1.5 links per task of all four
 * types with lags, a project calendar with holidays, 10% of tasks constrained, a summary every 10 tasks) and prints:
 *
 *   schedule N tasks: full X ms, incremental Y ms, baseline Z ms, rss W MB
 *
 * full: `scheduleProject` from plain data to result objects (median of several runs on small sizes).
 * incremental: median over 100 random single-task duration changes (`updateTask` then `schedule()`).
 * baseline: a bare integer CPM over the same network in the same run — id index, CSR adjacency, Kahn order, forward
 * and backward passes with every link taken as FS and no calendar, all in typed arrays — the floor to compare with.
 *
 * rss: the process's peak resident memory after the size has run (sizes run in ascending order).
 *
 * Both are timed warm and as medians of the same number of runs (101 at 1k, 31 at 10k, 5 at 100k). Until 2026-11-24
 * the baseline ran cold and only 3-7 times, which took it to 0.55-0.98 ms at 1k and 1.7-2.0 ms at 10k and made the
 * ratio look like 2.5-4.7; warm, the same machine gives (load 1-2) full 0.76 / baseline 0.11 ms at 1k (6.9x),
 * 9.45 / 1.35 ms at 10k (7.0x), 119 / 27 ms at 100k (4.4x).
 *
 * Usage: npm run bench:schedule [-- --sizes 1000,10000]
 */
import { performance } from 'node:perf_hooks';
import {
  type Calendar,
  type CalendarException,
  calendarId,
  dayNumber,
  instantFromCivil,
  standardCalendar,
} from '../packages/core/src/calendar/index';
import {
  type ConstraintType,
  createScheduler,
  type Link,
  type LinkType,
  type ScheduleProject,
  type ScheduleTask,
  scheduleProject,
  taskId,
} from '../packages/core/src/index';
import { seededRandom } from './seeded-random';

const start = instantFromCivil(2026, 1, 5, 8, 0);
const startDay = Math.floor(start / 1440);

function projectCalendar(): Calendar {
  // Ten public holidays a year over twenty years.
  const holidays: CalendarException[] = [];
  const offsets = [0, 45, 88, 120, 150, 185, 220, 270, 330, 355];
  for (let y = 0; y < 20; y++) {
    for (const o of offsets) {
      const d = dayNumber(startDay + y * 365 + o);
      holidays.push({ name: 'holiday', fromDay: d, toDay: d, intervals: [] });
    }
  }
  return { ...standardCalendar, id: calendarId('project'), exceptions: holidays };
}

const linkTypes: LinkType[] = ['FS', 'FS', 'FS', 'FS', 'FS', 'FS', 'FS', 'SS', 'FF', 'SF'];
const constraintTypes: ConstraintType[] = ['snet', 'snet', 'fnet', 'snlt', 'fnlt', 'mso', 'mfo', 'alap'];

function generate(n: number, seed: number): ScheduleProject {
  const rnd = seededRandom(seed);
  const cal = projectCalendar();
  const tasks: ScheduleTask[] = [];
  const links: Link[] = [];
  // Predecessors come from a window behind each task, so the network is about 200 tasks deep at every size.
  const window = Math.max(20, Math.floor(n / 100));
  let summary = '';
  for (let i = 0; i < n; i++) {
    const id = taskId(String(i));
    const isSummary = i % 10 === 0;
    const base: ScheduleTask = {
      id,
      name: `Task ${i}`,
      durationMinutes: isSummary ? 0 : 480 * (1 + Math.floor(rnd() * 5)),
      durationUnit: 'days',
      elapsed: false,
      estimated: false,
      isMilestone: false,
      manual: false,
      active: true,
      type: 'fixedUnits',
      effortDriven: false,
      constraint: { type: 'asap' },
      ignoreResourceCalendar: false,
      percentComplete: 0,
      ...(isSummary || summary === '' ? {} : { parentId: taskId(summary) }),
    };
    if (isSummary) {
      summary = id;
      tasks.push(base);
      continue;
    }
    const constrained = rnd() < 0.1;
    const type = constraintTypes[Math.floor(rnd() * constraintTypes.length)]!;
    const date = start + Math.floor(rnd() * 400) * 1440;
    tasks.push(
      constrained
        ? { ...base, constraint: type === 'alap' ? { type } : { type, date: date as never } }
        : base,
    );
    if (i < 2) continue;
    const count = rnd() < 0.5 ? 1 : 2;
    for (let c = 0; c < count; c++) {
      let p = i - 1 - Math.floor(rnd() * Math.min(i - 1, window));
      if (p % 10 === 0) p = p + 1 < i ? p + 1 : p - 1;
      if (p < 1 || p === i || links.at(-1)?.predecessorId === String(p)) continue;
      const lag = rnd() < 0.5 ? 0 : Math.floor(rnd() * 24 - 8) * 60;
      links.push({
        predecessorId: taskId(String(p)),
        successorId: id,
        type: linkTypes[Math.floor(rnd() * linkTypes.length)]!,
        lag: { minutes: lag },
      });
    }
  }
  return {
    startDate: start,
    scheduleFrom: 'start',
    calendarId: cal.id,
    calendars: [cal],
    units: { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 },
    honorConstraintDates: true,
    criticalSlackLimit: 0 as never,
    tasks,
    links,
    resources: [],
    assignments: [],
  };
}

/** Bare integer CPM: FS only, no calendars, typed arrays; returns the project length to keep the work observable. */
function bareCpm(project: ScheduleProject): number {
  const n = project.tasks.length;
  // The same id index the engine uses (a null-prototype object), so the comparison is like for like.
  const index: Record<string, number> = Object.create(null);
  const dur = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    index[project.tasks[i]!.id] = i;
    dur[i] = project.tasks[i]!.durationMinutes;
  }
  const m = project.links.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const lag = new Int32Array(m);
  const outCount = new Int32Array(n + 1);
  const indegree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    const l = project.links[e]!;
    from[e] = index[l.predecessorId]!;
    to[e] = index[l.successorId]!;
    lag[e] = 'minutes' in l.lag ? l.lag.minutes : 0;
    outCount[from[e]! + 1]!++;
    indegree[to[e]!]!++;
  }
  for (let i = 0; i < n; i++) outCount[i + 1]! += outCount[i]!;
  const succ = new Int32Array(m);
  const succLag = new Int32Array(m);
  const fill = outCount.slice(0, n);
  for (let e = 0; e < m; e++) {
    const k = fill[from[e]!]!++;
    succ[k] = to[e]!;
    succLag[k] = lag[e]!;
  }
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const t = order[head]!;
    for (let k = outCount[t]!; k < outCount[t + 1]!; k++)
      if (--indegree[succ[k]!]! === 0) order[tail++] = succ[k]!;
  }
  const es = new Int32Array(n);
  const ef = new Int32Array(n);
  let finish = 0;
  for (let h = 0; h < n; h++) {
    const t = order[h]!;
    ef[t] = es[t]! + dur[t]!;
    if (ef[t]! > finish) finish = ef[t]!;
    for (let k = outCount[t]!; k < outCount[t + 1]!; k++) {
      const s = succ[k]!;
      const c = ef[t]! + succLag[k]!;
      if (c > es[s]!) es[s] = c;
    }
  }
  const lf = new Int32Array(n).fill(finish);
  const slack = new Int32Array(n);
  for (let h = n - 1; h >= 0; h--) {
    const t = order[h]!;
    let f = finish;
    for (let k = outCount[t]!; k < outCount[t + 1]!; k++) {
      const c = lf[succ[k]!]! - dur[succ[k]!]! - succLag[k]!;
      if (c < f) f = c;
    }
    lf[t] = f;
    slack[t] = f - ef[t]!;
  }
  return finish + slack[0]!;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function bench(n: number): string {
  const project = generate(n, 7 + n);
  // Enough runs for a steady median where a run is short; both the engine and the baseline take the same number.
  const runs = n <= 1_000 ? 101 : n <= 10_000 ? 31 : n <= 100_000 ? 5 : 1;
  let sink = 0;
  // Warm the JIT on a small network first, so every size is timed on optimised code: the engine and the baseline
  // alike (a baseline timed cold would flatter the engine's ratio to it).
  const warm = generate(2_000, 1);
  for (let w = 0; w < 5; w++) sink += scheduleProject(warm).ok ? 1 : 0;
  for (let w = 0; w < 20; w++) sink += bareCpm(warm);
  const full = time(() => {
    const r = scheduleProject(project);
    if (!r.ok) throw new Error(`generated network failed to schedule: ${r.code}`);
    sink += r.tasks.length;
  }, runs);
  const baseline = time(
    () => {
      sink += bareCpm(project);
    },
    Math.max(3, runs),
  );

  const scheduler = createScheduler(project);
  scheduler.schedule();
  const rnd = seededRandom(n);
  const samples: number[] = [];
  for (let k = 0; k < 100; k++) {
    let i = Math.floor(rnd() * n);
    if (i % 10 === 0) i++;
    const id = project.tasks[Math.min(i, n - 1)]!.id;
    const minutes = 480 * (1 + Math.floor(rnd() * 5));
    const t0 = performance.now();
    scheduler.updateTask(id, { durationMinutes: minutes });
    const r = scheduler.schedule();
    samples.push(performance.now() - t0);
    sink += r.ok ? 1 : 0;
  }
  // Peak resident memory of the process so far (sizes run in ascending order, so it is this size's peak).
  const rss = process.resourceUsage().maxRSS / 1024;
  if (sink < 0) console.log(sink);
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  return `schedule ${n} tasks: full ${f(full)} ms, incremental ${f(median(samples))} ms, baseline ${f(baseline)} ms, rss ${rss.toFixed(0)} MB`;
}

const arg = process.argv.indexOf('--sizes');
const sizes =
  arg >= 0
    ? process.argv[arg + 1]!.split(',').map((s) => Number(s.trim()))
    : [1_000, 10_000, 100_000, 1_000_000];
for (const n of sizes) {
  if (!Number.isInteger(n) || n < 10) throw new Error(`--sizes takes whole numbers of at least 10, got ${n}`);
  console.log(bench(n));
}
