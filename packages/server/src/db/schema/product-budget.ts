import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { initiatives } from './initiatives';
import { products } from './products';
import { users } from './users';
import { workspaces } from './workspaces';

/** What a product budget line pays for. */
export type ProductBudgetCategory = 'labour' | 'materials' | 'marketing' | 'other';

/** A budget line of a product, for the whole product or one of its initiatives (`initiative_id`). */
export const productBudgetLines = pgTable(
  'product_budget_lines',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    initiativeId: text('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    category: text('category').$type<ProductBudgetCategory>().notNull().default('labour'),
    name: text('name').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('product_budget_lines_product_idx').on(table.productId, table.createdAt),
    index('product_budget_lines_initiative_idx').on(table.initiativeId),
    check(
      'product_budget_lines_category_check',
      sql`${table.category} in ('labour', 'materials', 'marketing', 'other')`,
    ),
  ],
);
