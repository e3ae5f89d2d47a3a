import { and, eq } from 'drizzle-orm';
import { workspaceAllows } from '../auth/permissions';
import { type EntityRef, policy } from '../auth/policy';
import type { Database } from '../db/client';
import { auditEntries } from '../db/schema/audit';
import { products } from '../db/schema/products';
import { programs } from '../db/schema/programs';
import { projects } from '../db/schema/projects';
import { tasks } from '../db/schema/tasks';
import { notFound } from '../domain/shared/errors';

/** Entity types whose history the API serves. */
export const historyEntityTypes = ['product', 'program', 'project', 'task'] as const;

/** One of `historyEntityTypes`. */
export type HistoryEntityType = (typeof historyEntityTypes)[number];

/** What guards an entity's history: the entity itself, or the project a task belongs to. */
async function guardOf(db: Database, type: HistoryEntityType, id: string): Promise<EntityRef | undefined> {
  switch (type) {
    case 'product': {
      const [row] = await db
        .select({ workspaceId: products.workspaceId })
        .from(products)
        .where(eq(products.id, id));
      return row && { kind: 'product', id, workspaceId: row.workspaceId };
    }
    case 'program': {
      const [row] = await db
        .select({ workspaceId: programs.workspaceId })
        .from(programs)
        .where(eq(programs.id, id));
      return row && { kind: 'program', id, workspaceId: row.workspaceId };
    }
    case 'project': {
      const [row] = await db
        .select({ workspaceId: projects.workspaceId })
        .from(projects)
        .where(eq(projects.id, id));
      return row && { kind: 'project', id, workspaceId: row.workspaceId };
    }
    case 'task': {
      const [row] = await db
        .select({ workspaceId: tasks.workspaceId, projectId: tasks.projectId })
        .from(tasks)
        .where(eq(tasks.id, id));
      return row && { kind: 'project', id: row.projectId, workspaceId: row.workspaceId };
    }
  }
}

/**
 * Lets through whoever may see the entity. The history of a deleted task stays readable by whoever may still see its
 * project; that of any other deleted entity by the owners and admins of its workspace, who see the workspace audit
 * log anyway. Anyone else gets 404.
 */
export async function assertCanReadHistory(
  db: Database,
  userId: string,
  type: HistoryEntityType,
  id: string,
): Promise<void> {
  const guard = await guardOf(db, type, id);
  if (guard) {
    if (!(await policy.canSee(db, userId, guard))) throw notFound(label(type), id);
    return;
  }
  const [entry] = await db
    .select({ workspaceId: auditEntries.workspaceId, before: auditEntries.before })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.entityType, type),
        eq(auditEntries.entityId, id),
        eq(auditEntries.action, 'delete'),
      ),
    )
    .limit(1);
  if (!entry?.workspaceId) throw notFound(label(type), id);
  const projectId = type === 'task' ? projectOf(entry.before) : undefined;
  if (projectId) {
    const project = await guardOf(db, 'project', projectId);
    if (project && (await policy.canSee(db, userId, project))) return;
  }
  if (!workspaceAllows(await policy.workspaceRole(db, userId, entry.workspaceId), 'seeAudit')) {
    throw notFound(label(type), id);
  }
}

/** The project a deleted task belonged to, from the `before` of its deletion. */
function projectOf(before: unknown): string | undefined {
  if (typeof before !== 'object' || before === null || !('projectId' in before)) return undefined;
  return typeof before.projectId === 'string' ? before.projectId : undefined;
}

function label(type: HistoryEntityType): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
