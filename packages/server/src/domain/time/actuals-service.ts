import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { resources } from '../../db/schema/resources';
import { tasks } from '../../db/schema/tasks';
import { timeEntries } from '../../db/schema/time-entries';
import { notFound } from '../shared/errors';

/** What was logged on one task: minutes, and their cost at the standard rates of the people who logged them. */
export interface TaskActuals {
  taskId: string;
  taskName: string;
  actualMinutes: number;
  actualCostCents: number;
}

/** A project's actual work and cost from its time entries. */
export interface ProjectActuals {
  items: TaskActuals[];
  totalMinutes: number;
  totalCostCents: number;
}

/**
 * The time logged on a project's tasks and what it cost: each entry's minutes at the hourly standard rate of the
 * resource that stands for its author in the workspace (time by someone who is no resource costs nothing).
 */
export async function projectActuals(
  db: Database,
  userId: string,
  projectId: string,
): Promise<ProjectActuals> {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  await policy.assertCanSee(db, userId, {
    kind: 'project',
    id: project.id,
    workspaceId: project.workspaceId,
  });
  const rows = await db
    .select({
      taskId: timeEntries.taskId,
      taskName: tasks.name,
      minutes: sql<number>`sum(${timeEntries.minutes})::int`,
      // Rounded per task, so the project total is the sum of what the tasks show.
      cost: sql<number>`round(sum(${timeEntries.minutes} * coalesce(${resources.standardRateCents}, 0)) / 60.0)::int`,
    })
    .from(timeEntries)
    .innerJoin(tasks, eq(tasks.id, timeEntries.taskId))
    .leftJoin(
      resources,
      and(eq(resources.userId, timeEntries.userId), eq(resources.workspaceId, timeEntries.workspaceId)),
    )
    .where(eq(timeEntries.projectId, projectId))
    .groupBy(timeEntries.taskId, tasks.name, tasks.position)
    .orderBy(tasks.position, timeEntries.taskId);
  const items = rows
    .filter((row) => row.minutes > 0)
    .map((row) => ({
      taskId: row.taskId,
      taskName: row.taskName,
      actualMinutes: row.minutes,
      actualCostCents: row.cost,
    }));
  return {
    items,
    totalMinutes: items.reduce((sum, item) => sum + item.actualMinutes, 0),
    totalCostCents: items.reduce((sum, item) => sum + item.actualCostCents, 0),
  };
}
