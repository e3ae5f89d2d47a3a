import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per change to any entity: who, what, before and after. Rows are only ever inserted; entity ids are kept
 * without foreign keys so the history of a deleted thing survives it.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id'),
    actorId: text('actor_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    // Read as PostgreSQL's text so cursors keep the microseconds a JS Date would drop.
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_entries_entity_idx').on(table.entityType, table.entityId, table.at.desc(), table.id.desc()),
    index('audit_entries_workspace_idx').on(table.workspaceId, table.at.desc(), table.id.desc()),
  ],
);
