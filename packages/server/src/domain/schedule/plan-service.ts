import { eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { linkJsonSql } from '../links/link-view';
import { toProjectView } from '../projects/project-view';
import { notFound } from '../shared/errors';
import { taskJsonSql } from '../tasks/task-view';
import { outlineOf } from './outline';
import { planCache } from './plan-cache';

/**
 * A project's whole plan as one JSON text: `{ project, planRevision, tasks (outline order), links, schedule }`. The
 * rows are read in one snapshot and turned into JSON by PostgreSQL, and the schedule's JSON is kept per revision, so
 * a 10,000-task plan costs no per-row work in JavaScript beyond ordering.
 */
export async function planOf(db: Database, userId: string, projectId: string): Promise<string> {
  const snapshot = await db.transaction(
    async (tx) => {
      const [project] = await tx.select().from(projects).where(eq(projects.id, projectId));
      if (!project) throw notFound('Project', projectId);
      await policy.assertCanSee(tx, userId, {
        kind: 'project',
        id: project.id,
        workspaceId: project.workspaceId,
      });
      const tasks = await tx.execute<{ id: string; parentId: string | null; position: number; json: string }>(
        sql`select id, parent_id as "parentId", position, ${taskJsonSql} as json
            from tasks where project_id = ${projectId}`,
      );
      const links = await tx.execute<{ json: string }>(
        sql`select ${linkJsonSql} as json from task_links where project_id = ${projectId} order by created_at, id`,
      );
      return { project, tasks: tasks.rows, links: links.rows };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const { project, tasks, links } = snapshot;
  const { order } = outlineOf(tasks);
  const taskJson = order.map((i) => (tasks[i] as { json: string }).json).join(',');
  const linkJson = links.map((link) => link.json).join(',');
  const schedule = await planCache.scheduleJson(db, projectId, project.planRevision);
  return `{"project":${JSON.stringify(toProjectView(project))},"planRevision":${project.planRevision},"tasks":[${taskJson}],"links":[${linkJson}],"schedule":${schedule}}`;
}
