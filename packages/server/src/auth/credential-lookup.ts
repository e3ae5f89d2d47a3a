import type { Database, Queryable } from '../db/client';
import type { WorkspaceRole } from '../db/schema/workspaces';
import { rememberWorkspaceRole } from './access-queries';
import { type CompanionRead, lookUpWith } from './companion-read';
import { prepared } from './prepared';

/** A drizzle query over the `tokenHash` (and `workspaceId`) placeholders, before it is prepared. */
interface LookupQuery<Row> {
  prepare(name: string): { execute(placeholders: Record<string, unknown>): Promise<Row[]> };
  toSQL(): { sql: string; params: unknown[] };
}

/** The credential with its user's role in the route's workspace: null when the user is no member there. */
type WithRole<Row> = Row & { role: WorkspaceRole | null };

/**
 * What differs between the credentials a caller signs in with (a session cookie, an API token): the statement names,
 * the query alone and with the user's role (see `roleJoins`), and how a row of the statement joint with a route's
 * companion read maps back to the credential.
 */
export interface CredentialQueries<Row extends { userId: string }> {
  /** The name of the prepared statement alone; `_role` and `_lookup` name the other two. */
  name: string;
  /** The short name of the joint statements (`tdm_<short>_<read>`). */
  short: string;
  alone(db: Queryable): LookupQuery<Row>;
  withRole(db: Queryable): LookupQuery<WithRole<Row>>;
  /** The names of the `withRole` query's columns in the joint statement, in its order. */
  columns: readonly string[];
  fromJoint(row: Record<string, unknown>): WithRole<Row>;
}

/**
 * Finds a credential by its hashed secret. Given the route's `workspaceId`, the same query reads the user's role there
 * and leaves it in the request's role memo, and runs the route's companion `read`.
 */
export async function findCredential<Row extends { userId: string }>(
  db: Database,
  queries: CredentialQueries<Row>,
  tokenHash: string,
  workspaceId: string | undefined,
  read: CompanionRead | undefined,
): Promise<Row | undefined> {
  if (workspaceId === undefined) {
    const alone = prepared(db, queries.name, (db) => queries.alone(db).prepare(queries.name));
    const [row] = await alone.execute({ tokenHash });
    return row;
  }
  let row: WithRole<Row> | undefined;
  if (read === undefined) {
    const name = `${queries.name}_role`;
    const withRole = prepared(db, name, (db) => queries.withRole(db).prepare(name));
    [row] = await withRole.execute({ tokenHash, workspaceId });
  } else {
    const lookup = prepared(db, `${queries.name}_lookup`, (db) => ({
      name: queries.short,
      query: queries.withRole(db).toSQL(),
      columns: queries.columns,
    }));
    const joint = await lookUpWith(db, lookup, { tokenHash, workspaceId }, read);
    row = joint === undefined ? undefined : queries.fromJoint(joint);
  }
  if (row) rememberWorkspaceRole(db, row.userId, workspaceId, row.role ?? null);
  return row;
}
