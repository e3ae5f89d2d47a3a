import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { taskComments } from '../../db/schema/task-comments';
import { tasks } from '../../db/schema/tasks';
import { users } from '../../db/schema/users';
import { ApiError } from '../../http/errors';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';

/** A comment on a task; `body` is Markdown exactly as written (the web sanitises it when rendering). */
export interface CommentView {
  id: string;
  workspaceId: string;
  projectId: string;
  taskId: string;
  author: { id: string; name: string } | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

type CommentRow = typeof taskComments.$inferSelect;

function viewOf(row: CommentRow, projectId: string, authorName: string | null): CommentView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId,
    taskId: row.taskId,
    author: row.authorId === null ? null : { id: row.authorId, name: authorName ?? '' },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function subjectOf(view: CommentView) {
  return {
    entityType: 'comment' as const,
    entityId: view.id,
    workspaceId: view.workspaceId,
    projectId: view.projectId,
  };
}

/** The project of a task the caller may see (404 otherwise). */
async function visibleTask(db: Queryable, userId: string, taskId: string) {
  const [task] = await db
    .select({ id: tasks.id, projectId: tasks.projectId, workspaceId: tasks.workspaceId })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  if (!task) throw notFound('Task', taskId);
  const ref = { kind: 'project' as const, id: task.projectId, workspaceId: task.workspaceId };
  if (!(await policy.canSee(db, userId, ref))) throw notFound('Task', taskId);
  return { task, ref };
}

async function authorName(db: Queryable, authorId: string | null): Promise<string | null> {
  if (authorId === null) return null;
  const [author] = await db.select({ name: users.name }).from(users).where(eq(users.id, authorId));
  return author?.name ?? null;
}

/** The comments of a task the caller may see, oldest first. */
export async function listComments(
  db: Database,
  userId: string,
  taskId: string,
  query: ListQuery,
): Promise<Page<CommentView>> {
  const { task } = await visibleTask(db, userId, taskId);
  const sort = parseSort(query.sort, ['createdAt'] as const, { field: 'createdAt', direction: 'asc' });
  const page = keyset(taskComments.createdAt, taskComments.id, sort, query.cursor);
  const rows = await db
    .select({ ...getTableColumns(taskComments), authorName: users.name })
    .from(taskComments)
    .leftJoin(users, eq(users.id, taskComments.authorId))
    .where(and(eq(taskComments.taskId, taskId), page.where))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    sort,
    (row) => row.createdAt,
    (row) => viewOf(row, task.projectId, row.authorName),
  );
}

/** Adds a comment to a task; whoever may edit the project's content may comment. */
export async function createComment(
  db: Database,
  userId: string,
  taskId: string,
  body: string,
): Promise<CommentView> {
  return writeTransaction(db, async (tx) => {
    const { task, ref } = await visibleTask(tx, userId, taskId);
    await policy.assertCanEdit(tx, userId, ref);
    // Held until commit, so the task cannot vanish under the new comment.
    await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, taskId)).for('key share');
    const [row] = await tx
      .insert(taskComments)
      .values({ id: newId('cmt'), workspaceId: task.workspaceId, taskId, authorId: userId, body })
      .returning();
    if (!row) throw new Error('insert into task_comments returned no row');
    const view = viewOf(row, task.projectId, await authorName(tx, userId));
    await recordChange(tx, userId, subjectOf(view), 'create', null, view);
    return view;
  });
}

/** Locks a comment for a change by its author or a manager of its project (403 for others who see it). */
async function lockComment(tx: Transaction, userId: string, commentId: string) {
  const [found] = await tx.select().from(taskComments).where(eq(taskComments.id, commentId)).for('update');
  if (!found) throw notFound('Comment', commentId);
  const visible = await visibleTask(tx, userId, found.taskId).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) throw notFound('Comment', commentId);
    throw error;
  });
  if (found.authorId !== userId && !(await policy.canManage(tx, userId, visible.ref))) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      `Only its author or a project manager may change comment ${commentId}`,
    );
  }
  return { row: found, projectId: visible.task.projectId };
}

/** Changes a comment's text at the expected version. */
export async function updateComment(
  db: Database,
  userId: string,
  commentId: string,
  expectedVersion: number,
  body: string,
): Promise<CommentView> {
  return writeTransaction(db, async (tx) => {
    const { row, projectId } = await lockComment(tx, userId, commentId);
    const name = await authorName(tx, row.authorId);
    const before = viewOf(row, projectId, name);
    assertVersion(`Comment ${commentId}`, before, expectedVersion);
    const [updated] = await tx
      .update(taskComments)
      .set({ body, version: sql`${taskComments.version} + 1`, updatedAt: sql`now()` })
      .where(eq(taskComments.id, commentId))
      .returning();
    if (!updated) throw new Error(`comment ${commentId} vanished while locked`);
    const after = viewOf(updated, projectId, name);
    await recordChange(tx, userId, subjectOf(after), 'update', before, after);
    return after;
  });
}

/** Deletes a comment at the expected version. */
export async function deleteComment(
  db: Database,
  userId: string,
  commentId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const { row, projectId } = await lockComment(tx, userId, commentId);
    const before = viewOf(row, projectId, await authorName(tx, row.authorId));
    assertVersion(`Comment ${commentId}`, before, expectedVersion);
    await tx.delete(taskComments).where(eq(taskComments.id, commentId));
    await recordChange(tx, userId, subjectOf(before), 'delete', before, null);
  });
}
