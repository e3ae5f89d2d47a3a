import { checklistProgress, deliverableLate, nextDeliverableStates } from '@tandem/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { type DeliverableState, deliverables } from '../../db/schema/deliverables';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { users } from '../../db/schema/users';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import {
  assertOpenForChange,
  changeProject,
  mayDecideAs,
  visibleChangeProject,
  visibleRow,
} from '../changes/change-access';
import { computeSchedule } from '../schedule/schedule-service';
import { recordChange } from '../shared/change-log';
import { definedOnly } from '../shared/defined-only';
import { writeTransaction } from '../shared/write-transaction';

type DeliverableRow = typeof deliverables.$inferSelect;

/** A deliverable as the API shows it, with its milestone's date and whether it is late. */
export interface DeliverableView {
  id: string;
  projectId: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
  /** Ticked and total items of the acceptance checklist. */
  criteria: { done: number; total: number };
  milestoneTaskId: string | null;
  milestoneName: string | null;
  /** The milestone's scheduled date, `YYYY-MM-DDTHH:MM`. */
  milestoneDate: string | null;
  /** Not accepted and its milestone is before the project's status date (or today). */
  late: boolean;
  state: DeliverableState;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionComment: string;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const subjectOf = (row: Pick<DeliverableRow, 'id' | 'workspaceId' | 'projectId'>) => ({
  entityType: 'deliverable' as const,
  entityId: row.id,
  workspaceId: row.workspaceId,
  projectId: row.projectId,
});

async function asOfDay(db: Queryable, projectId: string): Promise<string> {
  const [row] = await db
    .select({ statusDate: projects.statusDate })
    .from(projects)
    .where(eq(projects.id, projectId));
  return row?.statusDate ?? new Date().toISOString().slice(0, 10);
}

async function views(
  db: Database,
  projectId: string,
  rows: readonly DeliverableRow[],
): Promise<DeliverableView[]> {
  if (rows.length === 0) return [];
  const schedule = await computeSchedule(db, projectId);
  const dates = new Map(schedule.tasks.map((task) => [task.id, task.finish]));
  const milestoneIds = rows.map((row) => row.milestoneTaskId).filter((id): id is string => id !== null);
  const names = new Map(
    milestoneIds.length === 0
      ? []
      : (
          await db
            .select({ id: tasks.id, name: tasks.name })
            .from(tasks)
            .where(inArray(tasks.id, milestoneIds))
        ).map((task) => [task.id, task.name] as const),
  );
  const deciders = rows.map((row) => row.acceptedBy).filter((id): id is string => id !== null);
  const people = new Map(
    deciders.length === 0
      ? []
      : (
          await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, deciders))
        ).map((user) => [user.id, user.name] as const),
  );
  const asOf = await asOfDay(db, projectId);
  return rows.map((row) => {
    const milestoneDate = row.milestoneTaskId === null ? null : (dates.get(row.milestoneTaskId) ?? null);
    return {
      id: row.id,
      projectId: row.projectId,
      title: row.title,
      description: row.description,
      acceptanceCriteria: row.acceptanceCriteria,
      criteria: checklistProgress(row.acceptanceCriteria),
      milestoneTaskId: row.milestoneTaskId,
      milestoneName: row.milestoneTaskId === null ? null : (names.get(row.milestoneTaskId) ?? null),
      milestoneDate,
      late: deliverableLate(row.state, milestoneDate, asOf),
      state: row.state,
      decidedBy: row.acceptedBy,
      decidedByName: row.acceptedBy === null ? null : (people.get(row.acceptedBy) ?? null),
      decidedAt: row.acceptedAt?.toISOString() ?? null,
      decisionComment: row.decisionComment,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  });
}

async function viewOf(db: Database, row: DeliverableRow): Promise<DeliverableView> {
  const [view] = await views(db, row.projectId, [row]);
  if (!view) throw new Error(`deliverable ${row.id} has no view`);
  return view;
}

/** The deliverables of a project the caller may see, oldest first. */
export async function listDeliverables(
  db: Database,
  userId: string,
  projectId: string,
): Promise<DeliverableView[]> {
  await visibleChangeProject(db, userId, projectId);
  const rows = await db
    .select()
    .from(deliverables)
    .where(eq(deliverables.projectId, projectId))
    .orderBy(asc(deliverables.createdAt), asc(deliverables.id));
  return views(db, projectId, rows);
}

/** Checks that the milestone is a milestone of the project (422 naming `milestoneTaskId`). */
async function checkMilestone(
  tx: Queryable,
  projectId: string,
  taskId: string | null | undefined,
): Promise<void> {
  if (taskId === null || taskId === undefined) return;
  const [task] = await tx
    .select({ id: tasks.id, isMilestone: tasks.isMilestone, name: tasks.name })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.projectId, projectId)));
  if (!task) {
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `Task ${taskId} is not a task of this project`,
      'milestoneTaskId',
    );
  }
  if (!task.isMilestone) {
    throw new ApiError(422, 'VALIDATION_FAILED', `Task "${task.name}" is not a milestone`, 'milestoneTaskId');
  }
}

