import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';
import { workspaces } from './workspaces';

/** What a baseline keeps of one task: the dates and amounts variances are measured against. */
export interface BaselineTask {
  /** Wall-clock `YYYY-MM-DDTHH:MM`. */
  start: string;
  finish: string;
  durationMinutes: number;
  workMinutes: number;
  costCents: number;
}

/** A named snapshot of a project's schedule, taken by the engine's `takeBaseline` and kept whole. */
export const baselines = pgTable(
  'baselines',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Why it was taken (or re-set), e.g. an approved change. */
    note: text('note').notNull().default(''),
    /** The plan revision it was taken at. */
    planRevision: integer('plan_revision').notNull(),
    /** Per task id. */
    tasks: jsonb('tasks').$type<Record<string, BaselineTask>>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('baselines_project_idx').on(table.projectId, table.createdAt)],
);
