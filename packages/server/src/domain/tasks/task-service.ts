import { and, eq, inArray, isNull } from 'drizzle-orm';
import { entityAllows } from '../../auth/permissions';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { engineFieldsOfRow } from '../schedule/engine-task';
import { planCache } from '../schedule/plan-cache';
import { commitPlanChange, touchPlan } from '../schedule/plan-revision';
import { planWriteTransaction } from '../schedule/plan-write';
import { auditCascadedDeletions } from '../shared/audit-many';
import { recordChange } from '../shared/change-log';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { containsText } from '../shared/text-search';
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
import { taskWithAccess, updateTaskAt } from './task-statements';
import { checkParent, descendantIds, lockTaskTree, nextPosition } from './task-tree';
import { type TaskView, taskSubject, toTaskView } from './task-view';

type TaskRow = typeof tasks.$inferSelect;

export type { TaskChanges, TaskInput } from './task-fields';

/** Per-list filters of the task list: children of one task, or `none` for the top level. */
export interface TaskFilters {
  parentId?: string | undefined;
}

const sortable = ['position', 'name', 'durationMinutes', 'createdAt', 'updatedAt'] as const;

/** The project a task belongs to, held against deletion until the transaction ends. */
async function projectOf(db: Database | Transaction, projectId: string, lock: boolean) {
  const query = db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  const [project] = lock ? await query.for('key share') : await query;
  if (!project) throw notFound('Project', projectId);
  return project;
}

/** One task of a project the caller may see. */
export async function getTask(db: Database, userId: string, taskId: string): Promise<TaskView> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!row) throw notFound('Task', taskId);
  const visible = await policy.canSee(db, userId, {
    kind: 'project',
    id: row.projectId,
    workspaceId: row.workspaceId,
  });
  if (!visible) throw notFound('Task', taskId);
  return toTaskView(row);
}

/** The tasks of a project, all or the children of one task, one page at a time. */
export async function listTasks(
  db: Database,
  userId: string,
  projectId: string,
  query: ListQuery & TaskFilters,
): Promise<Page<TaskView>> {
  const project = await projectOf(db, projectId, false);
  await policy.assertCanSee(db, userId, {
    kind: 'project',
    id: project.id,
    workspaceId: project.workspaceId,
  });
  const sort = parseSort(query.sort, sortable, { field: 'position', direction: 'asc' });
  const column = {
    position: tasks.position,
    name: tasks.name,
    durationMinutes: tasks.durationMinutes,
    createdAt: tasks.createdAt,
    updatedAt: tasks.updatedAt,
  }[sort.field];
  const page = keyset(column, tasks.id, sort, query.cursor);
  const parent =
    query.parentId === undefined
      ? undefined
      : query.parentId === 'none'
        ? isNull(tasks.parentId)
        : eq(tasks.parentId, query.parentId);
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), parent, containsText(tasks.name, query.q), page.where))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, sort, (row) => row[sort.field], toTaskView);
}

/** Takes the tree lock of the task's project before any row lock, so moves and deletes wait rather than deadlock. */
export async function lockTreeOf(tx: Transaction, taskId: string): Promise<void> {
  const [found] = await tx.select({ projectId: tasks.projectId }).from(tasks).where(eq(tasks.id, taskId));
  if (found) await lockTaskTree(tx, found.projectId);
}

/** The task as stored, once the caller is known to be allowed to edit it (404 when they cannot see it). */
async function readForEdit(tx: Transaction, userId: string, taskId: string): Promise<TaskRow> {
  // The task and the caller's roles on its project come in one round trip.
  const found = await taskWithAccess(tx, userId, taskId);
  if (!found) throw notFound('Task', taskId);
  const { row, access } = found;
  if (!entityAllows(access.workspaceRole, access.entityRole, 'see')) throw notFound('Task', taskId);
  policy.assertAccess({ kind: 'project', id: row.projectId, workspaceId: row.workspaceId }, access, 'edit');
  return row;
}

/**
 * Checks the caller may edit the task and locks its row, then the plan (the project row, through `touchPlan`): rows
 * first and the plan last is the order every plan write takes, so concurrent writes queue instead of deadlocking.
 */
