import { index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import type { ProjectCalendarSettings } from './projects';
import { users } from './users';
import { workspaces } from './workspaces';

/** People do work on a calendar; equipment likewise; material is consumed in units and has no calendar. */
export type ResourceKind = 'person' | 'equipment' | 'material';

/**
 * Someone or something that does the work, shared by every project of a workspace so that workload is seen across
 * them. A person may be a workspace member (`userId`), so that their time entries and assignments meet.
 */
export const resources = pgTable(
  'resources',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<ResourceKind>().notNull().default('person'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Own working time; null follows each project's calendar. */
    calendar: jsonb('calendar').$type<ProjectCalendarSettings>(),
    /** 1 = one full-time unit. */
    maxUnits: real('max_units').notNull().default(1),
    /** Cost per hour of work, in cents. */
    standardRateCents: integer('standard_rate_cents').notNull().default(0),
    overtimeRateCents: integer('overtime_rate_cents').notNull().default(0),
    costPerUseCents: integer('cost_per_use_cents').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('resources_workspace_idx').on(table.workspaceId, table.name, table.id),
    index('resources_user_idx').on(table.userId),
  ],
);
