import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { features } from './features';
import { products } from './products';
import { users } from './users';
import { workspaces } from './workspaces';

/** Where a piece of feedback came in: the channel it was entered through, or a label an import gave (e.g. 'sales call'). */
export type FeedbackSource = 'ui' | 'api' | 'csv' | 'email' | (string & {});

/** Inbox state of a piece of feedback. */
export type FeedbackState = 'new' | 'triaged' | 'archived';

/** How much the linked passage of feedback says the feature matters to its customer. */
export type FeedbackImportance = 'nice' | 'important' | 'critical';

/** A piece of feedback from a customer (or anonymous), waiting in a product's inbox to be triaged. */
export const feedback = pgTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id').references(() => products.id, { onDelete: 'cascade' }),
    customerId: text('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    source: text('source').$type<FeedbackSource>().notNull().default('ui'),
    /** The sender's address when it came by mail or a CSV with an email column. */
    email: text('email').notNull().default(''),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    state: text('state').$type<FeedbackState>().notNull().default('new'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('feedback_product_idx').on(table.productId, table.state, table.receivedAt, table.id),
    // The inbox pages newest first across states: read backwards, this index gives a page, not the whole inbox.
    // (Ascending on purpose: `desc` here would mean NULLS LAST, which `order by … desc` cannot use.)
    index('feedback_product_received_idx').on(table.productId, table.receivedAt, table.id),
    index('feedback_customer_idx').on(table.customerId),
  ],
);

/** A passage of a feedback (or the whole of it) linked to a feature, with how much it matters. */
export const feedbackLinks = pgTable(
  'feedback_links',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    feedbackId: text('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    featureId: text('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    importance: text('importance').$type<FeedbackImportance>().notNull().default('nice'),
    /** The highlighted passage, kept as text so it survives later edits of the body. */
    highlight: text('highlight').notNull().default(''),
    highlightStart: integer('highlight_start'),
    highlightEnd: integer('highlight_end'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('feedback_links_feature_idx').on(table.featureId, table.feedbackId),
    index('feedback_links_feedback_idx').on(table.feedbackId),
  ],
);
