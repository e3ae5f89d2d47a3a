import { dayNumber, dayOfWeek, formatDay, mondayOf, parseDay } from '@tandem/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { newId } from '../db/ids';
import { assignments } from '../db/schema/assignments';
import { auditEntries } from '../db/schema/audit';
import { projects } from '../db/schema/projects';
import { resources } from '../db/schema/resources';
import { tasks } from '../db/schema/tasks';
import { timeEntries } from '../db/schema/time-entries';
import { timesheets } from '../db/schema/timesheets';
import { users } from '../db/schema/users';
import { workspaceMembers } from '../db/schema/workspaces';
import { leavesInOutlineOrder } from './demo-leaves';

// Hourly rates in cents, by the order people joined; equipment and material cost per use.
const rates = [12_000, 9_500, 8_500, 8_000, 7_500];

/** The first `count` working days (Monday to Friday) from `start`, `YYYY-MM-DD`. */
function workingDaysFrom(start: string, count: number): string[] {
  const days: string[] = [];
  for (let day = parseDay(start); days.length < count; day = dayNumber(day + 1)) {
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6) days.push(formatDay(day));
  }
  return days;
}

/**
 * Staffs the demo: every member (guests aside) is a person resource with a rate, plus a build server and cloud
 * credits; each project's work items are assigned round-robin, with the first item of every project going to the
 * same person so the workload grid shows her over-allocated; the first items carry a week of logged time (which
 * starts them), the first project's week approved and the last one's submitted for approval.
 */
export async function addResourceDemo(tx: Transaction, workspaceId: string, ownerId: string): Promise<void> {
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), sql`${workspaceMembers.role} <> 'guest'`))
    .orderBy(asc(workspaceMembers.createdAt), asc(users.name));
  if (people.length === 0) return;
  const personRows = people.map((person, index) => ({
    id: newId('res'),
    workspaceId,
    name: person.name,
    kind: 'person' as const,
    userId: person.id,
    standardRateCents: rates[index % rates.length] ?? 8_000,
    overtimeRateCents: Math.round((rates[index % rates.length] ?? 8_000) * 1.5),
  }));
  const otherRows = [
    {
      id: newId('res'),
      workspaceId,
      name: 'Build server',
      kind: 'equipment' as const,
      costPerUseCents: 5_000,
    },
    {
      id: newId('res'),
      workspaceId,
      name: 'Cloud credits',
      kind: 'material' as const,
      costPerUseCents: 20_000,
    },
  ];
  const created = await tx
    .insert(resources)
    .values([...personRows, ...otherRows])
    .returning();

  const projectRows = await tx
    .select({ id: projects.id, startDate: projects.startDate })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.isTemplate, false)))
    .orderBy(asc(projects.startDate), asc(projects.id));
  const assignmentRows: (typeof assignments.$inferInsert)[] = [];
  const entryRows: (typeof timeEntries.$inferInsert)[] = [];
  const started: { taskId: string; day: string }[] = [];
  for (const project of projectRows) {
    const leaves = await leavesInOutlineOrder(tx, project.id);
    leaves.forEach((leaf, index) => {
      // Everyone shares the work; the first person also takes the first item of every project.
      const person = personRows[index % personRows.length];
      if (!person) return;
      assignmentRows.push({
        id: newId('asg'),
        workspaceId,
        projectId: project.id,
        taskId: leaf.id,
        resourceId: person.id,
        units: 1,
      });
      if (index < 2) {
        const days = workingDaysFrom(project.startDate, 5);
        for (const day of days) {
          entryRows.push({
            id: newId('tim'),
            workspaceId,
            projectId: project.id,
            taskId: leaf.id,
            userId: person.userId,
            day,
            minutes: 360 + ((index * 45 + day.charCodeAt(9)) % 4) * 30,
            note: index === 0 ? 'Kick-off work' : '',
          });
        }
        started.push({ taskId: leaf.id, day: days[0] ?? project.startDate });
      }
    });
    const build = otherRows[0];
    const firstLeaf = leaves[0];
    if (build && firstLeaf) {
      assignmentRows.push({
        id: newId('asg'),
        workspaceId,
        projectId: project.id,
        taskId: firstLeaf.id,
        resourceId: build.id,
        units: 0.5,
      });
    }
  }
  if (assignmentRows.length > 0) await tx.insert(assignments).values(assignmentRows);
  if (entryRows.length > 0) await tx.insert(timeEntries).values(entryRows);
  for (const { taskId, day } of started) {
    await tx
      .update(tasks)
      .set({ actualStart: `${day} 08:00:00` })
      .where(eq(tasks.id, taskId));
  }

  // The first project's opening week is approved; the last project's is waiting for approval.
  const weeks = new Map<string, { userId: string; weekStart: string; state: 'approved' | 'submitted' }>();
  const first = projectRows[0];
  const last = projectRows.at(-1);
  for (const entry of entryRows) {
    const state =
      entry.projectId === first?.id ? 'approved' : entry.projectId === last?.id ? 'submitted' : undefined;
    if (!state) continue;
    const weekStart = formatDay(mondayOf(parseDay(entry.day)));
    weeks.set(`${entry.userId}:${weekStart}`, { userId: entry.userId, weekStart, state });
  }
  if (weeks.size > 0) {
    await tx.insert(timesheets).values(
      [...weeks.values()].map((week) => ({
        id: newId('tsh'),
        workspaceId,
        userId: week.userId,
        weekStart: week.weekStart,
        state: week.state,
        submittedAt: new Date(`${week.weekStart}T17:00:00Z`),
        ...(week.state === 'approved'
          ? { decidedBy: ownerId, decidedAt: new Date(`${week.weekStart}T18:00:00Z`) }
          : {}),
      })),
    );
  }
  if (projectRows.length > 0) {
    await tx
      .update(projects)
      .set({ planRevision: sql`${projects.planRevision} + 1` })
      .where(
        inArray(
          projects.id,
          projectRows.map((project) => project.id),
        ),
      );
  }
  const audit = [
    ...created.map((row) => ({ entityType: 'resource', entityId: row.id, after: row })),
    ...assignmentRows.map((row) => ({ entityType: 'assignment', entityId: row.id ?? '', after: row })),
  ];
  for (let start = 0; start < audit.length; start += 500) {
    await tx.insert(auditEntries).values(
      audit.slice(start, start + 500).map((entry) => ({
        id: newId('aud'),
        workspaceId,
        actorId: ownerId,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: 'create',
        before: null,
        after: entry.after,
      })),
    );
  }
}
