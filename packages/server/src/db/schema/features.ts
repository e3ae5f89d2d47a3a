import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { products } from './products';
import { users } from './users';
import { workspaces } from './workspaces';

/** Where a feature stands, from a raw idea to shipped or turned down. */
export type FeatureStatus =
  | 'new'
  | 'under_consideration'
  | 'planned'
  | 'in_progress'
  | 'released'
  | 'declined';

/** An idea or feature of a product: a Markdown spec, a status in the pipeline and free custom fields. */
export const features = pgTable(
  'features',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Markdown: user stories, acceptance criteria; rendered sanitised. */
    spec: text('spec').notNull().default(''),
    status: text('status').$type<FeatureStatus>().notNull().default('new'),
    customFields: jsonb('custom_fields').$type<Record<string, string>>().notNull().default({}),
    /** Fractional-index style key for the order within a status column; sorts as text. */
    rank: text('rank').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('features_product_idx').on(table.productId, table.status, table.rank, table.id),
    // The feature list pages in rank order across statuses: this index gives a page without sorting the product.
    index('features_product_rank_idx').on(table.productId, table.rank, table.id),
    index('features_workspace_idx').on(table.workspaceId),
  ],
);
