import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { tasks } from './tasks';
import { users } from './users';
import { workspaces } from './workspaces';

/**
 * Time someone spent on a task on one day. A running timer is an entry with `timerStartedAt` set; stopping it adds
 * the elapsed minutes and clears it. Entries of a submitted or approved week are locked (see `timesheets`).
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The day the time was spent, `YYYY-MM-DD`. */
    day: date('day', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull().default(0),
    note: text('note').notNull().default(''),
    timerStartedAt: timestamp('timer_started_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('time_entries_user_day_idx').on(table.userId, table.day),
    index('time_entries_task_idx').on(table.taskId),
    index('time_entries_project_day_idx').on(table.projectId, table.day),
  ],
);
