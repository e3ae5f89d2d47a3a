import { getTableColumns, is, Param, Placeholder, type Table } from 'drizzle-orm';
import pg from 'pg';

/** A statement drizzle wrote once with placeholders, and the name PostgreSQL keeps it under on each connection. */
export interface NamedStatement {
  /** Empty when too many statements were named already: it then runs unnamed. */
  name: string;
  text: string;
  params: readonly unknown[];
}

// Past this many statements (never in practice: one per set of columns a write gives) the rest run unnamed.
const maxStatements = 1024;
const statements = new Map<string, NamedStatement>();

/**
 * The statement for `key` (a name prefix and what shapes the statement, such as the columns a write sets), written by
 * `write` the first time only. Values come later through `valuesOf`, so PostgreSQL parses and plans the statement once
 * per connection and this process builds its SQL once.
 * @example const insert = namedStatement(`tandem_task_insert|${keys}`, () => tx.insert(tasks).values(placeholders).returning().toSQL());
 */
export function namedStatement(
  key: string,
  write: () => { sql: string; params: readonly unknown[] },
): NamedStatement {
  let statement = statements.get(key);
  if (statement === undefined) {
    const { sql: text, params } = write();
    const bar = key.indexOf('|');
    const prefix = bar < 0 ? key : key.slice(0, bar);
    const named = statements.size < maxStatements;
    statement = { name: named ? `${prefix}_${statements.size}` : '', text, params };
    if (named) statements.set(key, statement);
  }
  return statement;
}

/**
 * A named statement's values: each placeholder's value as its column writes it (`null` as it is, which drizzle's
 * encoders do not take), other parameters as drizzle wrote them.
 */
export function valuesOf(params: readonly unknown[], given: Record<string, unknown>): unknown[] {
  return params.map((param) => {
    if (is(param, Placeholder)) return given[param.name];
    if (is(param, Param) && is(param.value, Placeholder)) {
      const value = given[param.value.name];
      return value === null || value === undefined ? null : param.encoder.mapToDriverValue(value);
    }
    return param;
  });
}

// The types drizzle's node-postgres driver reads as text, for its columns to parse (timestamps, dates, intervals).
const textTypes = new Set([1184, 1114, 1082, 1186, 1231, 1115, 1185, 1187, 1182]);

/** The type parsers drizzle's node-postgres driver queries with, for rows that `rowMapper` then maps. */
export const drizzleTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    textTypes.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')) as never,
};

/**
 * Maps a row read with `drizzleTypes` (keyed by column name, as `select *` or `returning *` give it) to the row drizzle's
 * own select would give: keyed by property, each value through its column's mapping.
 */
export function rowMapper<T extends Table>(table: T): (raw: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  };
}
