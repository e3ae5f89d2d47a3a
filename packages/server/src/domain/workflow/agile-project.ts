import { eq, inArray, sql } from 'drizzle-orm';
import type { EntityRef } from '../../auth/policy';
import type { Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { auditEntries } from '../../db/schema/audit';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { projectSubject, toProjectView } from '../projects/project-view';
import { recordChange } from '../shared/change-log';
import { notFound } from '../shared/errors';

/** The project row as the agile services read it. */
export type AgileProject = typeof projects.$inferSelect;

/** The policy's reference to a project. */
export function projectRef(project: { id: string; workspaceId: string }): EntityRef {
  return { kind: 'project', id: project.id, workspaceId: project.workspaceId };
}

/**
 * Loads a project; `lock` takes its row for update, which serialises the writes that must see one another (two
 * sprints started at once, two workflow saves) with every other plan write, as `touchPlan` does.
 */
export async function loadProject(db: Queryable, projectId: string, lock = false): Promise<AgileProject> {
  const query = db.select().from(projects).where(eq(projects.id, projectId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Project', projectId);
  return row;
}

/**
 * Replaces one settings column of a project loaded with `lock` (its workflow or its custom fields), bumping the
 * project's version and recording the change; returns the project as written.
 */
export async function saveProjectSetting<K extends 'workflow' | 'customFields'>(
  tx: Transaction,
  userId: string,
  row: AgileProject,
  key: K,
  value: AgileProject[K],
): Promise<AgileProject> {
  const [updated] = await tx
    .update(projects)
    .set({ [key]: value, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projects.id, row.id))
    .returning();
  if (!updated) throw new Error(`project ${row.id} vanished while locked`);
  await recordChange(
    tx,
    userId,
    projectSubject(updated),
    'update',
    { ...toProjectView(row), [key]: row[key] },
    { ...toProjectView(updated), [key]: value },
  );
  return updated;
}

/** What a bulk move writes to each task it moves. */
export interface TaskMove {
  status?: string;
  sprintId?: string | null;
  /** Set when the move enters a done column, cleared when it leaves one. */
  completedAt?: Date | null;
}

/**
 * Moves many tasks in one statement (a column removed, a sprint completed), bumping each task's version and auditing
 * each move, so that a client holding an old version of a moved task gets a 409 rather than overwriting the move.
 */
export async function moveTasks(
  tx: Transaction,
  actorId: string,
  workspaceId: string,
  taskIds: readonly string[],
  move: TaskMove,
): Promise<void> {
  if (taskIds.length === 0) return;
  const before = await tx
    .select({ id: tasks.id, status: tasks.status, sprintId: tasks.sprintId, version: tasks.version })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]))
    .for('update');
  await tx
    .update(tasks)
    .set({ ...move, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(inArray(tasks.id, [...taskIds]));
  const after = (row: (typeof before)[number]) => ({
    id: row.id,
    status: move.status ?? row.status,
    sprintId: move.sprintId === undefined ? row.sprintId : move.sprintId,
    version: row.version + 1,
  });
  // A few hundred rows per statement keeps each insert well under PostgreSQL's parameter limit.
  for (let start = 0; start < before.length; start += 500) {
    await tx.insert(auditEntries).values(
      before.slice(start, start + 500).map((row) => ({
        id: newId('aud'),
        workspaceId,
        actorId,
        entityType: 'task',
        entityId: row.id,
        action: 'update',
        before: row,
        after: after(row),
      })),
    );
  }
}
