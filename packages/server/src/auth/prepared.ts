import type pg from 'pg';
import type { Queryable } from '../db/client';

const statements = new WeakMap<Queryable, Map<string, unknown>>();

/**
 * A prepared statement of `db`, built once per database handle: the queries every request runs (session, token and
 * role lookups) then skip building their SQL, and PostgreSQL keeps their plan per connection. The name must be unique
 * to the query's text.
 * @example const query = prepared(db, 'tandem_session', (db) => db.select()...where(eq(col, sql.placeholder('h'))).prepare('tandem_session'));
 */
export function prepared<T>(db: Queryable, name: string, build: (db: Queryable) => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}

/**
 * Runs a hand-written statement as a named prepared statement on the connection `db` uses: the pool, or the client a
 * transaction holds (drizzle names no statement it runs inside a transaction). `name` must be unique to `text`.
 * @example const rows = await queryNamed<Row>(tx, { name: 'tandem_x', text: 'select … where id = $1', values: [id] });
 */
export async function queryNamed<Row extends pg.QueryResultRow>(
  db: Queryable,
  query: pg.QueryConfig & { name: string },
): Promise<Row[]> {
  const client: pg.ClientBase | pg.Pool =
    '$client' in db ? db.$client : (db._.session as unknown as { client: pg.ClientBase }).client;
  const { rows } = await client.query<Row>(query);
  return rows;
}
