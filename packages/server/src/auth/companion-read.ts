import { is, Placeholder } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../db/client';

/**
 * A read that a workspace route asks the caller's authentication to run in its own statement, so a list request
 * costs one round trip to PostgreSQL instead of two. The read sees the `caller` row of the lookup (`caller_user_id`,
 * `caller_role`, null when the caller is no member) and must check visibility from it.
 */
export interface CompanionRead {
  /** Names the read's variant; with the lookup's name it names the joint prepared statement. */
  name: string;
  /** The read as SQL, its parameters numbered from `first`. */
  sql(first: number): string;
  /** Its parameter values, in order. */
  values: readonly unknown[];
  /** The order of its rows, over its own column names in the joint statement (`r."name" asc, r."id" asc`). */
  order: string;
  types: pg.CustomTypesConfig;
  /** Receives the joint statement's rows: the read's columns, all null when it found nothing, beside the caller's. */
  accept(rows: Record<string, unknown>[]): void;
}

/** An authentication lookup as drizzle writes it, with the names its columns take in the joint statement. */
export interface CallerLookup {
  name: string;
  query: { sql: string; params: unknown[] };
  columns: readonly string[];
}

const texts = new Map<string, string>();

/**
 * Runs `lookup` and `read` as one statement, hands the read its rows, and returns the lookup's row (its `caller_*`
 * columns), or undefined when the lookup found nobody; the read then gets nothing either.
 */
export async function lookUpWith(
  db: Database,
  lookup: CallerLookup,
  named: Record<string, unknown>,
  read: CompanionRead,
): Promise<Record<string, unknown> | undefined> {
  const params = lookup.query.params;
  const name = `tdm_${lookup.name}_${read.name}`;
  let text = texts.get(name);
  if (text === undefined) {
    const columns = lookup.columns.join(', ');
    text =
      `with caller(${columns}) as (${lookup.query.sql}) select caller.*, r.* from caller ` +
      `left join lateral (${read.sql(params.length + 1)}) r on true order by ${read.order}`;
    texts.set(name, text);
  }
  const values = [
    ...params.map((param) => (is(param, Placeholder) ? named[param.name] : param)),
    ...read.values,
  ];
  const { rows } = await db.$client.query<Record<string, unknown>>({ name, text, values, types: read.types });
  const first = rows[0];
  if (!first) return undefined;
  read.accept(rows);
  return first;
}
