import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type RaidLinkType, raidItems } from '../../db/schema/raid';
import { risks } from '../../db/schema/risks';
import { tasks } from '../../db/schema/tasks';

/** The far end of a RAID link as a list shows it. */
export interface LinkTarget {
  projectId: string;
  workspaceId: string;
  title: string;
  status: string;
  /** % complete of a task; null for the other types. */
  percentComplete: number | null;
}

/**
 * Whether this database has change requests yet: they are linked by id, so a RAID item can point at one only where
 * the table exists (older databases and builds without that module have none).
 */
export async function hasChangeRequests(db: Queryable): Promise<boolean> {
  const result = await db.execute(sql`select to_regclass('public.change_requests') is not null as present`);
  return Boolean((result.rows[0] as { present?: boolean } | undefined)?.present);
}

/** The far end of a link, or null when no such thing exists. */
export async function linkTarget(db: Queryable, type: RaidLinkType, id: string): Promise<LinkTarget | null> {
  switch (type) {
    case 'task': {
      const [row] = await db
        .select({
          projectId: tasks.projectId,
          workspaceId: tasks.workspaceId,
          title: tasks.name,
          status: tasks.status,
          percentComplete: tasks.percentComplete,
        })
        .from(tasks)
        .where(eq(tasks.id, id));
      return row ?? null;
    }
    case 'risk': {
      const [row] = await db
        .select({
          projectId: risks.projectId,
          workspaceId: risks.workspaceId,
          title: risks.title,
          status: risks.status,
        })
        .from(risks)
        .where(eq(risks.id, id));
      return row ? { ...row, percentComplete: null } : null;
    }
    case 'raid': {
      const [row] = await db
        .select({
          projectId: raidItems.projectId,
          workspaceId: raidItems.workspaceId,
          title: raidItems.title,
          status: raidItems.status,
        })
        .from(raidItems)
        .where(eq(raidItems.id, id));
      return row ? { ...row, percentComplete: null } : null;
    }
    case 'change_request': {
      if (!(await hasChangeRequests(db))) return null;
      const result = await db.execute(
        sql`select project_id, workspace_id, number, title, status from change_requests where id = ${id}`,
      );
      const row = result.rows[0] as
        | { project_id: string; workspace_id: string; number: number; title: string; status: string }
        | undefined;
      return row
        ? {
            projectId: row.project_id,
            workspaceId: row.workspace_id,
            title: `CR-${row.number} ${row.title}`,
            status: row.status,
            percentComplete: null,
          }
        : null;
    }
    default:
      return assertNever(type);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected link type ${String(value)}`);
}
