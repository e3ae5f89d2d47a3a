import type { CostCategory } from '@tandem/core/evm/budget-allocation';
import { bigint, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { tasks } from './tasks';
import { users } from './users';
import { workspaces } from './workspaces';

export type { CostCategory };

/**
 * An amount of a project's budget: for the whole project (`taskId` null) or for one WBS branch (a summary or a leaf
 * task). The budget at completion is the sum of a project's lines.
 */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    category: text('category').$type<CostCategory>().notNull(),
    name: text('name').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('budget_lines_project_idx').on(table.projectId, table.createdAt)],
);

/** Money spent on a project on one day that is not time worked: materials bought, travel, fees. */
export const expenses = pgTable(
  'expenses',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    /** `YYYY-MM-DD`. */
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category').$type<CostCategory>().notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('expenses_project_day_idx').on(table.projectId, table.day)],
);
