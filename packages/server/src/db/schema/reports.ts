import type { RagRatings } from '@tandem/core';
import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';
import { workspaces } from './workspaces';

/** Whether a status report is still being written or has been published (then it is read-only). */
export type StatusReportState = 'draft' | 'published';

/**
 * A project's status report for a period: RAG per dimension (suggested from the figures, chosen by the manager, with a
 * reason when they differ), a Markdown narrative, and at publication a frozen snapshot of the figures.
 */
export const statusReports = pgTable(
  'status_reports',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodFinish: date('period_finish', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    narrative: text('narrative').notNull().default(''),
    rag: jsonb('rag').$type<RagRatings>().notNull(),
    state: text('state').$type<StatusReportState>().notNull().default('draft'),
    /** The figures at publication (the service's `ReportFigures`); null while a draft. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('status_reports_project_idx').on(table.projectId, table.periodFinish, table.createdAt)],
);
