import type { WorkContour } from '@tandem/core';
import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { assignments } from '../../db/schema/assignments';
import { projects } from '../../db/schema/projects';
import { resources } from '../../db/schema/resources';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import type { Page } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { touchPlan } from '../schedule/plan-revision';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import {
  type AssignmentNames,
  type AssignmentView,
  assignmentSubject,
  toAssignmentView,
} from './assignment-view';

type AssignmentRow = typeof assignments.$inferSelect;

/** Fields a client sets when assigning a resource to a task. */
export interface AssignmentInput {
  taskId: string;
  resourceId: string;
  units?: number | undefined;
  workMinutes?: number | null | undefined;
  contour?: WorkContour | undefined;
  overtimeWorkMinutes?: number | undefined;
  delayMinutes?: number | undefined;
}

/** Fields a client may change on an assignment. */
export type AssignmentChanges = Changes<
  Pick<AssignmentInput, 'units' | 'workMinutes' | 'contour' | 'overtimeWorkMinutes' | 'delayMinutes'>
>;

/** Per-list filters of a project's assignments. */
export interface AssignmentFilters {
  taskId?: string | undefined;
  resourceId?: string | undefined;
}

/** A reference to a task or resource that exists but cannot be used here: 422 naming the field. */
function invalidReference(field: string, message: string): ApiError {
  return new ApiError(422, 'INVALID_REFERENCE', message, field);
}

/**
 * Overtime is a part of the work: more overtime than the assignment's work is refused, naming the field. Work left
 * null is the task's duration × the units, as the scheduler derives it.
 */
async function assertOvertimeWithinWork(
  db: Queryable,
  taskId: string,
  assignment: { workMinutes: number | null; units: number; overtimeWorkMinutes: number },
): Promise<void> {
  const { units, overtimeWorkMinutes } = assignment;
  if (overtimeWorkMinutes === 0) return;
  let workMinutes = assignment.workMinutes;
  if (workMinutes === null) {
    const [task] = await db
      .select({ durationMinutes: tasks.durationMinutes })
      .from(tasks)
      .where(eq(tasks.id, taskId));
    workMinutes = Math.round((task?.durationMinutes ?? 0) * units);
  }
  if (overtimeWorkMinutes > workMinutes) {
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `Overtime work (${overtimeWorkMinutes} min) cannot exceed the assignment's work (${workMinutes} min)`,
      'overtimeWorkMinutes',
    );
  }
}

async function projectRef(db: Queryable, projectId: string) {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  return { kind: 'project' as const, id: project.id, workspaceId: project.workspaceId };
}

async function namesOf(db: Queryable, row: AssignmentRow): Promise<AssignmentNames> {
  const [names] = await db
    .select({ taskName: tasks.name, resourceName: resources.name, resourceKind: resources.kind })
    .from(tasks)
    .innerJoin(resources, eq(resources.id, row.resourceId))
    .where(eq(tasks.id, row.taskId));
  if (!names) throw new Error(`assignment ${row.id} lost its task or resource`);
  return names;
}

