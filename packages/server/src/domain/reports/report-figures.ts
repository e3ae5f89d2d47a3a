import {
  type CostFigures,
  isMilestoneLate,
  type MilestoneFigure,
  type QualityFigures,
  type ReportFigures,
  type RiskFigures,
  type ScheduleFigures,
  type ScopeFigures,
} from '@tandem/core';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { baselines } from '../../db/schema/baselines';
import { changeRequests } from '../../db/schema/changes';
import { deliverables } from '../../db/schema/deliverables';
import { projects } from '../../db/schema/projects';
import { raidItems } from '../../db/schema/raid';
import { risks } from '../../db/schema/risks';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { riskSummary } from '../risks/risk-summary';
import { computeSchedule } from '../schedule/schedule-service';
import { projectCostFigures } from './report-cost';

const wall = (text: string) => text.replace(' ', 'T').slice(0, 16);

async function scheduleFigures(db: Database, projectId: string, asOf: string, spi: number | null) {
  const view = await computeSchedule(db, projectId);
  if (view.cycle) return null;
  const [baseline] = await db
    .select({ name: baselines.name, tasks: baselines.tasks })
    .from(baselines)
    .where(eq(baselines.projectId, projectId))
    .orderBy(desc(baselines.createdAt))
    .limit(1);
  const rows = await db
    .select({ id: tasks.id, name: tasks.name, deadline: tasks.deadline })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), eq(tasks.isMilestone, true)));
  const scheduled = new Map(view.tasks.map((task) => [task.id, task]));
  const milestones: MilestoneFigure[] = [];
  for (const row of rows) {
    const task = scheduled.get(row.id);
    if (!task) continue;
    const target = row.deadline ? wall(row.deadline) : (baseline?.tasks[row.id]?.finish ?? null);
    const figure = { finish: task.finish, target, percentComplete: task.percentComplete };
    milestones.push({ id: row.id, name: row.name, ...figure, late: isMilestoneLate(figure, asOf) });
  }
  milestones.sort((a, b) => a.finish.localeCompare(b.finish) || a.name.localeCompare(b.name));
  const baselineFinishes = baseline ? Object.values(baseline.tasks).map((task) => task.finish) : [];
  const figures: ScheduleFigures = {
    finish: view.tasks.length > 0 ? view.finish : null,
    baselineFinish: baselineFinishes.length > 0 ? baselineFinishes.reduce((a, b) => (a > b ? a : b)) : null,
    baselineName: baseline?.name ?? null,
    spi,
    milestones,
    lateMilestones: milestones.filter((milestone) => milestone.late).length,
  };
  return figures;
}

async function riskFigures(db: Database, projectId: string): Promise<RiskFigures> {
  const [recorded] = await db.select({ n: count() }).from(risks).where(eq(risks.projectId, projectId));
  const summary = await riskSummary(db, projectId);
  return { recorded: recorded?.n ?? 0, ...summary };
}

async function scopeFigures(db: Database, projectId: string): Promise<ScopeFigures> {
  const rows = await db
    .select({ status: changeRequests.status, n: count() })
    .from(changeRequests)
    .where(eq(changeRequests.projectId, projectId))
    .groupBy(changeRequests.status);
  const of = (...statuses: string[]) =>
    rows.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row.n, 0);
  return {
    pendingChanges: of('submitted'),
    approvedChanges: of('approved', 'applied'),
    rejectedChanges: of('rejected'),
  };
}

async function qualityFigures(db: Database, projectId: string): Promise<QualityFigures> {
  const states = await db
    .select({ state: deliverables.state, n: count() })
    .from(deliverables)
    .where(eq(deliverables.projectId, projectId))
    .groupBy(deliverables.state);
  const [issues] = await db
    .select({
      all: count(),
      openHigh: sql<number>`count(*) filter (where ${raidItems.status} in ('open', 'in_progress') and ${raidItems.severity} in ('high', 'critical'))::int`,
    })
    .from(raidItems)
    .where(and(eq(raidItems.projectId, projectId), inArray(raidItems.kind, ['issue'])));
  const of = (state: string) => states.find((row) => row.state === state)?.n ?? 0;
  return {
    recorded: states.reduce((sum, row) => sum + row.n, 0) + (issues?.all ?? 0),
    rejectedDeliverables: of('rejected'),
    acceptedDeliverables: of('accepted'),
    openHighIssues: issues?.openHigh ?? 0,
  };
}

/** Null instead of the 422 of a plan the engine cannot schedule: the report then says "no data" for it. */
async function unlessUnschedulable<T>(figures: Promise<T | null>): Promise<T | null> {
  try {
    return await figures;
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) return null;
    throw error;
  }
}

/**
 * The figures a project's status report shows and rates, measured now at the project's status date (else `today`):
 * the schedule and its milestones, earned value, risks, change requests, deliverables and issues. The caller has
 * authorised the read.
 */
export async function reportFigures(db: Database, projectId: string, today: string): Promise<ReportFigures> {
  const [project] = await db
    .select({ statusDate: projects.statusDate })
    .from(projects)
    .where(eq(projects.id, projectId));
  const asOf = project?.statusDate ?? today;
  const cost: CostFigures | null = await unlessUnschedulable(projectCostFigures(db, projectId));
  // One after the other: `db` may be a transaction, whose single connection must not be sent a query while another runs.
  const schedule = await unlessUnschedulable(scheduleFigures(db, projectId, asOf, cost?.spi ?? null));
  const risk = await riskFigures(db, projectId);
  const scope = await scopeFigures(db, projectId);
  const quality = await qualityFigures(db, projectId);
  return { asOf, schedule, cost, risk, scope, quality };
}
