import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { type ChangeAction, type ChangeSubject, changeRecord } from '../shared/change-log';
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

/**
 * `recordChange` and `touchPlan` in one statement, the last of a plan write: the revision's lock is then held for
 * this one round trip and the commit, which is the stretch every concurrent write to the plan queues for.
 * @example const revision = await touchPlanWithChange(tx, task.projectId, [userId, subject, 'update', before, after]);
 */
export async function touchPlanWithChange(
  tx: Transaction,
  projectId: string,
  change: [
    actorId: string,
    subject: ChangeSubject,
    action: ChangeAction,
    before: object | null,
    after: object | null,
  ],
): Promise<number> {
  const { entry, notify } = changeRecord(...change);
  const result = await tx.execute<{ revision: number | null }>(sql`
    with entry as (${entry}),
    plan as (
      update ${projects} set plan_revision = plan_revision + 1 where id = ${projectId} returning plan_revision
    )
    select ${notify}, (select plan_revision from plan) as revision`);
  const revision = result.rows[0]?.revision;
  if (revision === null || revision === undefined) throw notFound('Project', projectId);
  return revision;
}
