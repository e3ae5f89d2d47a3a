import { eq, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Transaction } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { type ChangeAction, type ChangeSubject, changeRecord } from '../shared/change-log';
import { notFound } from '../shared/errors';
import { sqlState } from '../shared/write-transaction';
import { commitTail, markCommitted } from './plan-write';

/**
 * Marks the project's plan as changed inside the write's transaction: locks the project row (so writes to one plan
 * are serialised), bumps `plan_revision` and returns the new revision. Computed schedules are cached per revision, so
 * every write that can move the schedule must call this before it commits.
 * @example const revision = await touchPlan(tx, task.projectId);
 */
export async function touchPlan(tx: Transaction, projectId: string): Promise<number> {
  // An UPDATE takes the row lock a `select … for update` would, and returns the new revision in the same round trip.
  const [row] = await tx
    .update(projects)
    .set({ planRevision: sql`${projects.planRevision} + 1` })
    .where(eq(projects.id, projectId))
    .returning({ planRevision: projects.planRevision });
  if (!row) throw notFound('Project', projectId);
  return row.planRevision;
}

/** Who changed what in a plan write, as `recordChange` takes it. */
export type PlanChange = [
  actorId: string,
  subject: ChangeSubject,
  action: ChangeAction,
  before: object | null,
  after: object | null,
];

const dialect = new PgDialect();

/** The statement as one text, each parameter a quoted literal (`pg`'s escaping) that takes its type from its place, as a parameter does. */
function inlined(statement: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value === null || value === undefined) return 'null';
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`a plan change cannot inline a ${typeof value} parameter`);
    }
    return pg.escapeLiteral(String(value));
  });
}

/**
 * `recordChange`, `touchPlan` and the commit in one round trip, the last statement of a plan write: PostgreSQL then
 * holds the plan's lock for the statement and the commit's flush only, never while the reply waits for this process's
 * event loop, which under load is the longest part (every concurrent write to the plan queues behind it). The write is
 * committed when this resolves; nothing may be written after it. Rejects, committing nothing, on any failure, the
 * project missing included.
 * @example const revision = await commitPlanChange(tx, task.projectId, [userId, subject, 'update', before, after]);
 */
export async function commitPlanChange(
  tx: Transaction,
  projectId: string,
  change: PlanChange,
): Promise<number> {
  const { entry, notify } = changeRecord(...change);
  // Dividing by the count of bumped rows fails the statement when the project is gone, and the rest of the text (the
  // commit) then never runs.
  const statement = sql`
    with entry as (${entry}),
    plan as (
      update ${projects} set plan_revision = plan_revision + 1 where id = ${projectId} returning plan_revision
    )
    select ${notify}, (select plan_revision from plan) as revision, 1 / (select count(*) from plan) as present`;
  // One simple-protocol query may hold several statements, which PostgreSQL runs without waiting for the client.
  const text = `${inlined(statement)}; ${commitTail(tx)}`;
  // A query text with several statements answers with one result per statement.
  const results = (await tx.execute(sql.raw(text)).catch((error: unknown) => {
    // The division above: the project was deleted since the write read it.
    if (sqlState(error) === '22012') throw notFound('Project', projectId);
    throw error;
  })) as unknown as { rows: { revision: number | null }[] }[];
  markCommitted(tx);
  const revision = results[0]?.rows[0]?.revision;
  if (revision === null || revision === undefined) throw new Error(`project ${projectId} bumped no revision`);
  return revision;
}
