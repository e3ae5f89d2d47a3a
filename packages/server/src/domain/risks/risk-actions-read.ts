import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { riskActions } from '../../db/schema/risks';
import { tasks } from '../../db/schema/tasks';
import type { RiskActionView } from './risk-view';

/** The mitigation actions of the given risks, by risk id, each task with its status and % complete, in plan order. */
export async function actionsOf(db: Queryable, riskIds: string[]): Promise<Map<string, RiskActionView[]>> {
  const byRisk = new Map<string, RiskActionView[]>();
  if (riskIds.length === 0) return byRisk;
  const rows = await db
    .select({
      riskId: riskActions.riskId,
      taskId: tasks.id,
      name: tasks.name,
      status: tasks.status,
      percentComplete: tasks.percentComplete,
    })
    .from(riskActions)
    .innerJoin(tasks, eq(tasks.id, riskActions.taskId))
    .where(inArray(riskActions.riskId, riskIds))
    .orderBy(tasks.position, tasks.id);
  for (const { riskId, ...action } of rows) {
    const list = byRisk.get(riskId) ?? [];
    list.push(action);
    byRisk.set(riskId, list);
  }
  return byRisk;
}
