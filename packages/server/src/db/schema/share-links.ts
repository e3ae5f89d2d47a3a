import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * A revocable read-only link to one entity (a status report, a roadmap): whoever holds the token sees the entity's
 * public rendering without signing in. The token is shown once and stored as a SHA-256 hash, as API tokens are.
 */
export const shareLinks = pgTable(
  'share_links',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** What the link shows, e.g. 'status_report' or 'roadmap'; a renderer is registered per type. */
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
    /** When the link was last opened, for the owner's list. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    uniqueIndex('share_links_token_hash_key').on(table.tokenHash),
    index('share_links_entity_idx').on(table.entityType, table.entityId, table.createdAt),
  ],
);
