import { index, integer, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { resources } from './resources';
import { tasks } from './tasks';
import { workspaces } from './workspaces';

/** A resource assigned to a task at some units; its work drives the task's duration by the task's type. */
export const assignments = pgTable(
  'assignments',
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
    resourceId: text('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    /** 1 = 100 % of the resource's working time. */
    units: real('units').notNull().default(1),
    /** Work of this assignment in minutes; null derives it from the task's duration and the units. */
    workMinutes: integer('work_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('assignments_task_resource_idx').on(table.taskId, table.resourceId),
    index('assignments_project_idx').on(table.projectId),
    index('assignments_resource_idx').on(table.resourceId),
  ],
);
