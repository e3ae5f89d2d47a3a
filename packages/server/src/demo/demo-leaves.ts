import { asc, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { tasks } from '../db/schema/tasks';

/**
 * A demo project's work items (tasks without children) in outline order, the order a reader meets them in the plan.
 * The demo inserts a project's tasks in one statement, so they share a creation time: ordering by it (or by position
 * alone, which restarts under every parent) would fall back on the random ids and make the demo differ between loads.
 */
export async function leavesInOutlineOrder(
  tx: Transaction,
  projectId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await tx
    .select({ id: tasks.id, parentId: tasks.parentId, name: tasks.name })
    .from(tasks)
    .where(eq(tasks.projectId, projectId))
    .orderBy(asc(tasks.position), asc(tasks.id));
  const childrenOf = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const siblings = childrenOf.get(row.parentId);
    if (siblings) siblings.push(row);
    else childrenOf.set(row.parentId, [row]);
  }
  const leaves: { id: string; name: string }[] = [];
  const walk = (parentId: string | null) => {
    for (const row of childrenOf.get(parentId) ?? []) {
      if (childrenOf.has(row.id)) walk(row.id);
      else leaves.push({ id: row.id, name: row.name });
    }
  };
  walk(null);
  return leaves;
}
