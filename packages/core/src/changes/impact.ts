import { formatInstant } from '../calendar/day-number';
import type { Instant } from '../calendar/model';
import type { WorkingTime } from '../calendar/working-time';
import type { ScheduledTask, ScheduleProject, ScheduleSuccess } from '../schedule/model';

/** A date before and after a change, `YYYY-MM-DDTHH:MM`, and how far it moved in working minutes (+ later). */
export interface DateShift {
  before: string | null;
  after: string | null;
  /** Working minutes on the project calendar from before to after; null unless both exist. */
  deltaMinutes: number | null;
}

/** A milestone's date before and after. */
export interface MilestoneShift extends DateShift {
  taskId: string;
  name: string;
}

/** An amount before and after. */
export interface AmountChange {
  before: number;
  after: number;
  delta: number;
}

/** A work package (leaf task) the change adds, removes or re-sizes. */
export interface ScopeItem {
  taskId: string;
  name: string;
  durationBefore: number | null;
  durationAfter: number | null;
}

/** A task on a critical path. */
export interface PathTask {
  taskId: string;
  name: string;
}

/** What a change does to a plan: finish, milestones, cost, work, scope and critical path, before and after. */
export interface ChangeImpact {
  finish: DateShift;
  milestones: MilestoneShift[];
  /** Planned cost in cents (resource rates, cost per use, fixed costs). */
  cost: AmountChange;
  /** Planned work in minutes. */
  work: AmountChange;
  /** Which of the two measures the change: cost when the plan has any, else work. */
  costBasis: 'cost' | 'work';
  scope: { added: ScopeItem[]; removed: ScopeItem[]; changed: ScopeItem[] };
  /**
   * The critical path before and after, and the tasks that join or leave it; each list keeps its first
   * {@link pathListLimit} tasks (a plan of equal parallel streams can have thousands), the counts are whole.
   */
  criticalPath: {
    before: PathTask[];
    after: PathTask[];
    joined: PathTask[];
    left: PathTask[];
    counts: { before: number; after: number; joined: number; left: number };
  };
}

/** How many tasks each critical path list of an impact keeps. */
export const pathListLimit = 200;

const text = (t: Instant) => formatInstant(t).slice(0, 16);

function shift(time: WorkingTime, before: Instant | null, after: Instant | null): DateShift {
  return {
    before: before === null ? null : text(before),
    after: after === null ? null : text(after),
    deltaMinutes: before === null || after === null ? null : Math.round(time.workBetween(before, after)),
  };
}

interface Side {
  project: ScheduleProject;
  result: ScheduleSuccess;
}

interface Indexed {
  tasks: Map<string, { input: ScheduleProject['tasks'][number]; out: ScheduledTask }>;
  parents: Set<string>;
}

function index({ project, result }: Side): Indexed {
  const tasks: Indexed['tasks'] = new Map();
  const parents = new Set<string>();
  project.tasks.forEach((input, i) => {
    const out = result.tasks[i];
    if (out) tasks.set(input.id, { input, out });
    if (input.parentId !== undefined) parents.add(input.parentId);
  });
  return { tasks, parents };
}

function totals(side: Indexed): { cost: number; work: number } {
  let cost = 0;
  let work = 0;
  // Summaries roll their children up; counting leaves alone counts every amount once.
  for (const [id, { input, out }] of side.tasks) {
    if (side.parents.has(id) || !input.active) continue;
    cost += out.cost;
    work += out.work;
  }
  return { cost, work };
}

function amount(before: number, after: number): AmountChange {
  return { before, after, delta: after - before };
}

function pathIds(result: ScheduleSuccess): string[] {
  const seen = new Set<string>();
  for (const chain of result.criticalPaths) for (const id of chain) seen.add(id);
  return [...seen];
}

/**
 * Compares a plan's schedule with the schedule of its what-if copy: the project finish and every milestone (dates
 * moved in working minutes on `time`, the project calendar), planned cost and work over the leaf tasks, the work
 * packages added, removed or re-sized, and the critical path before and after.
 * @example changeImpact({ project, result }, { project: whatIf, result: whatIfResult }, workingTime)
 */
export function changeImpact(before: Side, after: Side, time: WorkingTime): ChangeImpact {
  const a = index(before);
  const b = index(after);
  const name = (id: string) => (b.tasks.get(id) ?? a.tasks.get(id))?.input.name ?? id;

  const milestones: MilestoneShift[] = [];
  const milestoneIds = new Set<string>();
  for (const side of [a, b]) {
    for (const [id, { input }] of side.tasks) if (input.isMilestone && input.active) milestoneIds.add(id);
  }
  for (const id of milestoneIds) {
    const was = a.tasks.get(id)?.out.finish ?? null;
    const is = b.tasks.get(id)?.out.finish ?? null;
    milestones.push({ taskId: id, name: name(id), ...shift(time, was, is) });
  }

  const added: ScopeItem[] = [];
  const removed: ScopeItem[] = [];
  const changed: ScopeItem[] = [];
  for (const [id, { input }] of b.tasks) {
    if (b.parents.has(id)) continue;
    const old = a.tasks.get(id);
    if (!old) {
      added.push({
        taskId: id,
        name: input.name,
        durationBefore: null,
        durationAfter: input.durationMinutes,
      });
    } else if (!a.parents.has(id) && old.input.durationMinutes !== input.durationMinutes) {
      changed.push({
        taskId: id,
        name: input.name,
        durationBefore: old.input.durationMinutes,
        durationAfter: input.durationMinutes,
      });
    }
  }
  for (const [id, { input }] of a.tasks) {
    if (a.parents.has(id) || b.tasks.has(id)) continue;
    removed.push({
      taskId: id,
      name: input.name,
      durationBefore: input.durationMinutes,
      durationAfter: null,
    });
  }

  const was = totals(a);
  const is = totals(b);
  const pathBefore = pathIds(before.result);
  const pathAfter = pathIds(after.result);
  const inBefore = new Set(pathBefore);
  const inAfter = new Set(pathAfter);
  const joined = pathAfter.filter((id) => !inBefore.has(id));
  const left = pathBefore.filter((id) => !inAfter.has(id));
  const named = (ids: readonly string[]) =>
    ids.slice(0, pathListLimit).map((id): PathTask => ({ taskId: id, name: name(id) }));
  return {
    finish: shift(time, before.result.finish, after.result.finish),
    milestones,
    cost: amount(was.cost, is.cost),
    work: amount(was.work, is.work),
    costBasis: was.cost > 0 || is.cost > 0 ? 'cost' : 'work',
    scope: { added, removed, changed },
    criticalPath: {
      before: named(pathBefore),
      after: named(pathAfter),
      joined: named(joined),
      left: named(left),
      counts: {
        before: pathBefore.length,
        after: pathAfter.length,
        joined: joined.length,
        left: left.length,
      },
    },
  };
}
