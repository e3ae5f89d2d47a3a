import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';
import { workspaces } from './workspaces';

/** Which view of a project a saved view configures. */
export type SavedViewKind = 'list' | 'board' | 'gantt';

/** Filters, sort, grouping and columns of a view; the web app owns the shape, the server checks it is an object. */
export type SavedViewConfig = Record<string, unknown>;

/** A named configuration of a project's list, board or Gantt, shared with everyone who can see the project. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SavedViewKind>().notNull(),
    name: text('name').notNull(),
    config: jsonb('config').$type<SavedViewConfig>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('saved_views_project_idx').on(table.projectId, table.kind, table.name)],
);
