import {
  allocateBudget,
  burnHealth,
  cumulativeAt,
  type EacMethod,
  type EvmHealth,
  earnedValueAt,
  earnedValueIndicators,
  formatInstant,
  type Instant,
  indexHealth,
  type ProgressedTask,
  parseInstant,
  sCurve,
  tcpiHealth,
  weeklyPoints,
} from '@tandem/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { BaselineTask } from '../../db/schema/baselines';
import type { StoredCalendarSettings } from '../schedule/project-calendars';
import { notFound } from '../shared/errors';
import { type ActualCosts, actualCosts } from './actual-costs';
import { type PlanFacts, planFacts } from './plan-facts';

/** One weekly point of the S-curve, cents; EV and AC are null after the status date. */
export interface SCurvePointView {
  /** `YYYY-MM-DD`. */
  date: string;
  pv: number;
  ev: number | null;
  ac: number | null;
}

/** Earned value of a project at its status date: amounts in cents, indices as ratios, null where undefined. */
export interface ProjectEvm {
  /** `YYYY-MM-DD`: the project's status date, or today when it has none. */
  statusDate: string;
  /** Whether `statusDate` is the project's own or today's. */
  statusDateSource: 'project' | 'today';
  /** Where the budget comes from: the project's budget lines, or (with none) the plan's cost. */
  budgetSource: 'lines' | 'plan';
  /** The baseline PV is measured against (the newest), or null when the current schedule stands in for one. */
  baseline: { id: string; name: string } | null;
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  eac: { typical: number | null; atypical: number; combined: number | null; bottomUp: number | null };
  /** The EAC method `etc`, `vac` and `tcpi.toEac` follow. */
  method: EacMethod;
  etc: number | null;
  /** Bottom-up estimate to complete: the remaining planned cost of the unfinished work. */
  etcBottomUp: number;
  vac: number | null;
  tcpi: { toBac: number | null; toEac: number | null };
  percentComplete: number | null;
  percentSpent: number | null;
  /** The plan's cost from assignments, resource rates and fixed costs. */
  plannedCost: number;
  actual: {
    labour: number;
    expenses: { labour: number; materials: number; other: number };
    unpricedMinutes: number;
  };
  health: { cpi: EvmHealth; spi: EvmHealth; tcpi: EvmHealth; burn: EvmHealth };
  curve: SCurvePointView[];
}

interface ProjectStamp extends Record<string, unknown> {
  workspaceId: string;
  statusDate: string | null;
  planRevision: number;
  calendar: StoredCalendarSettings;
  today: string;
  baselineId: string | null;
  baselineName: string | null;
  baselineVersion: number | null;
  budgetStamp: string;
  expenseStamp: string;
  rateStamp: string;
}

/** What depends only on the plan, the baseline, the budget lines and the status date: kept per those. */
interface EvmPlan {
  key: string;
  plan: PlanFacts;
  tasks: ProgressedTask[];
  bac: number;
  pv: number;
  ev: number;
  etcBottomUp: number;
  plannedCost: number;
  budgetSource: 'lines' | 'plan';
  statusAt: Instant;
  points: Instant[];
  pvCurve: number[];
  evCurve: (number | null)[];
}

const kept = new Map<string, EvmPlan>();
const limit = 16;

const endOfDay = (day: string) => (parseInstant(day) + 1440) as Instant;
const dayText = (t: Instant) => formatInstant(t).slice(0, 10);

/** The project's state that decides whether a cached computation still holds, in one statement. */
async function stampOf(db: Database, projectId: string): Promise<ProjectStamp> {
  const { rows } = await db.execute<ProjectStamp>(sql`
    select p.workspace_id as "workspaceId", p.status_date::text as "statusDate", p.plan_revision as "planRevision",
           p.calendar, current_date::text as today, b.id as "baselineId", b.name as "baselineName",
           b.version as "baselineVersion",
           (select coalesce(string_agg(l.id || ':' || l.version, ',' order by l.id), '')
              from budget_lines l where l.project_id = p.id) as "budgetStamp",
           (select count(*) || ':' || coalesce(max(e.updated_at)::text, '') || ':' || coalesce(sum(e.amount_cents), 0)
              from expenses e where e.project_id = p.id) as "expenseStamp",
           (select count(*) || ':' || coalesce(max(r.updated_at)::text, '')
              from resources r where r.workspace_id = p.workspace_id) as "rateStamp"
    from projects p
    left join lateral (
      select id, name, version from baselines where project_id = p.id order by created_at desc, id desc limit 1
    ) b on true
    where p.id = ${projectId}`);
  const [row] = rows;
  if (!row) throw notFound('Project', projectId);
  return row;
}

// A baseline is written once and read at every plan revision: its parsed tasks are kept by id and version.
let keptBaseline: { key: string; tasks: Record<string, BaselineTask> } | undefined;

