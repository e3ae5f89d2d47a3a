import {
  applyProposal,
  type ChangeEdit,
  type ChangeImpact,
  changeImpact,
  compileCalendar,
  type ScheduleProject,
  type ScheduleResult,
  type ScheduleSuccess,
  scheduleProject,
} from '@tandem/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { ApiError } from '../../http/errors';
import { planCache } from '../schedule/plan-cache';
import { notFound } from '../shared/errors';

/** The plan's engine input at its current revision and, when this process holds it, its schedule. */
export async function currentPlan(
  db: Database,
  projectId: string,
): Promise<{ project: ScheduleProject; revision: number; schedule: ScheduleResult | null }> {
  const [row] = await db
    .select({ revision: projects.planRevision })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw notFound('Project', projectId);
  // The plan cache holds the engine state the schedule reads use: its schedule is the "before" at no cost.
  const state = await planCache.state(db, projectId, row.revision);
  return { project: state.scheduler.project, revision: state.revision, schedule: state.scheduler.schedule() };
}

function scheduled(project: ScheduleProject, field: string, what: string): ScheduleSuccess {
  const result = scheduleProject(project);
  if (result.ok) return result;
  if (result.code === 'DEPENDENCY_CYCLE') {
    const names = [...result.cycle.names, result.cycle.names[0] ?? ''];
    throw new ApiError(
      422,
      'dependency_cycle',
      `${what} has a dependency cycle: ${names.join(' → ')}`,
      field,
    );
  }
  throw new ApiError(422, 'VALIDATION_FAILED', `${what} cannot be scheduled: ${result.message}`, field);
}

/** Applies a proposal to a copy of the plan, or answers 422 naming the first edit that does not fit it. */
export function whatIfPlan(plan: ScheduleProject, proposal: readonly ChangeEdit[]) {
  const result = applyProposal(plan, proposal);
  if (!result.ok) {
    const [first] = result.issues;
    throw new ApiError(
      422,
      'PROPOSAL_INVALID',
      first?.message ?? 'The proposal does not fit the plan',
      first?.field ?? 'proposal',
    );
  }
  return result;
}

/**
 * The impact of a proposal on a plan, computed on a what-if copy rescheduled in memory (nothing is written): 422
 * naming the edit when it does not fit the plan or would make a dependency cycle.
 */
export function impactOn(
  plan: ScheduleProject,
  proposal: readonly ChangeEdit[],
  schedule: ScheduleResult | null = null,
): ChangeImpact {
  const whatIf = whatIfPlan(plan, proposal);
  const before = schedule?.ok ? schedule : scheduled(plan, 'projectId', 'The plan');
  const after = scheduled(whatIf.project, 'proposal', 'The plan after this change');
  const time = compileCalendar(plan.calendars, plan.calendarId);
  return changeImpact({ project: plan, result: before }, { project: whatIf.project, result: after }, time);
}

/** The impact of a proposal on the project's current plan, and the plan revision it was computed at. */
export async function projectImpact(
  db: Database,
  projectId: string,
  proposal: readonly ChangeEdit[],
): Promise<{ impact: ChangeImpact; revision: number }> {
  const { project, revision, schedule } = await currentPlan(db, projectId);
  return { impact: impactOn(project, proposal, schedule), revision };
}
