import { bigint, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { features } from './features';
import { products } from './products';

/**
 * The demand for a feature as core's `featureDemand` computes it from its feedback links, stored so that a backlog of
 * thousands of features ranks and sorts by demand with an index instead of aggregating every link on each read. A row
 * exists while the feature has at least one link; no row reads as no demand. Every write that changes a link, a
 * feedback's customer or a customer's tier or revenue refreshes the rows it touches in its own transaction.
 */
export const featureDemand = pgTable(
  'feature_demand',
  {
    featureId: text('feature_id')
      .primaryKey()
      .references(() => features.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** Distinct customers who asked. */
    customers: integer('customers').notNull(),
    /** Pieces of feedback linked. */
    feedback: integer('feedback').notNull(),
    /** Sum of the yearly revenue of the distinct customers who asked, in cents. */
    revenueCents: bigint('revenue_cents', { mode: 'number' }).notNull(),
    /** Weighted demand: tier weight × highest importance per customer, importance per anonymous piece. */
    score: doublePrecision('score').notNull(),
  },
  (table) => [
    index('feature_demand_product_score_idx').on(table.productId, table.score.desc(), table.featureId),
  ],
);
