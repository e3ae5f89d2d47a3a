import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/** The kinds of thing a per-entity role can be held on. */
export const entityKinds = ['product', 'program', 'project'] as const;

/** A kind of thing a per-entity role can be held on. */
export type EntityKind = (typeof entityKinds)[number];

/** Per-entity roles: the manager of the kind (manages the entity and its members), contributor (edits), viewer (reads). */
export const entityRoles = [
  'product_manager',
  'program_manager',
  'project_manager',
  'contributor',
  'viewer',
] as const;

/** A per-entity role. */
export type EntityRole = (typeof entityRoles)[number];

/**
 * A person's role on one product, program or project. `entityId` has no foreign key because it points into one of
 * three tables; rows are removed with the entity by the service that deletes it.
 */
export const entityMembers = pgTable(
  'entity_members',
  {
    entityType: text('entity_type').$type<EntityKind>().notNull(),
    entityId: text('entity_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    role: text('role').$type<EntityRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.entityType, table.entityId, table.userId] }),
    index('entity_members_user_idx').on(table.userId, table.workspaceId, table.entityType),
    check('entity_members_type_check', sql`${table.entityType} in ('product', 'program', 'project')`),
    check(
      'entity_members_role_check',
      sql`${table.role} in ('product_manager', 'program_manager', 'project_manager', 'contributor', 'viewer')`,
    ),
  ],
);
