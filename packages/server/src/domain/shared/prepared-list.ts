import { type AnyColumn, getTableName, type Table } from 'drizzle-orm';
import pg from 'pg';
import { heldEntityIdsText } from '../../auth/access-queries';
import type { CompanionRead } from '../../auth/companion-read';
import type { Visibility } from '../../auth/policy';
import type { Database } from '../../db/client';
import type { EntityKind } from '../../db/schema/entity-members';
import type { ListKind } from '../../db/schema/list-revision';
import { type CursorValue, cursorPosition, type Page, type Sort, toPage } from '../../http/pagination';
import { ListPageCache, rowsWeight } from './list-page-cache';
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
  /**
   * The list revision its table's triggers keep (see `listRevisions`): given one, the pages members read with their
   * authentication are kept between reads while the revision stays.
   */
  revision?: ListKind;
}

/** Where one request of a prepared list starts, and how much it reads. */
export interface ListPosition<Field extends string> {
  workspaceId: string;
  sort: Sort<Field>;
  cursor: string | undefined;
  q: string | undefined;
  limit: number;
}

/** One request of a prepared list, by a caller whose visibility the policy has decided. */
export interface PreparedListRequest<Field extends string> extends ListPosition<Field> {
  userId: string;
  visibility: Visibility;
}

interface Variant<Field extends string> {
  field: Field;
  direction: 'asc' | 'desc';
  after: boolean;
  search: boolean;
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

// About 4 million characters of rows per list and server: a hundred pages of 50 rows of 800 characters each.
const pageCapacity = 4_000_000;

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
  for (const [field, column] of Object.entries<AnyColumn>(spec.sortable)) {
    if (spec.columns[field] !== column)
      throw new Error(`The ${spec.kind} list must read ${field} as "${field}"`);
  }
  const texts = new Map<string, string>();
  const caches = new WeakMap<object, ListPageCache<unknown>>();
  // One cache per database handle, so two servers in one process (as in tests) each keep their own, as two processes do.
  function pagesOf(db: Database): ListPageCache<unknown> {
    let pages = caches.get(db);
    if (!pages) {
      pages = new ListPageCache(pageCapacity);
      caches.set(db, pages);
    }
    return pages;
  }

  /**
   * The list's SQL for one variant, its parameters numbered from `first` in the order `valuesOf` gives them. `caller`
   * visibility reads the role from the `caller` row an authentication lookup joins it to, instead of a parameter.
   */
  function sqlOf(variant: Variant<Field>, first: number, visibility: Visibility | 'caller'): string {
    const key = `${variant.field}_${variant.direction}_${Number(variant.after)}${Number(variant.search)}_${visibility}_${first}`;
    let text = texts.get(key);
    if (text === undefined) {
      const column = spec.sortable[variant.field];
      const sortBy = `t.${quote(column.name)}`;
      const workspace = `$${first}`;
      let count = first + 1;
      const param = (cast: string) => `$${++count}::${cast}`;
      const where = [`t.${quote(spec.workspace.name)} = ${workspace}`];
      if (variant.search) where.push(`t.${quote(spec.search.name)} ilike ${param('text')}`);
      if (variant.after) {
        const key = param(column.getSQLType());
        const compare = variant.direction === 'asc' ? '>' : '<';
        where.push(`(${sortBy}, ${id}) ${compare} (${key}, ${param('text')})`);
      }
      const held = (user: string) => `${id} in (${heldEntityIdsText(`'${spec.kind}'`, user, workspace)})`;
      if (visibility === 'held') where.push(held(param('text')));
      if (visibility === 'caller') {
        where.push(
          `caller.caller_role is not null and (caller.caller_role <> 'guest' or ${held('caller.caller_user_id')})`,
        );
      }
      const kept = visibility === 'caller' && spec.revision !== undefined;
      // A member's rows are read only when the list's revision is not the one of the page the server kept.
      if (kept) where.push(`(caller.caller_role = 'guest' or v.list_revision <> ${param('bigint')})`);
      text =
        `select ${select} from ${table} t where ${where.join(' and ')} ` +
        `order by ${sortBy} ${variant.direction}, ${id} ${variant.direction} limit $${first + 1}`;
      if (kept) {
        const revision =
          `select coalesce((select lr.revision from list_revisions lr where lr.workspace_id = ${workspace} ` +
          `and lr.kind = '${spec.revision}'), 0) as list_revision`;
        text = `select v.list_revision, l.* from (${revision}) v left join lateral (${text}) l on true`;
      }
      texts.set(key, text);
    }
    return text;
  }