/** Assigns a resource of the project's workspace to a task of the project. */
export async function createAssignment(
  db: Database,
  userId: string,
  projectId: string,
  input: AssignmentInput,
): Promise<AssignmentView> {
  return writeTransaction(db, async (tx) => {
    const ref = await projectRef(tx, projectId);
    await policy.assertCanEdit(tx, userId, ref);
    await touchPlan(tx, projectId);
    // Both rows are held (key share) so neither can be deleted before the assignment that points at them commits.
    const [task] = await tx
      .select({ id: tasks.id, name: tasks.name })
      .from(tasks)
      .where(and(eq(tasks.id, input.taskId), eq(tasks.projectId, projectId)))
      .for('key share');
    if (!task) throw invalidReference('taskId', `Task ${input.taskId} is not a task of project ${projectId}`);
    await assertOvertimeWithinWork(tx, task.id, {
      workMinutes: input.workMinutes ?? null,
      units: input.units ?? 1,
      overtimeWorkMinutes: input.overtimeWorkMinutes ?? 0,
    });
    const [resource] = await tx
      .select({ id: resources.id, name: resources.name, kind: resources.kind })
      .from(resources)
      .where(and(eq(resources.id, input.resourceId), eq(resources.workspaceId, ref.workspaceId)))
      .for('key share');
    if (!resource) {
      throw invalidReference(
        'resourceId',
        `Resource ${input.resourceId} is not a resource of this project's workspace`,
      );
    }
    const [row] = await tx
      .insert(assignments)
      .values({
        id: newId('asg'),
        workspaceId: ref.workspaceId,
        projectId,
        taskId: task.id,
        resourceId: resource.id,
        ...(input.units === undefined ? {} : { units: input.units }),
        ...(input.workMinutes === undefined ? {} : { workMinutes: input.workMinutes }),
        ...(input.contour === undefined ? {} : { contour: input.contour }),
        ...(input.overtimeWorkMinutes === undefined
          ? {}
          : { overtimeWorkMinutes: input.overtimeWorkMinutes }),
        ...(input.delayMinutes === undefined ? {} : { delayMinutes: input.delayMinutes }),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new ApiError(
        409,
        'CONFLICT',
        `${resource.name} is already assigned to task "${task.name}"`,
        'resourceId',
      );
    }
    const view = toAssignmentView(row, {
      taskName: task.name,
      resourceName: resource.name,
      resourceKind: resource.kind,
    });
    await recordChange(tx, userId, assignmentSubject(row), 'create', null, view);
    return view;
  });
}

/** The assignments of a project the caller may see, optionally of one task or one resource, by resource then task. */
export async function listAssignments(
  db: Database,
  userId: string,
  projectId: string,
  filters: AssignmentFilters,
): Promise<Page<AssignmentView>> {
  await policy.assertCanSee(db, userId, await projectRef(db, projectId));
  const rows = await db
    .select({
      assignment: assignments,
      taskName: tasks.name,
      resourceName: resources.name,
      resourceKind: resources.kind,
    })
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(resources, eq(resources.id, assignments.resourceId))
    .where(
      and(
        eq(assignments.projectId, projectId),
        filters.taskId === undefined ? undefined : eq(assignments.taskId, filters.taskId),
        filters.resourceId === undefined ? undefined : eq(assignments.resourceId, filters.resourceId),
      ),
    )
    .orderBy(resources.name, resources.id, tasks.position, tasks.id);
  return { items: rows.map((row) => toAssignmentView(row.assignment, row)), nextCursor: null };
}

/** Checks the caller may edit the assignment's plan, takes the plan's lock, then the assignment's row lock. */
async function lockAssignment(tx: Transaction, userId: string, assignmentId: string): Promise<AssignmentRow> {
  const [found] = await tx
    .select({ projectId: assignments.projectId, workspaceId: assignments.workspaceId })
    .from(assignments)
    .where(eq(assignments.id, assignmentId));
  if (!found) throw notFound('Assignment', assignmentId);
  const ref = { kind: 'project' as const, id: found.projectId, workspaceId: found.workspaceId };
  if (!(await policy.canSee(tx, userId, ref))) throw notFound('Assignment', assignmentId);
  await policy.assertCanEdit(tx, userId, ref);
  await touchPlan(tx, found.projectId);
  const [row] = await tx.select().from(assignments).where(eq(assignments.id, assignmentId)).for('update');
  if (!row) throw notFound('Assignment', assignmentId);
  return row;
}

/** Changes an assignment's units, work, contour, overtime work or delay at the expected version. */
export async function updateAssignment(
  db: Database,
  userId: string,
  assignmentId: string,
  expectedVersion: number,
  changes: AssignmentChanges,
): Promise<AssignmentView> {
  return writeTransaction(db, async (tx) => {
    const row = await lockAssignment(tx, userId, assignmentId);
    const names = await namesOf(tx, row);
    const before = toAssignmentView(row, names);
    assertVersion(`Assignment ${assignmentId}`, before, expectedVersion);
    await assertOvertimeWithinWork(tx, row.taskId, {
      workMinutes: changes.workMinutes === undefined ? row.workMinutes : changes.workMinutes,
      units: changes.units ?? row.units,
      overtimeWorkMinutes: changes.overtimeWorkMinutes ?? row.overtimeWorkMinutes,
    });
    const [updated] = await tx
      .update(assignments)
      .set({ ...definedOnly(changes), version: sql`${assignments.version} + 1`, updatedAt: sql`now()` })
      .where(eq(assignments.id, assignmentId))
      .returning();
    if (!updated) throw new Error(`assignment ${assignmentId} vanished while locked`);
    const after = toAssignmentView(updated, names);
    await recordChange(tx, userId, assignmentSubject(updated), 'update', before, after);
    return after;
  });
}

/** Removes a resource from a task at the expected version. */
export async function deleteAssignment(
  db: Database,
  userId: string,
  assignmentId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockAssignment(tx, userId, assignmentId);
    const before = toAssignmentView(row, await namesOf(tx, row));
    assertVersion(`Assignment ${assignmentId}`, before, expectedVersion);
    await tx.delete(assignments).where(eq(assignments.id, assignmentId));
    await recordChange(tx, userId, assignmentSubject(row), 'delete', before, null);
  });
}
