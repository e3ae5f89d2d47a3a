import { type AnyColumn, getTableName, type Table } from 'drizzle-orm';
import pg from 'pg';
import { heldEntityIdsText } from '../../auth/access-queries';
import type { Visibility } from '../../auth/policy';
import type { Database } from '../../db/client';
import type { EntityKind } from '../../db/schema/entity-members';
import { type CursorValue, cursorPosition, type Page, type Sort, toPage } from '../../http/pagination';
import { containsPattern } from './text-search';

/** What one list reads: its table, the columns of a row, and what it may filter and sort on. */
export interface PreparedListSpec<Field extends string> {
  /** The entity kind the list shows, which also names its prepared statements. */
  kind: EntityKind;
  table: Table;
  /** The row a request gets, key by key, each from one column of `table` (read as drizzle would read it). */
  columns: Record<string, AnyColumn>;
  id: AnyColumn;
  /** The workspace column every request filters on. */
  workspace: AnyColumn;
  /** The column the `q` parameter searches. */
  search: AnyColumn;
  sortable: Record<Field, AnyColumn>;
}

/** One request of a prepared list. */
export interface PreparedListRequest<Field extends string> {
  workspaceId: string;
  userId: string;
  visibility: Visibility;
  sort: Sort<Field>;
  cursor: string | undefined;
  q: string | undefined;
  limit: number;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

const timestamptzOid = 1184;
const parseTimestamptz = pg.types.getTypeParser(timestamptzOid) as (text: string) => Date;
// How PostgreSQL writes a timestamptz when the session's time zone is UTC, the usual case.
const utcTimestamp = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as `Date.prototype.toISOString` writes it, straight from PostgreSQL's text when that is in UTC:
 * parsing a `Date` and printing it again for every timestamp of every row was a twentieth of a list's CPU. Other
 * zones take the long way. Digits past the millisecond are dropped, as a `Date` drops them.
 */
export function isoFromTimestamptz(text: string): string {
  const utc = utcTimestamp.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return parseTimestamptz(text).toISOString();
}

const listTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === timestamptzOid ? isoFromTimestamptz : pg.types.getTypeParser(oid, format as 'text')) as never,
};

/**
 * A list read as a named prepared statement per variant (sort, direction, cursor, search, visibility), written once
 * instead of built by drizzle on every request; PostgreSQL parses and plans each variant once per connection. Rows
 * come back keyed as `columns` says, with timestamps (with time zone) as ISO text rather than `Date`s.
 * @example const page = await preparedList(spec).read(db, request, toView);
 */
export function preparedList<Field extends string>(spec: PreparedListSpec<Field>) {
  const table = quote(getTableName(spec.table));
  const id = `t.${quote(spec.id.name)}`;
  const select = Object.entries(spec.columns)
    .map(([key, column]) => `t.${quote(column.name)} as ${quote(key)}`)
    .join(', ');
  const idKey = Object.entries(spec.columns).find(([, column]) => column === spec.id)?.[0];
  if (idKey !== 'id') throw new Error(`The ${spec.kind} list must read its id column as "id"`);
  const statements = new Map<string, string>();

  function statement(
    field: Field,
    direction: 'asc' | 'desc',
    after: boolean,
    search: boolean,
    held: boolean,
  ) {
    const name = `tandem_list_${spec.kind}_${field}_${direction}_${Number(after)}${Number(search)}${Number(held)}`;
    let text = statements.get(name);
    if (text === undefined) {
      const column = spec.sortable[field];
      const sortBy = `t.${quote(column.name)}`;
      let count = 2;
      const param = (cast: string) => `$${++count}::${cast}`;
      const where = [`t.${quote(spec.workspace.name)} = $1`];
      if (search) where.push(`t.${quote(spec.search.name)} ilike ${param('text')}`);
      if (after) {
        const key = param(column.getSQLType());
        where.push(`(${sortBy}, ${id}) ${direction === 'asc' ? '>' : '<'} (${key}, ${param('text')})`);
      }
      if (held) where.push(`${id} in (${heldEntityIdsText(`'${spec.kind}'`, param('text'), '$1')})`);
      text =
        `select ${select} from ${table} t where ${where.join(' and ')} ` +
        `order by ${sortBy} ${direction}, ${id} ${direction} limit $2`;
      statements.set(name, text);
    }
    return { name, text };
  }

  return {
    /** One page of the list as the caller may see it, each row turned into an item by `toItem`. */
    async read<Row extends { id: string }, Item>(
      db: Database,
      request: PreparedListRequest<Field>,
      toItem: (row: Row) => Item,
    ): Promise<Page<Item>> {
      const column = spec.sortable[request.sort.field];
      const after = cursorPosition(column, request.sort, request.cursor);
      const pattern = containsPattern(request.q);
      const held = request.visibility === 'held';
      // The order of the values follows the order `statement` numbers its parameters in.
      const values: unknown[] = [request.workspaceId, request.limit + 1];
      if (pattern !== undefined) values.push(pattern);
      if (after !== undefined) values.push(after.key, after.id);
      if (held) values.push(request.userId);
      const query = statement(
        request.sort.field,
        request.sort.direction,
        after !== undefined,
        pattern !== undefined,
        held,
      );
      const { rows } = await db.$client.query<Row>({ ...query, values, types: listTypes });
      const field = request.sort.field as string;
      return toPage(
        rows,
        request.limit,
        request.sort,
        (row) => (row as unknown as Record<string, CursorValue | Date>)[field] ?? null,
        toItem,
      );
    },
  };
}
