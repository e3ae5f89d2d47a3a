import {
  type ChangeEdit,
  type ChangeImpact,
  formatInstant,
  scheduleProject,
  takeBaseline,
} from '@tandem/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { type BaselineTask, baselines } from '../../db/schema/baselines';
import { baselineResets } from '../../db/schema/changes';
import { taskLinks } from '../../db/schema/task-links';
import { tasks } from '../../db/schema/tasks';
import { baselineSubject, toBaselineSummary } from '../baselines/baseline-view';
import { toLinkView } from '../links/link-view';
import { loadPlanInput } from '../schedule/build-input';
import { planCache } from '../schedule/plan-cache';
import { touchPlan } from '../schedule/plan-revision';
import { auditCascadedDeletions } from '../shared/audit-many';
import { recordChange } from '../shared/change-log';
import { initialStatus, rulesOf } from '../tasks/task-rules';
import { descendantIds, lockTaskTree, nextPositionSql } from '../tasks/task-tree';
import { taskSubject, toTaskView } from '../tasks/task-view';
import { impactOn } from './change-impact';

type LinkRow = typeof taskLinks.$inferSelect;

/** Who applies, where, and what. */
export interface ApplyContext {
  userId: string;
  workspaceId: string;
  projectId: string;
  proposal: readonly ChangeEdit[];
}

const linkSubject = (row: LinkRow) => ({
  entityType: 'link' as const,
  entityId: row.id,
  workspaceId: row.workspaceId,
  projectId: row.projectId,
});

