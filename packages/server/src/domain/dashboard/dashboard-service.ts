import {
  type EvmHealth,
  type Instant,
  type LateReason,
  lateTasks,
  nextMilestones,
  type PlanProgress,
  parseInstant,
  planProgress,
  type StatusTask,
} from '@tandem/core';
import { eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import type { PlanFacts } from '../costs/plan-facts';
import { type ProjectEvm, projectEvmWithPlan } from '../costs/project-evm';
import { type RiskSummary, riskSummary } from '../risks/risk-summary';
import { notFound } from '../shared/errors';

/** A milestone on the dashboard. */
export interface DashboardMilestone {
  taskId: string;
  name: string;
  /** `YYYY-MM-DDTHH:MM`. */
  date: string;
  totalSlackMinutes: number;
  critical: boolean;
  overdue: boolean;
}

/** A late task on the dashboard. */
export interface DashboardLateTask {
  taskId: string;
  name: string;
  finish: string;
  deadline: string | null;
  percentComplete: number;
  reasons: LateReason[];
}

/** One project at a glance: progress, milestones, late work, risks, budget burn and earned value. */
export interface ProjectDashboard {
  project: {
    id: string;
    name: string;
    start: string;
    finish: string;
    statusDate: string;
    planRevision: number;
  };
  progress: PlanProgress;
  milestones: DashboardMilestone[];
  late: { count: number; items: DashboardLateTask[] };
  risks: RiskSummary;
  budget: {
    bac: number;
    ac: number;
    remaining: number;
    percentSpent: number | null;
    percentComplete: number | null;
    health: EvmHealth;
  };
  evm: ProjectEvm;
}

/** What the dashboard computes from the plan alone, kept per plan revision and status date. */
interface PlanPart {
  key: string;
  progress: PlanProgress;
  milestones: DashboardMilestone[];
  late: { count: number; items: DashboardLateTask[] };
}

const kept = new Map<string, PlanPart>();
const lateShown = 10;

function planPart(projectId: string, plan: PlanFacts, statusDate: string): PlanPart {
  const key = `${plan.revision}|${statusDate}`;
  const cached = kept.get(projectId);
  if (cached?.key === key) return cached;
  const statusAt = (parseInstant(statusDate) + 1440) as Instant;
  const tasks: StatusTask[] = plan.schedule.tasks.map((task) => {
    const facts = plan.facts.get(task.id);
    return {
      id: task.id,
      summary: task.summary,
      isMilestone: facts?.isMilestone ?? false,
      start: parseInstant(task.start),
      finish: parseInstant(task.finish),
      deadline: facts?.deadline ? parseInstant(facts.deadline) : null,
      workMinutes: task.workMinutes,
      durationMinutes: task.durationMinutes,
      percentComplete: task.percentComplete,
      totalSlack: task.totalSlack,
      critical: task.critical,
    };
  });
  const byId = new Map(plan.schedule.tasks.map((task) => [task.id, task]));
  const late = lateTasks(tasks, statusAt);
  const part: PlanPart = {
    key,
    progress: planProgress(tasks),
    milestones: nextMilestones(tasks).map((milestone) => ({
      taskId: milestone.id,
      name: plan.facts.get(milestone.id)?.name ?? '',
      date: byId.get(milestone.id)?.finish ?? '',
      totalSlackMinutes: milestone.totalSlack,
      critical: milestone.critical,
      overdue: milestone.finish <= statusAt,
    })),
    late: {
      count: late.length,
      items: late.slice(0, lateShown).map((item) => {
        const task = byId.get(item.id);
        const facts = plan.facts.get(item.id);
        return {
          taskId: item.id,
          name: facts?.name ?? '',
          finish: task?.finish ?? '',
          deadline: facts?.deadline ?? null,
          percentComplete: task?.percentComplete ?? 0,
          reasons: [...item.reasons],
        };
      }),
    },
  };
  kept.delete(projectId);
  kept.set(projectId, part);
  while (kept.size > 16) {
    const oldest = kept.keys().next().value;
    if (oldest === undefined) break;
    kept.delete(oldest);
  }
  return part;
}

/** The dashboard of a project the caller may see (404 otherwise). */
export async function projectDashboard(
  db: Database,
  userId: string,
  projectId: string,
): Promise<ProjectDashboard> {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId, name: projects.name })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  await policy.assertCanSee(db, userId, {
    kind: 'project',
    id: project.id,
    workspaceId: project.workspaceId,
  });
  const [{ evm, plan }, risks] = await Promise.all([
    projectEvmWithPlan(db, projectId),
    riskSummary(db, projectId),
  ]);
  const part = planPart(projectId, plan, evm.statusDate);
  return {
    project: {
      id: project.id,
      name: project.name,
      start: plan.schedule.start,
      finish: plan.schedule.finish,
      statusDate: evm.statusDate,
      planRevision: plan.revision,
    },
    progress: part.progress,
    milestones: part.milestones,
    late: part.late,
    risks,
    budget: {
      bac: evm.bac,
      ac: evm.ac,
      remaining: evm.bac - evm.ac,
      percentSpent: evm.percentSpent,
      percentComplete: evm.percentComplete,
      health: evm.health.burn,
    },
    evm,
  };
}
