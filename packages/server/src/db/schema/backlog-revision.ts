import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { products } from './products';

/**
 * A product's backlog revision: a number that changes, in the same transaction, with every write that can move a
 * feature in a ranking (a feature added or removed, a stored score, a pin, a stored demand). Triggers on `features`,
 * `feature_scores` and `feature_demand` keep it (migration `backlog_revision_triggers`), so no write path can forget it,
 * and the values come from one sequence, so a number is never reused. A server reuses a ranking it computed while the
 * revision it read then is still the product's; servers sharing the database each see the other's writes through it.
 */
export const backlogRevisions = pgTable('backlog_revisions', {
  productId: text('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});
