import {
  type AnyPgColumn,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { products } from './products';
import { users } from './users';
import { workspaces } from './workspaces';

/** Whether an objective is still pursued. */
export type ObjectiveStatus = 'active' | 'achieved' | 'missed' | 'cancelled';

/** Which way a key result's metric should move. */
export type KeyResultDirection = 'increase' | 'decrease';

/** A product objective for a period (e.g. '2026-Q4'), optionally under a parent objective. */
export const objectives = pgTable(
  'objectives',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    parentId: text('parent_id').references((): AnyPgColumn => objectives.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    period: text('period').notNull().default(''),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<ObjectiveStatus>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('objectives_product_idx').on(table.productId, table.period, table.id)],
);

/** A measurable result of an objective: progress runs from `start_value` to `target_value`. */
export const keyResults = pgTable(
  'key_results',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    objectiveId: text('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    unit: text('unit').notNull().default(''),
    startValue: doublePrecision('start_value').notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    currentValue: doublePrecision('current_value').notNull(),
    direction: text('direction').$type<KeyResultDirection>().notNull().default('increase'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('key_results_objective_idx').on(table.objectiveId, table.id)],
);