async function baselineTasks(db: Database, stamp: ProjectStamp): Promise<Record<string, BaselineTask>> {
  if (!stamp.baselineId) return {};
  const key = `${stamp.baselineId}:${stamp.baselineVersion}`;
  if (keptBaseline?.key === key) return keptBaseline.tasks;
  const { rows } = await db.execute<{ tasks: Record<string, BaselineTask> } & Record<string, unknown>>(
    sql`select tasks from baselines where id = ${stamp.baselineId}`,
  );
  const tasks = rows[0]?.tasks ?? {};
  keptBaseline = { key, tasks };
  return tasks;
}

async function buildPlan(
  db: Database,
  projectId: string,
  stamp: ProjectStamp,
  key: string,
): Promise<EvmPlan> {
  const plan = await planFacts(db, projectId, stamp.planRevision, stamp.calendar);
  const statusDay = stamp.statusDate ?? stamp.today;
  const statusAt = endOfDay(statusDay);
  const baseline = await baselineTasks(db, stamp);
  const lines = (
    await db.execute<{ taskId: string | null; category: 'labour' | 'materials' | 'other'; amount: string }>(
      sql`select task_id as "taskId", category, amount_cents as amount from budget_lines where project_id = ${projectId}`,
    )
  ).rows.map((row) => ({ taskId: row.taskId, category: row.category, amount: Number(row.amount) }));
  const leaves = plan.schedule.tasks.filter((task) => !task.summary);
  // A task's planned cost is its baselined cost when a baseline holds it: the performance measurement baseline.
  const plannedOf = (id: string, current: number) => baseline[id]?.costCents ?? current;
  const budgetSource = lines.length > 0 ? 'lines' : 'plan';
  let budgets: Map<string, number>;
  if (budgetSource === 'lines') {
    const allocation = allocateBudget(
      plan.schedule.tasks.map((task) => ({
        id: task.id,
        parentId: plan.facts.get(task.id)?.parentId ?? null,
        plannedCost: plannedOf(task.id, task.costCents),
        durationMinutes: task.durationMinutes,
      })),
      lines,
    );
    budgets = allocation.perLeaf;
  } else {
    budgets = new Map(leaves.map((task) => [task.id, plannedOf(task.id, task.costCents)]));
  }
  let etcBottomUp = 0;
  let plannedCost = 0;
  const tasks: ProgressedTask[] = leaves.map((task) => {
    const saved = baseline[task.id];
    const facts = plan.facts.get(task.id);
    const budget = budgets.get(task.id) ?? 0;
    const remaining = 1 - Math.min(100, Math.max(0, task.percentComplete)) / 100;
    // The plan's own estimate of what is left; a task the plan gives no cost keeps its budget as the estimate.
    etcBottomUp += (task.costCents > 0 ? task.costCents : budget) * remaining;
    plannedCost += task.costCents;
    const start = parseInstant(saved?.start ?? task.start);
    const finish = parseInstant(saved?.finish ?? task.finish);
    const progressStart = parseInstant(facts?.actualStart ?? task.start);
    const progressFinish = facts?.actualFinish
      ? parseInstant(facts.actualFinish)
      : (Math.max(progressStart, Math.min(statusAt, parseInstant(task.finish))) as Instant);
    return {
      baselineStart: start,
      baselineFinish: finish,
      budget,
      accrual: 'prorated',
      percentComplete: task.percentComplete,
      actualCost: 0,
      progressStart,
      progressFinish: progressFinish < progressStart ? progressStart : progressFinish,
    };
  });
  const measured = earnedValueAt(tasks, statusAt, plan.time);
  let first = parseInstant(plan.schedule.start);
  let last = parseInstant(plan.schedule.finish);
  for (const task of tasks) {
    if (task.baselineStart < first) first = task.baselineStart;
    if (task.baselineFinish > last) last = task.baselineFinish;
  }
  const points = weeklyPoints(first, last > statusAt ? last : statusAt, statusAt);
  const curve = sCurve(tasks, [], points, statusAt, plan.time);
  return {
    key,
    plan,
    tasks,
    // The lines' own total, not the sum of the leaves' shares, which rounding in the spread could move by a fraction.
    bac: budgetSource === 'lines' ? lines.reduce((sum, line) => sum + line.amount, 0) : measured.bac,
    pv: measured.pv,
    ev: measured.ev,
    etcBottomUp,
    plannedCost,
    budgetSource,
    statusAt,
    points,
    pvCurve: curve.map((point) => point.pv),
    evCurve: curve.map((point) => point.ev),
  };
}

async function evmPlan(db: Database, projectId: string, stamp: ProjectStamp): Promise<EvmPlan> {
  const key = [
    stamp.planRevision,
    stamp.statusDate ?? `today ${stamp.today}`,
    `${stamp.baselineId}:${stamp.baselineVersion}`,
    stamp.budgetStamp,
  ].join('|');
  const cached = kept.get(projectId);
  if (cached?.key === key) {
    kept.delete(projectId);
    kept.set(projectId, cached);
    return cached;
  }
  const built = await buildPlan(db, projectId, stamp, key);
  kept.delete(projectId);
  kept.set(projectId, built);
  while (kept.size > limit) {
    const oldest = kept.keys().next().value;
    if (oldest === undefined) break;
    kept.delete(oldest);
  }
  return built;
}

