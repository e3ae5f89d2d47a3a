import {
  applyProposal,
  type ChangeEdit,
  type ChangeImpact,
  changeImpact,
  compileCalendar,
  type ScheduleProject,
  type ScheduleSuccess,
  scheduleProject,
} from '@tandem/core';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { ApiError } from '../../http/errors';
import { loadPlanInput } from '../schedule/build-input';
import { planCache } from '../schedule/plan-cache';
import { notFound } from '../shared/errors';

/** The plan's engine input at its current revision: the cached one when this process holds it, else read. */
export async function currentPlan(
  db: Queryable,
  projectId: string,
): Promise<{ project: ScheduleProject; revision: number }> {
  const [row] = await db
    .select({ revision: projects.planRevision })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw notFound('Project', projectId);
  const cached = planCache.peek(projectId, row.revision);
  if (cached) return { project: cached, revision: row.revision };
  const input = await loadPlanInput(db, projectId);
  return { project: input.project, revision: input.revision };
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
export function impactOn(plan: ScheduleProject, proposal: readonly ChangeEdit[]): ChangeImpact {
  const whatIf = whatIfPlan(plan, proposal);
  const before = scheduled(plan, 'projectId', 'The plan');
  const after = scheduled(whatIf.project, 'proposal', 'The plan after this change');
  const time = compileCalendar(plan.calendars, plan.calendarId);
  return changeImpact({ project: plan, result: before }, { project: whatIf.project, result: after }, time);
}

/** The impact of a proposal on the project's current plan, and the plan revision it was computed at. */
export async function projectImpact(
  db: Queryable,
  projectId: string,
  proposal: readonly ChangeEdit[],
): Promise<{ impact: ChangeImpact; revision: number }> {
  const { project, revision } = await currentPlan(db, projectId);
  return { impact: impactOn(project, proposal), revision };
}
