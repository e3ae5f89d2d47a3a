import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { releases } from './releases';
import { users } from './users';
import { workspaces } from './workspaces';

/** The go-to-market areas a launch checklist covers. */
export type LaunchArea = 'marketing' | 'sales' | 'support' | 'docs';

/** Where a launch checklist item stands. */
export type LaunchItemStatus = 'todo' | 'in_progress' | 'done' | 'blocked';

/** One item of a launch template: due `offsetDays` from the release's target date (negative = before it). */
export interface LaunchTemplateItem {
  area: LaunchArea;
  title: string;
  offsetDays: number;
}

/** A reusable go-to-market checklist; each workspace gets a default one, users add their own. */
export const launchTemplates = pgTable(
  'launch_templates',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    items: jsonb('items').$type<LaunchTemplateItem[]>().notNull().default([]),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('launch_templates_workspace_idx').on(table.workspaceId, table.name),
    // One seeded default per workspace, so two first visits at once cannot seed it twice.
    uniqueIndex('launch_templates_default_key').on(table.workspaceId).where(sql`${table.isDefault}`),
  ],
);

/** The go-to-market plan of one release. */
export const launchPlans = pgTable(
  'launch_plans',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    templateId: text('template_id').references(() => launchTemplates.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('launch_plans_release_key').on(table.releaseId)],
);

/** One checklist item of a launch plan. */
export const launchItems = pgTable(
  'launch_items',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    launchPlanId: text('launch_plan_id')
      .notNull()
      .references(() => launchPlans.id, { onDelete: 'cascade' }),
    area: text('area').$type<LaunchArea>().notNull(),
    title: text('title').notNull(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').$type<LaunchItemStatus>().notNull().default('todo'),
    position: doublePrecision('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('launch_items_plan_idx').on(table.launchPlanId, table.position),
    check('launch_items_area_check', sql`${table.area} in ('marketing', 'sales', 'support', 'docs')`),
    check('launch_items_status_check', sql`${table.status} in ('todo', 'in_progress', 'done', 'blocked')`),
  ],
);
