import type pg from 'pg';
import { listKinds } from '../db/schema/list-revision';
import type { TableInfo } from './database-tables';

/** The plan revisions of the replaced database's projects, which running servers may hold schedules under. */
export interface ServedRevisions {
  projectIds: string[];
  planRevisions: number[];
}

/** Reads, before the replaced database is dropped, the plan revision of each of its projects (none when it has none). */
export async function cachedRevisions(
  client: pg.Client,
  existing: readonly TableInfo[],
): Promise<ServedRevisions> {
  if (!existing.some((table) => table.name === 'projects')) return { projectIds: [], planRevisions: [] };
  const { rows } = await client.query<{ id: string; plan_revision: number }>(
    'select id, plan_revision from projects',
  );
  return { projectIds: rows.map((row) => row.id), planRevisions: rows.map((row) => row.plan_revision) };
}

/**
 * Gives every restored backlog, workspace list and plan a revision no running server has seen: servers keep rankings,
 * list pages and schedules by revision, and a backup (of this database or another) carries numbers that may already
 * name other rows in a server's cache. Backlogs and lists draw new numbers from their sequences; every workspace gets
 * its lists' rows, so none is left at the revision a missing row reads as. A plan that the replaced database also held
 * goes past the revision it had there, so a server holding its schedule reads it again.
 */
export async function renumberRevisions(client: pg.Client, served: ServedRevisions): Promise<void> {
  await client.query(`update backlog_revisions set revision = nextval('backlog_revision_seq')`);
  await client.query(
    `insert into list_revisions (workspace_id, kind, revision)
     select w.id, k.kind, nextval('list_revision_seq') from workspaces w cross join unnest($1::text[]) k(kind)
     on conflict (workspace_id, kind) do update set revision = excluded.revision`,
    [listKinds],
  );
  await client.query(
    `update projects p set plan_revision = greatest(p.plan_revision, o.revision) + 1
       from unnest($1::text[], $2::integer[]) o(id, revision) where p.id = o.id`,
    [served.projectIds, served.planRevisions],
  );
}