/** Writes one task update as the task service does: bumped version, audit entry and change event. */
async function updateTaskRow(
  tx: Transaction,
  userId: string,
  taskId: string,
  set: Partial<typeof tasks.$inferInsert>,
): Promise<void> {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
  if (!row) throw new Error(`task ${taskId} vanished while its plan was locked`);
  const [updated] = await tx
    .update(tasks)
    .set({ ...set, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(eq(tasks.id, taskId))
    .returning();
  if (!updated) throw new Error(`task ${taskId} was not updated`);
  await recordChange(tx, userId, taskSubject(updated), 'update', toTaskView(row), toTaskView(updated));
}

async function insertLink(
  tx: Transaction,
  context: ApplyContext,
  values: Pick<LinkRow, 'predecessorId' | 'successorId' | 'type' | 'lagMinutes'>,
): Promise<void> {
  const [row] = await tx
    .insert(taskLinks)
    .values({
      ...values,
      lagPercent: null,
      id: newId('lnk'),
      workspaceId: context.workspaceId,
      projectId: context.projectId,
    })
    .returning();
  if (!row) throw new Error('insert into task_links returned no row');
  await recordChange(tx, context.userId, linkSubject(row), 'create', null, toLinkView(row));
}

/**
 * Applies an approved proposal to the stored plan inside the caller's transaction, the way the task and link services
 * write (each row audited and streamed, one plan revision for the whole change): the plan is locked first and checked
 * again, so a proposal that no longer fits it (a task removed since) is refused with 422 naming the edit and nothing
 * is written. Returns the new plan revision and the impact on the plan as it stood; the caller advances the plan
 * cache after commit.
 */
export async function applyProposalToPlan(
  tx: Transaction,
  context: ApplyContext,
): Promise<{ revision: number; impact: ChangeImpact }> {
  const { userId, projectId, proposal } = context;
  await lockTaskTree(tx, projectId);
  const revision = await touchPlan(tx, projectId);
  const plan = (await loadPlanInput(tx, projectId)).project;
  // The same check and reschedule as the impact: refuses a stale proposal and one that would close a cycle.
  const impact = impactOn(plan, proposal);
  const rules = await rulesOf(tx, projectId);
  // Added tasks are named `new:<index>` in the what-if plan; later edits of the proposal may refer to them so.
  const realId = new Map<string, string>();
  const resolve = (id: string) => realId.get(id) ?? id;
  for (const [index, edit] of proposal.entries()) {
    switch (edit.kind) {
      case 'addTask': {
        const parentId = edit.parentId === null ? null : resolve(edit.parentId);
        const [row] = await tx
          .insert(tasks)
          .values({
            id: newId('tsk'),
            workspaceId: context.workspaceId,
            projectId,
            parentId,
            name: edit.name,
            durationMinutes: edit.durationMinutes,
            isMilestone: edit.durationMinutes === 0,
            status: initialStatus(rules),
            position: nextPositionSql(projectId, parentId),
            createdBy: userId,
          })
          .returning();
        if (!row) throw new Error('insert into tasks returned no row');
        realId.set(`new:${index}`, row.id);
        await recordChange(tx, userId, taskSubject(row), 'create', null, toTaskView(row));
        if (edit.predecessorId) {
          await insertLink(tx, context, {
            predecessorId: resolve(edit.predecessorId),
            successorId: row.id,
            type: 'FS',
            lagMinutes: 0,
          });
        }
        if (edit.successorId) {
          await insertLink(tx, context, {
            predecessorId: row.id,
            successorId: resolve(edit.successorId),
            type: 'FS',
            lagMinutes: 0,
          });
        }
        break;
      }
      case 'removeTask': {
        const id = resolve(edit.taskId);
        const [row] = await tx.select().from(tasks).where(eq(tasks.id, id)).for('update');
        if (!row) break;
        const below = await descendantIds(tx, id);
        const removed =
          below.length === 0
            ? []
            : await tx.select().from(tasks).where(inArray(tasks.id, below)).for('update');
        await tx.delete(tasks).where(eq(tasks.id, id));
        await auditCascadedDeletions(
          tx,
          userId,
          context.workspaceId,
          removed.map((task) => ({ entityType: 'task', entityId: task.id, before: toTaskView(task) })),
        );
        await recordChange(tx, userId, taskSubject(row), 'delete', toTaskView(row), null);
        break;
      }
      case 'setDuration':
        await updateTaskRow(tx, userId, resolve(edit.taskId), {
          durationMinutes: edit.durationMinutes,
          ...(edit.durationMinutes > 0 ? { isMilestone: false } : {}),
        });
        break;
      case 'setConstraint':
        await updateTaskRow(tx, userId, resolve(edit.taskId), {
          constraintType: edit.constraintType,
          constraintDate:
            edit.constraintType === 'asap' || edit.constraintType === 'alap' ? null : edit.constraintDate,
        });
        break;
      case 'addLink':
        await insertLink(tx, context, {
          predecessorId: resolve(edit.predecessorId),
          successorId: resolve(edit.successorId),
          type: edit.type,
          lagMinutes: edit.lagMinutes,
        });
        break;
      case 'removeLink': {
        const [row] = await tx
          .delete(taskLinks)
          .where(
            and(
              eq(taskLinks.predecessorId, resolve(edit.predecessorId)),
              eq(taskLinks.successorId, resolve(edit.successorId)),
            ),
          )
          .returning();
        if (row) await recordChange(tx, userId, linkSubject(row), 'delete', toLinkView(row), null);
        break;
      }
      default:
        throw new Error(`Unexpected plan edit ${JSON.stringify(edit satisfies never)}`);
    }
  }
  planCache.note(projectId, revision, { structural: true });
  return { revision, impact };
}

const wallText = (t: number) => formatInstant(t as Parameters<typeof formatInstant>[0]).slice(0, 16);

/** What a baseline re-set records. */
export interface BaselineResetInput {
  userId: string;
  workspaceId: string;
  projectId: string;
  revision: number;
  name: string;
  reason: string;
  changeRequestId: string | null;
}

/**
 * Takes a new baseline of the plan as it stands in the transaction (after the change's writes) and records why in
 * `baseline_resets`; a plan with a cycle has no schedule to keep (422).
 */
export async function resetBaseline(tx: Transaction, input: BaselineResetInput): Promise<string> {
  const plan = (await loadPlanInput(tx, input.projectId)).project;
  const result = scheduleProject(plan);
  // The change was rescheduled before its writes, so a failure here is a broken invariant, not a client error.
  if (!result.ok) throw new Error(`the applied plan of project ${input.projectId} could not be scheduled`);
  const snapshot = takeBaseline(result, input.name);
  const taskMap: Record<string, BaselineTask> = {};
  for (const task of snapshot.tasks) {
    taskMap[task.id] = {
      start: wallText(task.start),
      finish: wallText(task.finish),
      durationMinutes: task.durationMinutes,
      workMinutes: task.work,
      costCents: task.cost,
    };
  }
  const [row] = await tx
    .insert(baselines)
    .values({
      id: newId('bsl'),
      workspaceId: input.workspaceId,
      projectId: input.projectId,
      name: input.name,
      note: input.reason,
      planRevision: input.revision,
      tasks: taskMap,
      createdBy: input.userId,
    })
    .returning();
  if (!row) throw new Error('insert into baselines returned no row');
  await recordChange(tx, input.userId, baselineSubject(row), 'create', null, toBaselineSummary(row));
  await tx.insert(baselineResets).values({
    id: newId('bsr'),
    workspaceId: input.workspaceId,
    projectId: input.projectId,
    baselineId: row.id,
    changeRequestId: input.changeRequestId,
    reason: input.reason,
    by: input.userId,
  });
  return row.id;
}
