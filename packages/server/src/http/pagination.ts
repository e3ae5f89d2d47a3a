import { z } from '@hono/zod-openapi';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { ApiError } from './errors';

/** Query parameters every list takes; extend it with the list's own filters. */
export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  sort: z
    .string()
    .regex(/^-?[A-Za-z][A-Za-z0-9]*$/, 'sort is a field name, with a leading "-" for descending')
    .optional(),
  q: z.string().max(200).optional(),
});

/** The parsed common list parameters. */
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Sort order of one list request. */
export interface Sort<Field extends string> {
  field: Field;
  direction: 'asc' | 'desc';
}

/** One page of a list, as every list endpoint replies. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A zod schema of a page of `item`, for OpenAPI route responses. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Parses `sort` against the fields the list allows; an unknown field is a 400 naming `sort`. */
export function parseSort<Field extends string>(
  sort: string | undefined,
  allowed: readonly Field[],
  fallback: Sort<Field>,
): Sort<Field> {
  if (sort === undefined) return fallback;
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const field = sort.replace(/^-/, '');
  if (!(allowed as readonly string[]).includes(field)) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `Cannot sort by "${field}"; use one of ${allowed.join(', ')}`,
      'sort',
    );
  }
  return { field: field as Field, direction };
}

/** A sort key as a cursor carries it. */
export type CursorValue = string | number | boolean | null;

interface CursorPayload {
  /** The sort the cursor was made for: a cursor is only valid with the same sort. */
  s: string;
  /** Sort key then id of the last item of the previous page. */
  k: [CursorValue, string];
}

/** The sort as the `sort` parameter spells it, e.g. `-name`. */
function sortToken(sort: Sort<string>): string {
  return `${sort.direction === 'desc' ? '-' : ''}${sort.field}`;
}

/** Encodes the position after `row` as an opaque cursor. */
function encodeCursor(sort: Sort<string>, key: CursorValue | Date, id: string): string {
  const value = key instanceof Date ? key.toISOString() : key;
  const payload: CursorPayload = { s: sortToken(sort), k: [value, id] };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The 400 naming `cursor` for a cursor that is forged, stale or made for another list or sort. */
export function invalidCursor(): ApiError {
  return new ApiError(
    400,
    'VALIDATION_FAILED',
    'The cursor is not valid for this list and sort; start again',
    'cursor',
  );
}

const isoInstant = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const int32 = 2 ** 31;

function isInstant(text: string): boolean {
  return isoInstant.test(text) && isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Whether a decoded cursor key can be compared with `column` in SQL. Cursors are opaque but not signed, so a forged one
 * must be refused here rather than fail inside PostgreSQL as a server error.
 */
function fitsColumn(column: AnyColumn, key: CursorValue): boolean {
  switch (column.dataType) {
    case 'number':
      if (typeof key !== 'number' || !Number.isFinite(key)) return false;
      return column.columnType !== 'PgInteger' || (Number.isInteger(key) && key >= -int32 && key < int32);
    case 'date':
      return typeof key === 'string' && isInstant(key);
    case 'boolean':
      return typeof key === 'boolean';
    case 'string':
      if (typeof key !== 'string' || key.includes('\u0000')) return false;
      if (column.columnType === 'PgDateString') return isCalendarDate(key);
      if (column.columnType === 'PgTimestampString') return isInstant(key);
      return true;
    default:
      return key !== null && typeof key !== 'object';
  }
}

/** Decodes a cursor made by `encodeCursor` for the same sort; anything else is a 400 naming `cursor`. */
function decodeCursor(cursor: string, sort: Sort<string>): { key: CursorValue; id: string } {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw invalidCursor();
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    payload.s !== sortToken(sort) ||
    !Array.isArray(payload.k) ||
    payload.k.length !== 2 ||
    typeof payload.k[1] !== 'string' ||
    !['string', 'number', 'boolean'].includes(typeof payload.k[0])
  ) {
    throw invalidCursor();
  }
  return { key: payload.k[0], id: payload.k[1] };
}

/**
 * The position a cursor points after (the sort key and id of the previous page's last item), checked against the sort
 * and the sort column's type; undefined for the first page, a 400 naming `cursor` for anything forged or stale.
 */
export function cursorPosition(
  column: AnyColumn,
  sort: Sort<string>,
  cursor: string | undefined,
): { key: CursorValue; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const after = decodeCursor(cursor, sort);
  if (!fitsColumn(column, after.key)) throw invalidCursor();
  return after;
}

/**
 * The sort key and id a cursor points after, for a list sorted on a computed key (not one column) whose type the caller
 * checks itself; undefined for the first page, a 400 naming `cursor` for one made for another sort.
 */
export function cursorKey(
  sort: Sort<string>,
  cursor: string | undefined,
): { key: CursorValue; id: string } | undefined {
  return cursor === undefined ? undefined : decodeCursor(cursor, sort);
}

/** The cursor of the page after the item whose sort key and id are given. */
export function cursorAfter(sort: Sort<string>, key: CursorValue | Date, id: string): string {
  return encodeCursor(sort, key, id);
}

/**
 * Keyset pagination in SQL: the condition "after the cursor" and the matching order for a non-null sort column with
 * the id as tie-breaker. Query `limit + 1` rows and pass them to `toPage`.
 * @example const { where, orderBy } = keyset(tasks.name, tasks.id, sort, query.cursor);
 */
export function keyset(
  column: AnyColumn,
  idColumn: AnyColumn,
  sort: Sort<string>,
  cursor: string | undefined,
): { where: SQL | undefined; orderBy: SQL[] } {
  const desc = sort.direction === 'desc';
  const orderBy = desc
    ? [sql`${column} desc`, sql`${idColumn} desc`]
    : [sql`${column} asc`, sql`${idColumn} asc`];
  const after = cursorPosition(column, sort, cursor);
  if (after === undefined) return { where: undefined, orderBy };
  const where = desc
    ? sql`(${column}, ${idColumn}) < (${after.key}, ${after.id})`
    : sql`(${column}, ${idColumn}) > (${after.key}, ${after.id})`;
  return { where, orderBy };
}

/** Turns up to `limit + 1` fetched rows into a page, with a cursor when there are more. */
export function toPage<Row extends { id: string }, Item>(
  rows: readonly Row[],
  limit: number,
  sort: Sort<string>,
  keyOf: (row: Row) => CursorValue | Date,
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sort, keyOf(last), last.id) : null;
  return { items: pageRows.map(toItem), nextCursor };
}
