import { eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { notFound } from '../shared/errors';
import { planCache } from './plan-cache';
import type { ScheduleView } from './schedule-view';

async function currentRevision(db: Database, projectId: string) {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId, planRevision: projects.planRevision })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  return project;
}

/**
 * The project's schedule at its current plan revision, with no permission check: for services that build on it
 * (workload, baselines, earned value). Served from the per-revision cache when it can be.
 * @example const { finish, criticalPath } = await computeSchedule(db, projectId);
 */
export async function computeSchedule(db: Database, projectId: string): Promise<ScheduleView> {
  const { planRevision } = await currentRevision(db, projectId);
  return planCache.schedule(db, projectId, planRevision);
}

/** The project of `projectId` at its current revision, when the caller may see it (404 otherwise). */
async function visibleRevision(db: Database, userId: string, projectId: string): Promise<number> {
  const project = await currentRevision(db, projectId);
  await policy.assertCanSee(db, userId, {
    kind: 'project',
    id: project.id,
    workspaceId: project.workspaceId,
  });
  return project.planRevision;
}

/** The schedule of a project the caller may see. */
export async function scheduleOf(db: Database, userId: string, projectId: string): Promise<ScheduleView> {
  return planCache.schedule(db, projectId, await visibleRevision(db, userId, projectId));
}

/** The schedule of a project the caller may see as JSON text (the reply body, written once per revision). */
export async function scheduleJsonOf(db: Database, userId: string, projectId: string): Promise<string> {
  return planCache.scheduleJson(db, projectId, await visibleRevision(db, userId, projectId));
}

/**
 * The schedule of a project the caller may see as a delta since revision `since` (JSON text), or the whole schedule
 * marked `"delta": false` when this process cannot answer one; see `PlanCache.scheduleSince`.
 */
export async function scheduleSinceOf(
  db: Database,
  userId: string,
  projectId: string,
  since: number,
  shape: 'tasks' | 'columns' = 'tasks',
): Promise<string> {
  const revision = await visibleRevision(db, userId, projectId);
  return shape === 'columns'
    ? planCache.scheduleColumnsSince(db, projectId, revision, since)
    : planCache.scheduleSince(db, projectId, revision, since);
}
