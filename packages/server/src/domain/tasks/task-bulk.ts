import { and, eq, inArray, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { assertVersion } from '../../http/version';
import { engineFieldsOfRow } from '../schedule/engine-task';
import { planCache } from '../schedule/plan-cache';
import { touchPlan } from '../schedule/plan-revision';
import { auditCascadedDeletions } from '../shared/audit-many';
import { recordChange } from '../shared/change-log';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { checkTaskFeature } from './task-feature';
import type { TaskChanges } from './task-fields';
import {
  checkFieldPairs,
  checkProjectRules,
  distinctLabels,
  mergedRuleFields,
  ruleFieldsOf,
  rulesOf,
} from './task-rules';
import { checkParent, descendantIds, lockTaskTree, nextPosition } from './task-tree';
import { type TaskView, taskSubject, toTaskView } from './task-view';

type TaskRow = typeof tasks.$inferSelect;

/** Which tasks a bulk write applies to, and optionally the version each is expected at. */
export interface BulkTarget {
  taskIds: string[];
  /** Expected version per task id; a task listed here at another version fails the whole write with 409. */
  versions?: Record<string, number> | undefined;
}

/** Locks the listed tasks, then the project's plan; each must be a task of the project (else 400 naming it). */
async function lockTargets(
  tx: Transaction,
  userId: string,
  projectId: string,
  target: BulkTarget,
  moving: boolean,
): Promise<{ rows: TaskRow[]; revision: number }> {
  const [project] = await tx
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  await policy.assertCanEdit(tx, userId, {
    kind: 'project',
    id: project.id,
    workspaceId: project.workspaceId,
  });
  if (moving) await lockTaskTree(tx, projectId);
  const ids = [...new Set(target.taskIds)];
  const rows = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), inArray(tasks.id, ids)))
    .orderBy(tasks.id)
    .for('update');
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined)
    throw invalid('taskIds', `Task ${missing} is not a task of project ${projectId}`);
  for (const row of rows) {
    const expected = target.versions?.[row.id];
    if (expected !== undefined) assertVersion(`Task ${row.id}`, toTaskView(row), expected);
  }
  // The plan's lock after the rows', the order every plan write takes.
  const revision = await touchPlan(tx, projectId);
  return { rows, revision };
}

/**
 * Applies the same changes to many tasks of a project in one transaction: every task is checked as a single PATCH
 * would be, and one refusal leaves every task as it was.
 */
export async function bulkUpdateTasks(
  db: Database,
  userId: string,
  projectId: string,
  target: BulkTarget,
  changes: TaskChanges,
): Promise<TaskView[]> {
  const written = await writeTransaction(db, async (tx) => {
    const moving = changes.parentId !== undefined;
    const { rows, revision } = await lockTargets(tx, userId, projectId, target, moving);
    const common: Record<string, unknown> = definedOnly(changes);
    if (changes.labels) common.labels = distinctLabels(changes.labels);
    const rules =
      changes.status !== undefined || changes.customFields !== undefined || changes.sprintId
        ? await rulesOf(tx, projectId)
        : undefined;
    if (changes.featureId) await checkTaskFeature(tx, userId, projectId, changes.featureId);
    const updated: TaskRow[] = [];
    const views: TaskView[] = [];
    for (const row of rows) {
      checkFieldPairs(mergedRuleFields(ruleFieldsOf(row), changes));
      const next = { ...common };
      if (rules) Object.assign(next, await checkProjectRules(tx, rules, changes, row.status));
      if (changes.parentId !== undefined && changes.parentId !== row.parentId) {
        if (changes.parentId) await checkParent(tx, projectId, changes.parentId, row.id);
        if (changes.position === undefined)
          next.position = await nextPosition(tx, projectId, changes.parentId);
      }
      const [after] = await tx
        .update(tasks)
        .set({ ...next, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
        .where(eq(tasks.id, row.id))
        .returning();
      if (!after) throw new Error(`task ${row.id} vanished while locked`);
      const view = toTaskView(after);
      await recordChange(tx, userId, taskSubject(after), 'update', toTaskView(row), view);
      updated.push(after);
      views.push(view);
    }
    const structural = changes.parentId !== undefined || changes.position !== undefined;
    planCache.note(projectId, revision, structural ? { structural } : { taskIds: rows.map((row) => row.id) });
    return { views, updated, revision };
  });
  await planCache.advance(db, projectId, written.revision, {
    tasks: written.updated.map((row) => ({ ...engineFieldsOfRow(row), position: row.position })),
  });
  return written.views;
}

/** Deletes many tasks of a project, each with everything below it, in one transaction; returns every removed id. */
export async function bulkDeleteTasks(
  db: Database,
  userId: string,
  projectId: string,
  target: BulkTarget,
): Promise<string[]> {
  return writeTransaction(db, async (tx) => {
    const { rows, revision } = await lockTargets(tx, userId, projectId, target, true);
    const listed = new Set(rows.map((row) => row.id));
    const below = new Set<string>();
    for (const row of rows)
      for (const id of await descendantIds(tx, row.id)) if (!listed.has(id)) below.add(id);
    const cascaded =
      below.size === 0
        ? []
        : await tx
            .select()
            .from(tasks)
            .where(inArray(tasks.id, [...below]))
            .for('update');
    const [workspaceId] = rows.map((row) => row.workspaceId);
    await tx.delete(tasks).where(inArray(tasks.id, [...listed]));
    await auditCascadedDeletions(
      tx,
      userId,
      workspaceId ?? '',
      cascaded.map((task) => ({ entityType: 'task', entityId: task.id, before: toTaskView(task) })),
    );
    for (const row of rows) await recordChange(tx, userId, taskSubject(row), 'delete', toTaskView(row), null);
    planCache.note(projectId, revision, { structural: true });
    return [...listed, ...below];
  });
}
