import type { WorkContour } from '@tandem/core/schedule/model';
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
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
    /** How the work is spread over the assignment's span; any contour but flat stretches the span. */
    contour: text('contour').$type<WorkContour>().notNull().default('flat'),
    /** The part of the work done as overtime, in minutes: it takes no working time. */
    overtimeWorkMinutes: integer('overtime_work_minutes').notNull().default(0),
    /** Working minutes after the task's start before the assignment begins (MS Project keeps tenths of a minute). */
    delayMinutes: doublePrecision('delay_minutes').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('assignments_task_resource_idx').on(table.taskId, table.resourceId),
    index('assignments_project_idx').on(table.projectId),
    index('assignments_resource_idx').on(table.resourceId),
    check(
      'assignments_contour_check',
      sql`${table.contour} in ('flat', 'backLoaded', 'frontLoaded', 'doublePeak', 'earlyPeak', 'latePeak', 'bell', 'turtle')`,
    ),
    check('assignments_overtime_check', sql`${table.overtimeWorkMinutes} >= 0`),
    check('assignments_delay_check', sql`${table.delayMinutes} >= 0`),
  ],
);
