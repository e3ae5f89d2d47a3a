import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/** How much a customer matters; weights 3/2/1 in feature demand. */
export type CustomerTier = 'strategic' | 'key' | 'standard';

/** A customer of the workspace (shared by its products), whose feedback weighs on features. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    segment: text('segment').notNull().default(''),
    /** Yearly revenue in cents. */
    revenueCents: bigint('revenue_cents', { mode: 'number' }).notNull().default(0),
    tier: text('tier').$type<CustomerTier>().notNull().default('standard'),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    // Names identify customers in CSV imports, so two customers may not share one, whatever the case.
    uniqueIndex('customers_workspace_name_key').on(table.workspaceId, sql`lower(${table.name})`),
    index('customers_workspace_idx').on(table.workspaceId, table.name, table.id),
  ],
);
