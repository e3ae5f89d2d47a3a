import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { tasks } from './tasks';
import { workspaces } from './workspaces';

/** Link types: Finish-to-Start, Start-to-Start, Finish-to-Finish, Start-to-Finish. */
export type TaskLinkType = 'FS' | 'SS' | 'FF' | 'SF';

/**
 * A dependency between two tasks of one project. The lag is working minutes on the successor's calendar, or, when
 * `lagPercent` is set, a percentage of the predecessor's duration (then `lagMinutes` is 0).
 */
export const taskLinks = pgTable(
  'task_links',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    predecessorId: text('predecessor_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    successorId: text('successor_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    type: text('type').$type<TaskLinkType>().notNull().default('FS'),
    lagMinutes: integer('lag_minutes').notNull().default(0),
    lagPercent: real('lag_percent'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('task_links_pair_idx').on(table.predecessorId, table.successorId),
    index('task_links_project_idx').on(table.projectId),
    index('task_links_successor_idx').on(table.successorId),
    check('task_links_not_self', sql`${table.predecessorId} <> ${table.successorId}`),
  ],
);
