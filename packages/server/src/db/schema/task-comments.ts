import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tasks } from './tasks';
import { users } from './users';
import { workspaces } from './workspaces';

/** A comment on a task, in Markdown (sanitised when rendered). */
export const taskComments = pgTable(
  'task_comments',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('task_comments_task_idx').on(table.taskId, table.createdAt)],
);
