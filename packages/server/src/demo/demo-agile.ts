import { asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { newId } from '../db/ids';
import { auditEntries } from '../db/schema/audit';
import { projects } from '../db/schema/projects';
import { type SprintSnapshot, sprints } from '../db/schema/sprints';
import { type TaskPriority, tasks } from '../db/schema/tasks';
import { leavesInOutlineOrder } from './demo-leaves';

const dayMs = 86_400_000;
const day = (at: Date) => at.toISOString().slice(0, 10);
const points = [3, 5, 2, 8, 1, 3, 5, 2, 13, 3];
const priorities: TaskPriority[] = ['medium', 'high', 'medium', 'low', 'highest', 'medium', 'high', 'lowest'];
const labelWords: [RegExp, string][] = [
  [/api|service|integration|endpoint|sync/i, 'api'],
  [/design|ux|ui|screen|prototype|research/i, 'ux'],
  [/test|qa|review|audit/i, 'quality'],
  [/data|migration|database|report/i, 'data'],
  [/launch|marketing|training|doc/i, 'launch'],
];

/**
 * Gives the demo's largest project an agile history: story points, priorities, labels and statuses on its work items,
 * three completed sprints (with commitments a little above what was done, as real teams have), an active sprint half
 * way through and a planned one, around `now` so the burndown and velocity charts have something to show.
 */
export async function addAgileDemo(tx: Transaction, workspaceId: string, ownerId: string, now = new Date()) {
  const [project] = await tx
    .select({
      id: projects.id,
      n: sql<number>`(select count(*) from ${tasks} t where t.project_id = ${projects.id})`,
    })
    .from(projects)
    .where(eq(projects.workspaceId, workspaceId))
    .orderBy(sql`2 desc`, asc(projects.id))
    .limit(1);
  if (!project) return;
  const leaves = await leavesInOutlineOrder(tx, project.id);

  // The active sprint began on the Monday of last week, so today sits in its second week.
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
  const sprintStart = (k: number) => new Date(monday.getTime() + k * 14 * dayMs);
  const plan = [
    { name: 'Sprint 1', k: -3, size: 7, done: 6, goal: 'Foundations: accounts and the data model' },
    { name: 'Sprint 2', k: -2, size: 8, done: 6, goal: 'The first end-to-end flow' },
    { name: 'Sprint 3', k: -1, size: 8, done: 7, goal: 'Hardening and the beta feedback' },
    { name: 'Sprint 4', k: 0, size: 9, done: 4, goal: 'Ready for the pilot customers' },
    { name: 'Sprint 5', k: 1, size: 6, done: 0, goal: 'Pilot feedback and polish' },
  ];
  let next = 0;
  const audit: (typeof auditEntries.$inferInsert)[] = [];
  for (const sprint of plan) {
    const start = sprintStart(sprint.k);
    const finish = new Date(start.getTime() + 11 * dayMs);
    const state = sprint.k < 0 ? 'completed' : sprint.k === 0 ? 'active' : 'planned';
    const held = leaves.slice(next, next + sprint.size);
    next += sprint.size;
    const id = newId('spr');
    const pointsOf = (index: number) => points[(next - sprint.size + index) % points.length] ?? 3;
    const committed: SprintSnapshot = {
      points: held.reduce((sum, _, i) => sum + pointsOf(i), 0),
      taskIds: held.map((t) => t.id),
    };
    const finished = held.slice(0, sprint.done);
    const done: SprintSnapshot = {
      points: finished.reduce((sum, _, i) => sum + pointsOf(i), 0),
      taskIds: finished.map((t) => t.id),
    };
    await tx.insert(sprints).values({
      id,
      workspaceId,
      projectId: project.id,
      name: sprint.name,
      goal: sprint.goal,
      startDate: day(start),
      finishDate: day(finish),
      state,
      capacityPoints: 30,
      startedAt: state === 'planned' ? null : start,
      completedAt: state === 'completed' ? new Date(finish.getTime() + 17 * 3_600_000) : null,
      committed: state === 'planned' ? null : committed,
      done: state === 'completed' ? done : null,
    });
    audit.push({
      id: newId('aud'),
      workspaceId,
      actorId: ownerId,
      entityType: 'sprint',
      entityId: id,
      action: 'create',
      before: null,
      after: { name: sprint.name },
    });
    for (const [i, task] of held.entries()) {
      const isDone = i < sprint.done;
      // Finished work is spread over the sprint's working days; in the active sprint only up to yesterday.
      const span =
        state === 'active' ? Math.max(1, Math.round((now.getTime() - start.getTime()) / dayMs) - 1) : 10;
      const completedAt = isDone
        ? new Date(start.getTime() + (((i * 3) % span) + 1) * dayMs + 15 * 3_600_000)
        : null;
      const open = state === 'active' ? (['in_progress', 'review', 'todo'] as const)[i % 3] : 'todo';
      await tx
        .update(tasks)
        .set({
          status: isDone ? 'done' : open,
          completedAt,
          percentComplete: isDone ? 100 : 0,
          // Unfinished work of a completed sprint went back to the backlog when the sprint ended.
          sprintId: state === 'completed' && !isDone ? null : id,
          ...agileFields(task.name, next - sprint.size + i),
        })
        .where(eq(tasks.id, task.id));
    }
  }
  for (const [i, task] of leaves.slice(next).entries()) {
    await tx
      .update(tasks)
      .set({ status: 'todo', ...agileFields(task.name, next + i) })
      .where(eq(tasks.id, task.id));
  }
  await tx.insert(auditEntries).values(audit);
}

/** Points, priority, labels and rank of the n-th work item, derived from its name so the demo is the same each time. */
function agileFields(name: string, n: number) {
  const labels = labelWords.filter(([pattern]) => pattern.test(name)).map(([, label]) => label);
  return {
    storyPoints: points[n % points.length] ?? 3,
    priority: priorities[n % priorities.length] ?? 'medium',
    labels: labels.length > 0 ? labels : n % 4 === 0 ? ['tech-debt'] : [],
    rank: n + 1,
  };
}
