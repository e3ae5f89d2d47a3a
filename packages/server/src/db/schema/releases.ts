import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { features } from './features';
import { products } from './products';
import { users } from './users';
import { workspaces } from './workspaces';

/** Where a release stands in its life. */
export type ReleaseStatus = 'planned' | 'in_progress' | 'released' | 'cancelled';

/**
 * A release of a product: a named version shipped on a target date with a set of features. The version label
 * (`1.4.0`, `2026.11`) is `version_name` because `version` is the row's optimistic-concurrency counter, as on every table.
 */
export const releases = pgTable(
  'releases',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    versionName: text('version_name').notNull(),
    name: text('name').notNull().default(''),
    targetDate: date('target_date', { mode: 'string' }),
    status: text('status').$type<ReleaseStatus>().notNull().default('planned'),
    /** Release notes, Markdown (drafted from the features, then edited). */
    notes: text('notes').notNull().default(''),
    releasedAt: timestamp('released_at', { withTimezone: true, precision: 3 }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('releases_product_version_name_key').on(table.productId, table.versionName),
    index('releases_workspace_idx').on(table.workspaceId),
    check(
      'releases_status_check',
      sql`${table.status} in ('planned', 'in_progress', 'released', 'cancelled')`,
    ),
  ],
);

/** A feature shipped in a release; a feature is in at most one release. */
export const releaseFeatures = pgTable(
  'release_features',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    featureId: text('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('release_features_feature_key').on(table.featureId),
    index('release_features_release_idx').on(table.releaseId),
  ],
);
