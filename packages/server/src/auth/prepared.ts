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
