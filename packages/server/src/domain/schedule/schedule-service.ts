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
  return (await planCache.schedule(db, projectId, planRevision)).schedule;
}

/** The schedule of a project the caller may see, and its JSON text (the reply body, serialised once per revision). */
export async function scheduleOf(
  db: Database,
  userId: string,
  projectId: string,
): Promise<{ schedule: ScheduleView; json: string }> {
  const project = await currentRevision(db, projectId);
  await policy.assertCanSee(db, userId, {
    kind: 'project',
    id: project.id,
    workspaceId: project.workspaceId,
  });
  return planCache.schedule(db, projectId, project.planRevision);
}
