import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { riskActions, risks } from '../../db/schema/risks';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { planCache } from '../schedule/plan-cache';
import { touchPlan } from '../schedule/plan-revision';
import { recordChange } from '../shared/change-log';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { initialStatus, rulesOf } from '../tasks/task-rules';
import { nextPositionSql } from '../tasks/task-tree';
import { taskSubject, toTaskView } from '../tasks/task-view';
import { lockRiskForWrite, riskViewOf } from './risk-service';
import { type RiskView, riskSubject } from './risk-view';

type RiskRow = typeof risks.$inferSelect;

/** A mitigation action to add: an existing task of the project, or a new task made from the risk. */
export type ActionInput =
  | { taskId: string }
  | { task: { name: string; durationMinutes?: number | undefined } };

/** 404 for a task the caller cannot see, 422 for one of another project: actions are tasks of the risk's own plan. */
async function checkTaskOfProject(
  tx: Transaction,
  userId: string,
  risk: RiskRow,
  taskId: string,
): Promise<void> {
  const [task] = await tx
    .select({ id: tasks.id, name: tasks.name, projectId: tasks.projectId, workspaceId: tasks.workspaceId })
    .from(tasks)
    .where(eq(tasks.id, taskId))
    .for('key share');
  if (!task) throw notFound('Task', taskId);
  if (task.projectId === risk.projectId) return;
  const ref = { kind: 'project' as const, id: task.projectId, workspaceId: task.workspaceId };
  if (!(await policy.canSee(tx, userId, ref))) throw notFound('Task', taskId);
  throw new ApiError(
    422,
    'INVALID_LINK',
    `Task "${task.name}" belongs to project ${task.projectId}; a risk's actions are tasks of project ${risk.projectId}`,
    'taskId',
  );
}

/** A new task at the end of the plan, named for the action, written as the task service writes one. */
async function insertActionTask(
  tx: Transaction,
  userId: string,
  risk: RiskRow,
  input: { name: string; durationMinutes?: number | undefined },
): Promise<string> {
  const rules = await rulesOf(tx, risk.projectId);
  const [row] = await tx
    .insert(tasks)
    .values({
      id: newId('tsk'),
      workspaceId: risk.workspaceId,
      projectId: risk.projectId,
      parentId: null,
      name: input.name,
      description: `Mitigation action for the risk "${risk.title}".`,
      durationMinutes: input.durationMinutes ?? 480,
      status: initialStatus(rules),
      position: nextPositionSql(risk.projectId, null) as unknown as number,
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error('insert into tasks returned no row');
  await recordChange(tx, userId, taskSubject(row), 'create', null, toTaskView(row));
  const revision = await touchPlan(tx, risk.projectId);
  planCache.note(risk.projectId, revision, { structural: true });
  return row.id;
}

async function bumpRisk(tx: Transaction, userId: string, risk: RiskRow, before: RiskView): Promise<RiskView> {
  const [updated] = await tx
    .update(risks)
    .set({ version: sql`${risks.version} + 1`, updatedAt: sql`now()` })
    .where(eq(risks.id, risk.id))
    .returning();
  if (!updated) throw new Error(`risk ${risk.id} vanished while locked`);
  const after = await riskViewOf(tx, updated);
  await recordChange(tx, userId, riskSubject(updated), 'update', before, after);
  return after;
}

/**
 * Adds a mitigation action to a risk: links a task of the project, or creates the task in the plan and links it, in
 * one transaction; linking a task twice is a 409.
 */
export async function addRiskAction(
  db: Database,
  userId: string,
  riskId: string,
  input: ActionInput,
): Promise<RiskView> {
  return writeTransaction(db, async (tx) => {
    const risk = await lockRiskForWrite(tx, userId, riskId);
    const before = await riskViewOf(tx, risk);
    let taskId: string;
    if ('taskId' in input) {
      await checkTaskOfProject(tx, userId, risk, input.taskId);
      if (before.actions.some((action) => action.taskId === input.taskId))
        throw new ApiError(
          409,
          'CONFLICT',
          `Task ${input.taskId} is already an action of risk ${riskId}`,
          'taskId',
        );
      taskId = input.taskId;
    } else {
      taskId = await insertActionTask(tx, userId, risk, input.task);
    }
    await tx.insert(riskActions).values({ workspaceId: risk.workspaceId, riskId, taskId });
    return bumpRisk(tx, userId, risk, before);
  });
}

/** Removes a mitigation action from a risk; the task stays in the plan. */
export async function removeRiskAction(
  db: Database,
  userId: string,
  riskId: string,
  taskId: string,
): Promise<RiskView> {
  return writeTransaction(db, async (tx) => {
    const risk = await lockRiskForWrite(tx, userId, riskId);
    const before = await riskViewOf(tx, risk);
    const removed = await tx
      .delete(riskActions)
      .where(and(eq(riskActions.riskId, riskId), eq(riskActions.taskId, taskId)))
      .returning({ taskId: riskActions.taskId });
    if (removed.length === 0) throw notFound('Action', `${taskId} of risk ${riskId}`);
    return bumpRisk(tx, userId, risk, before);
  });
}
