import { getTableColumns, is, Param, Placeholder, sql } from 'drizzle-orm';
import pg from 'pg';
import { queryNamed } from '../../auth/prepared';
import type { Transaction } from '../../db/client';
import { tasks } from '../../db/schema/tasks';
import { nextPositionSql } from './task-tree';

type TaskRow = typeof tasks.$inferSelect;

/** A new task's columns; without a position it goes after the last child of its parent (or at the top level). */
export type NewTask = Omit<typeof tasks.$inferInsert, 'position' | 'projectId' | 'parentId'> & {
  projectId: string;
  parentId: string | null;
  position?: number | undefined;
};

interface Shape {
  name: string;
  text: string;
  params: unknown[];
}

// One statement per set of columns given; past this many sets (never in practice) the rest run unnamed.
const maxShapes = 256;
const shapes = new Map<string, Shape>();

// The types drizzle's node-postgres driver reads as text, for its columns to parse (timestamps, dates, intervals).
const textTypes = new Set([1184, 1114, 1082, 1186, 1231, 1115, 1185, 1187, 1182]);
const driverTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    textTypes.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')) as never,
};

const columns = Object.entries(getTableColumns(tasks));

/** A returned row keyed and typed as drizzle's `returning()` gives it. */
function rowOf(raw: Record<string, unknown>): TaskRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as TaskRow;
}

/** The statement's values: each placeholder's value as its column writes it, nulls as they are. */
function valuesOf(params: readonly unknown[], given: Record<string, unknown>): unknown[] {
  return params.map((param) => {
    if (is(param, Placeholder)) return given[param.name];
    if (is(param, Param) && is(param.value, Placeholder)) {
      const value = given[param.value.name];
      return value === null ? null : param.encoder.mapToDriverValue(value);
    }
    return param;
  });
}

/** The insert for one set of given columns, written by drizzle once with a placeholder per value. */
function shapeOf(tx: Transaction, keys: readonly string[], topLevel: boolean, positioned: boolean): Shape {
  const key = `${keys.join(',')}|${positioned ? 'at' : topLevel ? 'top' : 'under'}`;
  let shape = shapes.get(key);
  if (shape === undefined) {
    const values: Record<string, Placeholder | ReturnType<typeof sql>> = {};
    for (const column of keys) values[column] = sql.placeholder(column);
    if (!positioned) {
      values.position = nextPositionSql(
        sql.placeholder('projectId'),
        topLevel ? null : sql.placeholder('parentId'),
      );
    }
    const query = tx
      .insert(tasks)
      .values(values as unknown as typeof tasks.$inferInsert)
      .returning()
      .toSQL();
    shape = { name: `tandem_task_insert_${shapes.size}`, text: query.sql, params: query.params };
    if (shapes.size < maxShapes) shapes.set(key, shape);
    else shape = { ...shape, name: '' };
  }
  return shape;
}

/**
 * Inserts a task and returns its row as drizzle reads it, through a named prepared statement per set of columns given:
 * PostgreSQL parses and plans the insert once per connection, and the statement is written once per process.
 */
export async function insertTask(tx: Transaction, task: NewTask): Promise<TaskRow> {
  const given = Object.fromEntries(Object.entries(task).filter(([, value]) => value !== undefined));
  const keys = Object.keys(given).sort();
  const shape = shapeOf(tx, keys, task.parentId === null, task.position !== undefined);
  const values = valuesOf(shape.params, given);
  // An empty name runs the statement unnamed.
  const query = { name: shape.name, text: shape.text, values, types: driverTypes };
  const [raw] = await queryNamed<Record<string, unknown>>(tx, query);
  if (!raw) throw new Error('insert into tasks returned no row');
  return rowOf(raw);
}