  function variantOf(request: ListPosition<Field>) {
    const column = spec.sortable[request.sort.field];
    const after = cursorPosition(column, request.sort, request.cursor);
    const pattern = containsPattern(request.q);
    const variant: Variant<Field> = {
      field: request.sort.field,
      direction: request.sort.direction,
      after: after !== undefined,
      search: pattern !== undefined,
    };
    const values: unknown[] = [request.workspaceId, request.limit + 1];
    if (pattern !== undefined) values.push(pattern);
    if (after !== undefined) values.push(after.key, after.id);
    const name = `${spec.kind}_${variant.field}_${variant.direction}_${Number(variant.after)}${Number(variant.search)}`;
    return { variant, values, name };
  }

  function pageOf<Row extends { id: string }, Item>(
    rows: Row[],
    request: ListPosition<Field>,
    toItem: (row: Row) => Item,
  ): Page<Item> {
    const field = request.sort.field as string;
    return toPage(
      rows,
      request.limit,
      request.sort,
      (row) => (row as unknown as Record<string, CursorValue | Date>)[field] ?? null,
      toItem,
    );
  }

  return {
    /** One page of the list as the caller may see it, each row turned into an item by `toItem`. */
    async read<Row extends { id: string }, Item>(
      db: Database,
      request: PreparedListRequest<Field>,
      toItem: (row: Row) => Item,
    ): Promise<Page<Item>> {
      const { variant, values, name } = variantOf(request);
      if (request.visibility === 'held') values.push(request.userId);
      const text = sqlOf(variant, 1, request.visibility);
      const query = { name: `tandem_list_${name}_${request.visibility}`, text, values, types: listTypes };
      const { rows } = await db.$client.query<Row>(query);
      return pageOf(rows, request, toItem);
    },

    /**
     * The same page as a read to run inside the statement that authenticates the caller (see `CompanionRead`), its
     * visibility decided there from the caller's role; throws the list's 400s for a bad sort or cursor.
     */
    companion<Row extends { id: string }, Item>(
      db: Database,
      request: ListPosition<Field>,
      toItem: (row: Row) => Item,
    ): CompanionRead & { page(): Page<Item> | undefined } {
      const { variant, values, name } = variantOf(request);
      let page: Page<Item> | undefined;
      const order = `r.${quote(request.sort.field)} ${request.sort.direction}, r."id" ${request.sort.direction}`;
      const read = (received: Record<string, unknown>[]) =>
        pageOf(received.filter((row) => row.id !== null) as unknown as Row[], request, toItem);
      if (spec.revision === undefined) {
        return {
          name,
          sql: (first) => sqlOf(variant, first, 'caller'),
          values,
          order,
          types: listTypes,
          accept(received) {
            page = read(received);
          },
          page: () => page,
        };
      }
      const pages = pagesOf(db) as ListPageCache<Page<Item>>;
      const key = `${name}\u0000${JSON.stringify(values)}`;
      // The page kept now is the one the statement compares with, even if it leaves the cache before the reply comes.
      const known = pages.peek(key);
      return {
        name,
        sql: (first) => sqlOf(variant, first, 'caller'),
        values: [...values, known?.revision ?? -1],
        order,
        types: listTypes,
        accept(received) {
          const role = received[0]?.caller_role;
          const member = typeof role === 'string' && role !== 'guest';
          const revision = Number(received[0]?.list_revision);
          if (member && known && known.revision === revision) {
            page = known.page;
            return;
          }
          page = read(received);
          if (member) pages.set(key, { revision, page, weight: rowsWeight(received) });
        },
        page: () => page,
      };
    },
  };
}
