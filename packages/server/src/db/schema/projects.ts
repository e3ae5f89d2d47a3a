import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { products } from './products';
import { programs } from './programs';
import { users } from './users';
import { workspaces } from './workspaces';

/** Working-time settings of a project: how durations in days and weeks convert to working minutes. */
export interface ProjectCalendarSettings {
  /** Working minutes in a day (MS Project's "hours per day" × 60). */
  minutesPerDay: number;
  /** Working minutes in a week. */
  minutesPerWeek: number;
  /** Working days in a month. */
  daysPerMonth: number;
  /** Working days of the week, 0 Sunday … 6 Saturday. */
  workingDays: number[];
}

/** The calendar settings a project starts with: 8-hour days, Monday to Friday. */
export const defaultCalendarSettings: ProjectCalendarSettings = {
  minutesPerDay: 480,
  minutesPerWeek: 2400,
  daysPerMonth: 20,
  workingDays: [1, 2, 3, 4, 5],
};

/** A project: a plan with a start, a status date and a task tree, standalone or under a program and a product. */
export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    programId: text('program_id').references(() => programs.id, { onDelete: 'set null' }),
    productId: text('product_id').references(() => products.id, { onDelete: 'set null' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    statusDate: date('status_date', { mode: 'string' }),
    calendar: jsonb('calendar').$type<ProjectCalendarSettings>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('projects_workspace_idx').on(table.workspaceId, table.name, table.id),
    index('projects_program_idx').on(table.programId),
    index('projects_product_idx').on(table.productId),
  ],
);