const keptActuals = new Map<string, { key: string; actual: ActualCosts }>();

/**
 * The actual costs, aggregated again only when they can have changed: every time entry write bumps the plan revision
 * (the schedule counts actual work), and expenses and rates have stamps of their own.
 */
async function actualCostsOf(
  db: Database,
  projectId: string,
  stamp: ProjectStamp,
  statusDay: string,
): Promise<ActualCosts> {
  const key = [stamp.planRevision, statusDay, stamp.expenseStamp, stamp.rateStamp].join('|');
  const cached = keptActuals.get(projectId);
  if (cached?.key === key) return cached.actual;
  const actual = await actualCosts(db, projectId, statusDay);
  keptActuals.delete(projectId);
  keptActuals.set(projectId, { key, actual });
  while (keptActuals.size > limit) {
    const oldest = keptActuals.keys().next().value;
    if (oldest === undefined) break;
    keptActuals.delete(oldest);
  }
  return actual;
}

const cents = (value: number) => Math.round(value);
const centsOrNull = (value: number | null) => (value === null ? null : Math.round(value));

/**
 * Earned value of a project at its status date (today when it has none), with no permission check: for the cost
 * view, the dashboard and status reports. PV is measured against the newest baseline (the current schedule when there
 * is none); the budget is the project's budget lines spread over the WBS (the plan's cost when it has none); AC is time
 * at the person's rate plus expenses, up to the status date. The plan-dependent part is cached per plan revision,
 * baseline, budget and status date; the actual cost per plan revision, expenses and rates.
 * @example const { cpi, spi, eac } = await projectEvm(db, projectId);
 */
export async function projectEvm(
  db: Database,
  projectId: string,
  method: EacMethod = 'typical',
): Promise<ProjectEvm> {
  return (await projectEvmWithPlan(db, projectId, method)).evm;
}

/** Earned value and the plan facts it was computed from, read with one stamp (the dashboard needs both). */
export async function projectEvmWithPlan(
  db: Database,
  projectId: string,
  method: EacMethod = 'typical',
): Promise<{ evm: ProjectEvm; plan: PlanFacts }> {
  const stamp = await stampOf(db, projectId);
  const plan = await evmPlan(db, projectId, stamp);
  const statusDay = dayText((plan.statusAt - 1440) as Instant);
  const actual = await actualCostsOf(db, projectId, stamp, statusDay);
  const ac = actual.perDay.reduce((sum, day) => sum + day.cents, 0);
  const indicators = earnedValueIndicators(
    { bac: plan.bac, pv: plan.pv, ev: plan.ev, ac },
    { etcBottomUp: plan.etcBottomUp, method },
  );
  const spent = cumulativeAt(
    actual.perDay.map((day) => ({ at: endOfDay(day.day), amount: day.cents })),
    plan.points,
  );
  const evm: ProjectEvm = {
    statusDate: statusDay,
    statusDateSource: stamp.statusDate ? 'project' : 'today',
    budgetSource: plan.budgetSource,
    baseline:
      stamp.baselineId && stamp.baselineName !== null
        ? { id: stamp.baselineId, name: stamp.baselineName }
        : null,
    bac: cents(indicators.bac),
    pv: cents(indicators.pv),
    ev: cents(indicators.ev),
    ac: cents(ac),
    sv: cents(indicators.sv),
    cv: cents(indicators.cv),
    spi: indicators.spi,
    cpi: indicators.cpi,
    eac: {
      typical: centsOrNull(indicators.eac.typical),
      atypical: cents(indicators.eac.atypical),
      combined: centsOrNull(indicators.eac.combined),
      bottomUp: centsOrNull(indicators.eac.bottomUp),
    },
    method,
    etc: centsOrNull(indicators.etc),
    etcBottomUp: cents(plan.etcBottomUp),
    vac: centsOrNull(indicators.vac),
    tcpi: indicators.tcpi,
    percentComplete: indicators.percentComplete,
    percentSpent: indicators.percentSpent,
    plannedCost: cents(plan.plannedCost),
    actual: {
      labour: actual.labourCents,
      expenses: actual.expensesByCategory,
      unpricedMinutes: actual.unpricedMinutes,
    },
    health: {
      cpi: indexHealth(indicators.cpi),
      spi: indexHealth(indicators.spi),
      tcpi: tcpiHealth(indicators.tcpi.toBac),
      burn: burnHealth(indicators.percentSpent, indicators.percentComplete),
    },
    curve: plan.points.map((at, i) => ({
      date: dayText((at - 1) as Instant),
      pv: cents(plan.pvCurve[i] as number),
      ev: plan.evCurve[i] === null ? null : cents(plan.evCurve[i] as number),
      ac: at <= plan.statusAt ? cents(spent[i] as number) : null,
    })),
  };
  return { evm, plan: plan.plan };
}
