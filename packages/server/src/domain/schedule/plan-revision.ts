import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { notFound } from '../shared/errors';

/**
 * Marks the project's plan as changed inside the write's transaction: locks the project row (so writes to one plan
 * are serialised), bumps `plan_revision` and returns the new revision. Computed schedules are cached per revision, so
 * every write that can move the schedule must call this before it commits.
 * @example const revision = await touchPlan(tx, task.projectId);
 */
export async function touchPlan(tx: Transaction, projectId: string): Promise<number> {
  // An UPDATE takes the row lock a `select … for update` would, and returns the new revision in the same round trip.
  const [row] = await tx
    .update(projects)
    .set({ planRevision: sql`${projects.planRevision} + 1` })
    .where(eq(projects.id, projectId))
    .returning({ planRevision: projects.planRevision });
  if (!row) throw notFound('Project', projectId);
  return row.planRevision;
}