async function lockTask(
  tx: Transaction,
  userId: string,
  taskId: string,
): Promise<{ row: TaskRow; revision: number }> {
  await readForEdit(tx, userId, taskId);
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
  if (!row) throw notFound('Task', taskId);
  const revision = await touchPlan(tx, row.projectId);
  return { row, revision };
}

/** Changes a task at the expected version; a stale version is a 409 carrying the current task. */
export async function updateTask(
  db: Database,
  userId: string,
  taskId: string,
  expectedVersion: number,
  changes: TaskChanges,
): Promise<TaskView> {
  const written = await planWriteTransaction(db, async (tx) => {
    if (changes.parentId !== undefined) await lockTreeOf(tx, taskId);
    // Everything is checked before any lock is taken; the update then applies only at the version read, which
    // proves the row is still the one checked.
    const row = await readForEdit(tx, userId, taskId);
    const before = toTaskView(row);
    assertVersion(`Task ${taskId}`, before, expectedVersion);
    const next: Record<string, unknown> = definedOnly(changes);
    const moving = changes.parentId !== undefined && changes.parentId !== row.parentId;
    if (moving && changes.parentId) await checkParent(tx, row.projectId, changes.parentId, taskId);
    if (moving && next.position === undefined) {
      next.position = await nextPosition(tx, row.projectId, changes.parentId ?? null);
    }
    checkFieldPairs(mergedRuleFields(ruleFieldsOf(row), changes));
    if (changes.labels) next.labels = distinctLabels(changes.labels);
    if (changes.featureId) await checkTaskFeature(tx, userId, row.projectId, changes.featureId);
    const needsProject =
      changes.status !== undefined || changes.customFields !== undefined || Boolean(changes.sprintId);
    if (needsProject) {
      Object.assign(next, await checkProjectRules(tx, await rulesOf(tx, row.projectId), changes, row.status));
    }
    const updated = await updateTaskAt(tx, taskId, expectedVersion, next);
    if (!updated) {
      const [current] = await tx.select().from(tasks).where(eq(tasks.id, taskId));
      if (!current) throw notFound('Task', taskId);
      assertVersion(`Task ${taskId}`, toTaskView(current), expectedVersion);
      throw new Error(`task ${taskId} was not updated at version ${expectedVersion}`);
    }
    const after = toTaskView(updated);
    const moved = updated.parentId !== row.parentId || updated.position !== row.position;
    // The plan's lock comes last and is held by PostgreSQL alone: this statement commits the write.
    const revision = await planCache.noteCommitted(
      row.projectId,
      moved ? { structural: true } : { taskIds: [taskId] },
      commitPlanChange(tx, row.projectId, [userId, taskSubject(updated), 'update', before, after]),
    );
    return { after, updated, revision };
  });
  // Reschedules right after the reply, so the next read of the schedule is served from memory.
  planCache.advanceSoon(db, written.updated.projectId, written.revision, {
    tasks: [{ ...engineFieldsOfRow(written.updated), position: written.updated.position }],
  });
  return written.after;
}

/** Deletes a task and everything below it at the expected version. */
export async function deleteTask(
  db: Database,
  userId: string,
  taskId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    // A move out of the subtree while it is collected would leave the moved task audited as deleted.
    await lockTreeOf(tx, taskId);
    const { row, revision } = await lockTask(tx, userId, taskId);
    const before = toTaskView(row);
    assertVersion(`Task ${taskId}`, before, expectedVersion);
    planCache.note(row.projectId, revision, { structural: true });
    const below = await descendantIds(tx, taskId);
    const removed =
      below.length === 0 ? [] : await tx.select().from(tasks).where(inArray(tasks.id, below)).for('update');
    await tx.delete(tasks).where(eq(tasks.id, taskId));
    await auditCascadedDeletions(
      tx,
      userId,
      row.workspaceId,
      removed.map((task) => ({ entityType: 'task', entityId: task.id, before: toTaskView(task) })),
    );
    await recordChange(tx, userId, taskSubject(row), 'delete', before, null);
  });
}