/** Fields of a deliverable. */
export interface DeliverableInput {
  title: string;
  description?: string | undefined;
  acceptanceCriteria?: string | undefined;
  milestoneTaskId?: string | null | undefined;
}

/** Adds a deliverable to a project the caller may edit. */
export async function createDeliverable(
  db: Database,
  userId: string,
  projectId: string,
  input: DeliverableInput,
): Promise<DeliverableView> {
  const project = await changeProject(db, projectId);
  await policy.assertCanEdit(db, userId, project.ref);
  assertOpenForChange(project);
  const row = await writeTransaction(db, async (tx) => {
    await checkMilestone(tx, projectId, input.milestoneTaskId);
    const [created] = await tx
      .insert(deliverables)
      .values({
        id: newId('dlv'),
        workspaceId: project.ref.workspaceId,
        projectId,
        title: input.title,
        description: input.description ?? '',
        acceptanceCriteria: input.acceptanceCriteria ?? '',
        milestoneTaskId: input.milestoneTaskId ?? null,
        createdBy: userId,
      })
      .returning();
    if (!created) throw new Error('insert into deliverables returned no row');
    await recordChange(tx, userId, subjectOf(created), 'create', null, created);
    return created;
  });
  return viewOf(db, row);
}

/** Runs a versioned write on a deliverable the caller may see, recording before and after. */
async function writeDeliverable(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  write: (tx: Transaction, row: DeliverableRow) => Promise<Partial<typeof deliverables.$inferInsert>>,
): Promise<DeliverableView> {
  const row = await writeTransaction(db, async (tx) => {
    const [locked] = await tx.select().from(deliverables).where(eq(deliverables.id, id)).for('update');
    const { row: current } = await visibleRow(tx, userId, locked, 'Deliverable', id);
    assertVersion(`Deliverable ${id}`, current, expectedVersion);
    const set = await write(tx, current);
    const [updated] = await tx
      .update(deliverables)
      .set({ ...set, version: sql`${deliverables.version} + 1`, updatedAt: sql`now()` })
      .where(eq(deliverables.id, id))
      .returning();
    if (!updated) throw new Error(`deliverable ${id} vanished while locked`);
    await recordChange(tx, userId, subjectOf(updated), 'update', current, updated);
    return updated;
  });
  return viewOf(db, row);
}

async function assertEditor(tx: Transaction, userId: string, projectId: string): Promise<void> {
  await policy.assertCanEdit(tx, userId, (await changeProject(tx, projectId)).ref);
}

/** Changes a deliverable's fields at the expected version (an accepted one keeps its criteria: 409). */
export async function updateDeliverable(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  changes: { [K in keyof DeliverableInput]?: DeliverableInput[K] | undefined },
): Promise<DeliverableView> {
  return writeDeliverable(db, userId, id, expectedVersion, async (tx, row) => {
    await assertEditor(tx, userId, row.projectId);
    if (row.state === 'accepted' && changes.acceptanceCriteria !== undefined) {
      throw new ApiError(
        409,
        'DELIVERABLE_ACCEPTED',
        `Deliverable "${row.title}" is accepted: its acceptance criteria are what was accepted`,
        'acceptanceCriteria',
      );
    }
    await checkMilestone(tx, row.projectId, changes.milestoneTaskId);
    return definedOnly(changes) as Partial<typeof deliverables.$inferInsert>;
  });
}

/** Moves a deliverable on: submitted for acceptance by an editor, accepted or rejected by the PM or the sponsor. */
export async function moveDeliverable(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
  to: DeliverableState,
  comment: string,
): Promise<DeliverableView> {
  return writeDeliverable(db, userId, id, expectedVersion, async (tx, row) => {
    const project = await changeProject(tx, row.projectId);
    if (to === 'accepted' || to === 'rejected') {
      const may =
        (await mayDecideAs(tx, userId, project, 'project_manager')) ||
        (await mayDecideAs(tx, userId, project, 'sponsor'));
      if (!may) {
        throw new ApiError(
          403,
          'FORBIDDEN',
          `Only the project manager or the sponsor may accept or reject "${row.title}"`,
        );
      }
    } else {
      await policy.assertCanEdit(tx, userId, project.ref);
    }
    if (!nextDeliverableStates(row.state).includes(to)) {
      throw new ApiError(
        409,
        'DELIVERABLE_STATE',
        `Deliverable "${row.title}" is ${row.state}; it cannot become ${to}`,
        'state',
      );
    }
    if (to === 'submitted') return { state: to, submittedBy: userId, submittedAt: new Date() };
    return { state: to, acceptedBy: userId, acceptedAt: new Date(), decisionComment: comment };
  });
}

/** Deletes a deliverable at the expected version. */
export async function deleteDeliverable(
  db: Database,
  userId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const [locked] = await tx.select().from(deliverables).where(eq(deliverables.id, id)).for('update');
    const { row, project } = await visibleRow(tx, userId, locked, 'Deliverable', id);
    await policy.assertCanEdit(tx, userId, project.ref);
    assertVersion(`Deliverable ${id}`, row, expectedVersion);
    await tx.delete(deliverables).where(eq(deliverables.id, id));
    await recordChange(tx, userId, subjectOf(row), 'delete', row, null);
  });
}
