import { and, eq, inArray } from 'drizzle-orm';
import { type EntityRef, policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { notFound } from '../shared/errors';

/** The project a cost belongs to, as the policy checks it; 404 when it does not exist. */
export async function projectRef(db: Queryable, projectId: string): Promise<EntityRef> {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  return { kind: 'project', id: project.id, workspaceId: project.workspaceId };
}

/** The project of a cost row, or the row's 404 when the caller may not see that project. */
export async function assertCostVisible(
  db: Queryable,
  userId: string,
  row: { projectId: string; workspaceId: string },
  label: string,
  id: string,
): Promise<EntityRef> {
  const ref: EntityRef = { kind: 'project', id: row.projectId, workspaceId: row.workspaceId };
  if (!(await policy.canSee(db, userId, ref))) throw notFound(label, id);
  return ref;
}

/**
 * The name of a task of the project, held (key share) so it cannot be deleted before the write that points at it
 * commits; a task of another project, or none, is a 422 naming `taskId`. Null stays null (the whole project).
 */
export async function taskOfProject(
  db: Queryable,
  projectId: string,
  taskId: string | null | undefined,
): Promise<string | null> {
  if (taskId === null || taskId === undefined) return null;
  const [task] = await db
    .select({ name: tasks.name })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.projectId, projectId)))
    .for('key share');
  if (!task) {
    throw new ApiError(
      422,
      'INVALID_REFERENCE',
      `Task ${taskId} is not a task of project ${projectId}`,
      'taskId',
    );
  }
  return task.name;
}

/** The names of the given tasks, by id (one query for a list). */
export async function taskNamesOf(
  db: Queryable,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: tasks.id, name: tasks.name })
    .from(tasks)
    .where(inArray(tasks.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
