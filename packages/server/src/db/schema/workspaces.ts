import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/** The roles a person holds in a workspace, strongest first. */
export const workspaceRoles = ['owner', 'admin', 'member', 'guest'] as const;

/** A person's role in a workspace. */
export type WorkspaceRole = (typeof workspaceRoles)[number];

/**
 * A workspace: the team's space that products, programs and projects belong to. Deleting one sets `deletedAt`, after
 * which it and everything in it is invisible; the rows stay so nothing is lost by a mistaken click.
 */
export const workspaces = pgTable(
  'workspaces',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('workspaces_slug_key').on(table.slug)],
);

/** Who belongs to a workspace, and as what. */
export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<WorkspaceRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.userId] }),
    index('workspace_members_user_idx').on(table.userId),
    check('workspace_members_role_check', sql`${table.role} in ('owner', 'admin', 'member', 'guest')`),
  ],
);
