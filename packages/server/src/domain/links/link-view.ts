import { sql } from 'drizzle-orm';
import type { TaskLinkType, taskLinks } from '../../db/schema/task-links';

type LinkRow = typeof taskLinks.$inferSelect;

/** A dependency between two tasks as the API shows it; the lag is working minutes, or a percent of the predecessor. */
export interface LinkView {
  id: string;
  workspaceId: string;
  projectId: string;
  predecessorId: string;
  successorId: string;
  type: TaskLinkType;
  lagMinutes: number;
  lagPercent: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row to its API view. */
export function toLinkView(row: LinkRow): LinkView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    predecessorId: row.predecessorId,
    successorId: row.successorId,
    type: row.type,
    lagMinutes: row.lagMinutes,
    lagPercent: row.lagPercent,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The link view built by PostgreSQL as JSON text, for replies that carry thousands of links. */
export const linkJsonSql = sql`json_build_object(
  'id', id, 'workspaceId', workspace_id, 'projectId', project_id, 'predecessorId', predecessor_id,
  'successorId', successor_id, 'type', type, 'lagMinutes', lag_minutes, 'lagPercent', lag_percent,
  'createdAt', ${iso('created_at')}, 'updatedAt', ${iso('updated_at')}, 'version', version)::text`;
