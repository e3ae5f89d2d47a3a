import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { features } from './features';
import { objectives } from './okrs';
import { products } from './products';
import { workspaces } from './workspaces';

/** Whether a KPI is better high or low. */
export type KpiDirection = 'up' | 'down';

/** A product's key performance indicator: what it measures, its unit, its target and which way is good. */
export const kpis = pgTable(
  'kpis',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    unit: text('unit').notNull().default(''),
    target: doublePrecision('target'),
    direction: text('direction').$type<KpiDirection>().notNull().default('up'),
    objectiveId: text('objective_id').references(() => objectives.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('kpis_product_idx').on(table.productId, table.name, table.id)],
);

/** One value of a KPI on a day; a second value for the same day replaces the first. */
export const kpiMeasurements = pgTable(
  'kpi_measurements',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kpiId: text('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    at: date('at', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('kpi_measurements_kpi_day_key').on(table.kpiId, table.at)],
);

/** Which features are expected to move which KPI. */
export const kpiFeatures = pgTable(
  'kpi_features',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kpiId: text('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    featureId: text('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.kpiId, table.featureId] }),
    index('kpi_features_feature_idx').on(table.featureId),
  ],
);
