import { eq } from 'drizzle-orm';
import { type EntityRef, policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { statusReports } from '../../db/schema/reports';
import { notFound } from '../shared/errors';

type StatusReportRow = typeof statusReports.$inferSelect;

/** A project the caller may see, as the policy knows it (404 otherwise). */
export async function visibleProject(db: Queryable, userId: string, projectId: string): Promise<EntityRef> {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  const ref = { kind: 'project' as const, id: project.id, workspaceId: project.workspaceId };
  await policy.assertCanSee(db, userId, ref);
  return ref;
}

/**
 * Whether the caller reads drafts: those who may change the project, except workspace guests. Everyone else who sees
 * the project (viewers, guests given a role on it) sees its published reports only.
 */
export async function readsDrafts(db: Queryable, userId: string, project: EntityRef): Promise<boolean> {
  if ((await policy.workspaceRole(db, userId, project.workspaceId)) === 'guest') return false;
  return policy.canEdit(db, userId, project);
}

/** A report of the project that the caller may read; a draft they may not read is a 404, as a missing report is. */
export async function visibleReport(
  db: Queryable,
  userId: string,
  projectId: string,
  reportId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ row: StatusReportRow; project: EntityRef }> {
  const project = await visibleProject(db, userId, projectId);
  const query = db.select().from(statusReports).where(eq(statusReports.id, reportId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row || row.projectId !== projectId) throw notFound('Status report', reportId);
  if (row.state === 'draft' && !(await readsDrafts(db, userId, project)))
    throw notFound('Status report', reportId);
  return { row, project };
}
